"""Stage 3a, cues before a quote: the attribution frame in the writer's sentence.

Each ``try_*`` function looks in one place for a speech verb or frame and the speaker
beside it, and returns ``(Subj, verb, shape)`` or None: in the writer's sentence before
the opening mark (``Name said: "…"``, ``Name said that … "…"``, ``called it a "…"``,
``according to``, a colon), or in the sentence before (``Coan argues that … "…"``). The
cues after the closing mark are in ``after_cues``. The verbs come from ``quotebot.lexicon``.
"""

from __future__ import annotations

import re

from .. import lexicon as L
from ..models import SHAPE_ACCORDING, SHAPE_BEFORE, SHAPE_COLON, SHAPE_FRAGMENT
from .text import (
    ACCORDING_RE,
    ANY_VOCAB,
    CAPW,
    FRAG_VOCAB,
    NAMING_VERBS,
    SPEECH_RE,
    SUBJECT_ONLY,
    find_words,
    is_abbrev_boundary,
)
from .spans import Span
from .after_cues import WHO_BEFORE_RE
from .candidates import Subj, subject_before
from .after_candidates import DOC_HEADS, sentence_subject, subject_after
from .names import (
    ADDRESSEE_VERBS,
    DASH_NAME_RE,
    NOUN_BEFORE_RE,
    PAST_IRREGULAR,
    SUBORD_INTRO_RE,
)


# --------------------------------------------------------------------------
# Attribution
# --------------------------------------------------------------------------
_MODIFIER_NEXT_RE = re.compile(r"[ \t]+([a-z][a-z\-]*)\b")
_DETERMINER_BEFORE_RE = re.compile(r"(?:^|\s)(?:the|a|an|his|her|its|their|our|my|your)[ \t]+$", re.IGNORECASE)


def _lone_word_modifier(text: str, subj: Subj) -> bool:
    """'Partial transcript as follows:', 'her Twitter account posted:': a lone capitalised
    word that only modifies the noun after it (or sits after a determiner) is no speaker."""
    if subj.kind != "name" or " " in subj.phrase:
        return False
    if _DETERMINER_BEFORE_RE.search(text, max(0, subj.start - 8), subj.start):
        return True
    m = _MODIFIER_NEXT_RE.match(text, subj.end)
    if m is None:
        return False
    w = m.group(1)
    return not (w.endswith(("s", "ed")) or w in PAST_IRREGULAR or w in L.SPEECH_VERBS or w in ("also", "then"))


DOC_OBJECT_RE = re.compile(
    r"(?:^|\s)(?:issued|issues|issue|released|releases|release|put\s+out|puts\s+out|sent|sends|"
    r"sent\s+out|posted|posts|published|publishes|emailed|emails|gave|gives|delivered|delivers|"
    r"read|reads|wrote|writes|filed|files|signed|signs|tweeted|tweets|launched|launches|unveiled|unveils|"
    r"aired|airs|ran|runs|(?:is|are|was|were)\s+(?:issuing|releasing|sending|posting|publishing|launching|"
    r"unveiling|airing|running))\s+(?:out\s+)?$")
# the determiner and modifiers of a document the subject walk left out ("a new 30-second ad")
_DOC_DETERMINER_RE = re.compile(r"(?:^|\s)(?:a|an|the|his|her|its|their)(?:\s+[\w’'\-]+){0,3}\s+$")


def _issuer_of(text: str, lo: int, subj: Subj) -> Subj | None:
    """'Name issued a statement saying "…"', 'Name is releasing a new ad that urges …': the
    document is the object, its issuer speaks."""
    words = subj.phrase.split()
    if len(words) > 4 or words[-1].lower().strip(".,") not in DOC_HEADS:
        return None
    mb = _AUTHORED_BY_RE.match(text, subj.end)
    if mb is not None:
        # "a fundraising email sent out by Sanders on Tuesday warned: '…'": its author speaks
        author = subject_after(text, mb.end(), min(len(text), mb.end() + 80))
        if author is not None and author.kind in ("name", "org"):
            return author
    start = subj.start
    if words[0].lower() not in ("a", "an", "the"):
        md = _DOC_DETERMINER_RE.search(text, max(lo, start - 50), start)
        if md is None:
            return None
        start = md.start() + (1 if text[md.start()].isspace() else 0)
    m = DOC_OBJECT_RE.search(text, max(lo, start - 30), start)
    if m is None:
        return None
    issuer = subject_before(text, lo, m.start() + (1 if text[m.start()].isspace() else 0))
    if issuer is None or issuer.kind not in ("name", "pronoun", "org", "desc"):
        return None
    if issuer.kind == "pronoun" and issuer.phrase.lower() not in ("he", "she", "they", "we"):
        return None
    return issuer


def _noun_use(text: str, lo: int, mv) -> bool:
    """'the Vance campaign brass', 'his support': a verb-form word used as a noun."""
    v = mv.group().lower()
    return not v.endswith("ed") and v not in PAST_IRREGULAR and \
        NOUN_BEFORE_RE.search(text, max(lo, mv.start() - 40), mv.start()) is not None


def _passive_use(text: str, mv) -> bool:
    """'the divide highlighted by the shootings': a participle with its agent after it; the
    words before it do not speak (an addressee verb's agent is read by try_before)."""
    v = mv.group().lower()
    return text.startswith(" by ", mv.end()) and (v.endswith("ed") or v in PAST_IRREGULAR) and \
        v not in ADDRESSEE_VERBS and _BY_DOING_RE.match(text, mv.end() + 4) is None


_BY_DOING_RE = re.compile(r"[a-z]+ing\b")  # ('responded by saying …' is active)


_SUBORD_CLAUSE_RE = re.compile(r"\s*(?:While|Although|Though|If|When|As|Because|After|Before|Since|Unless|Whether|"
                               r"Even though|Even if|Despite|In spite of|Amid|Following|Unlike|Without|"
                               r"During|Throughout|Given)\b[^,;:“”\"]{0,150},")
# ... or after a short opening phrase ('Later in the show, after the interview concluded, …')
_LATER_SUBORD_CLAUSE_RE = re.compile(r"\s*[A-Z][^,;:“”\"]{0,40},\s*(?:after|when|while|as|before|since|although|though|"
                                     r"if|because|once|until|unless)\b[^,;:“”\"]{0,150},")
_PHRASAL_PARTICLE_RE = re.compile(r"\s+(?:on|for|in|up|out|upon)\b")
_MAIN_VERB_RE = re.compile(r"(?:,[^,.;:“”\"\n]{1,80},)?[\s,]*(?:\([^)]*\)\s*)?(?:(?:also|then|later|again|has|had|was|is)\s+)*"
                           r"([a-z][\w’'\-]*)")
_MAIN_VERB_LONG_RE = re.compile(
    r"(?:,[^,.;:“”\"\n]{1,80},)?[\s,]*(?:\([^)]*\)\s*)?(?:(?:also|then|later|again|once|has|had|have|was|is|will|would)\s+)*"
    r"([a-z][\w’'\-]*)")
_NEW_SENTENCE_RE = re.compile(r"[.!?]\s+[A-Z]")
_CLAUSE_JOIN_END_RE = re.compile(r"(?:^|\s)(?:and|but|or|then|and then|before|after)\s*$")
_WITH_ING_TO_RE = re.compile(rf"\bwith[ \t]+({CAPW}(?:[ \t]+{CAPW}){{0,3}})[ \t]+[a-z]+ing\b"
                             r"[^,;:.!?“”\"]{0,80}?[ \t]to[ \t]+$")
_WITH_NAME_END_RE = re.compile(rf"\bwith\s+({CAPW}(?:\s+{CAPW}){{0,3}}|"
                               r"(?:many|some|several|dozens of|hundreds of|thousands of|the)\s+[a-z]+"
                               r"(?:\s+(?:and\s+)?[a-z]+){0,3})\s+$")  # ("with many marchers chanting")
_CLAUSE_PUNCT_RE = re.compile(r"[.!?;:](?!\))")  # (not the period of a party tag: '(D-Va.)')
_AFTER_CLOSE_RE = re.compile(r"[,!?]?[”\"'’]+\s+$")


_PREP_BEFORE_RE = re.compile(r"\b(?:to|on|in|at|for|from|via)[ \t]+$")  # (not "with": "with Name saying" has Name speak)
_INVERTED_TAIL_RE = re.compile(r"\s*(?:,[^,.;:!?“”\"\n]{1,160})?,\s*")


_FROM_COLON_RE = re.compile(r"(?<![\w’'])(?:More[ \t]+)?(?:[Ff]rom|[Aa]nd[ \t]+from)[ \t]+([^\s:,.;“”\"][^:,;“”\"]{0,80}):$")
# the quote opens the that-clause of the verb before it ('…, while Cruz said that the "…"')
_THAT_OPENS_RE = re.compile(r"[ \t]+(?:that(?:[ \t]+(?:the|a|an|his|her|their|its|this|these|those|our))?|"
                            r"the|his|her|their|its|this|these|those|our)[ \t]+")
# 'Name said he was "encouraged"': the quoted words complete the reported clause that opens
# right after the verb
_PRONOUN_COPULA_RE = re.compile(r"[ \t]+(?:that[ \t]+)?(?:(?:he|she|it)[’']s[ \t]+|(?:they|we|you)[’']re[ \t]+|I[’']m[ \t]+|"
                                r"(?:he|she|they|it|we|I)[ \t]+(?:was|is|were|are|had[ \t]+been|"
                                r"has[ \t]+been|have[ \t]+been|would[ \t]+be|will[ \t]+be|felt|feels|feel|remained|"
                                r"remains)[ \t]+)(?:(?:very|so|too|not|still|really|deeply|quite|a[ \t]+bit)[ \t]+)?")
_COLON_ONLY_VERBS = {"continues", "continue"}  # (no cue on their own: "the trend continues")
_VERB_COLON_RE = re.compile(r"(?<![\w’'])([a-z]{3,}(?:s|ed))[ \t]*:$")
_AUTHORED_BY_RE = re.compile(r"[ \t]+(?:sent|issued|released|written|signed|posted|published|put)"
                             r"(?:[ \t]+out)?[ \t]+by[ \t]+")
_NAME_ONLY_RE = re.compile(r"[ \t]+(?:[A-Z][\w’'.\-]*[ \t]+){1,3}")  # ('said Obama "understood …"')
_BE_BEFORE_RE = re.compile(r"(?<![\w’'])(?:was|were|is|are|been|be)[ \t]+$")
_MODAL_BEFORE_RE = re.compile(r"(?<![\w’'])(?:will|would|to|could|should|can|may|might|must)[ \t]+$")


_SAID_OPENS_RE = re.compile(r"\s*(Said|Says|Added|Adds|Wrote|Writes|Recalled|Recalls)[ \t]+(?=[A-Z])")
_SAID_OPENS_TAIL_RE = re.compile(r"\s*(?:,[^.;:!?“”\"\n]{1,160})?[,:]\s*")


_PASSIVE_BEFORE_RE = re.compile(r"(?<![\w’'])(?:was|were|is|are|been|being)[ \t]+$")
_BY_AGENT_RE = re.compile(r"[ \t]+by[ \t]+")
_OBJECT_OF_VERB_RE = re.compile(r"(?<![\w’'])[a-z]+ed[ \t]+$")


def _clause_break(text: str, lo: int, hi: int) -> bool:
    """Does text[lo:hi] end a clause? The period of a title or an initial ('Rep.', 'J.') does not."""
    return any(not is_abbrev_boundary(text, lo + m.start()) for m in _CLAUSE_PUNCT_RE.finditer(text[lo:hi]))


def _sentence_ends_in(text: str, lo: int, hi: int) -> bool:
    """Does a sentence end in text[lo:hi]? The period of 'Mr. Obama' does not end one."""
    return any(not is_abbrev_boundary(text, m.start()) for m in _NEW_SENTENCE_RE.finditer(text, lo, hi))


# a coordinated clause with a subject of its own ('…, but the campaign rejected …')
_NEW_SUBJECT_CLAUSE_RE = re.compile(r"(?:,|;|[ \t][-–—])[ \t]+(?:but|and|yet|while|whereas)[ \t]+(?:(?:the|a|an)[ \t]|[A-Z])")
_HERES_RE = re.compile(r"\s*Here(?:’s|'s|[ \t]+is|[ \t]+was)[ \t]+(?=[A-Z])")


def try_before(text: str, sp: Span, win_start: int, in_quote=None,
               fragment: bool = False) -> tuple[Subj, str, str] | None:
    window_end = sp.open
    seg = text[win_start:window_end]
    if not seg.strip():
        return None
    if seg.rstrip().endswith(":"):
        colon = win_start + len(seg.rstrip()) - 1
        mvc = _VERB_COLON_RE.search(text, max(win_start, colon - 40), colon + 1)
        if mvc is not None and (mvc.group(1) in L.SPEECH_VERBS or mvc.group(1) in L.OPINION_VERBS
                                or mvc.group(1) in _COLON_ONLY_VERBS):
            # "The crowd cheers, and then Holm continues: '…'": the verb right before the
            # colon and its subject, not a verb or subject earlier in the sentence
            near = subject_before(text, win_start, mvc.start(1))
            if near is not None and near.kind == "name" and near.start > win_start:
                return near, mvc.group(1), SHAPE_BEFORE
    mi = _SAID_OPENS_RE.match(text, win_start, window_end)
    if mi is not None:
        # 'Said Dorothy Poynter, who grew up with Ali, "…"': an inverted attribution
        # opening the sentence
        inv = subject_after(text, mi.end(), window_end)
        if inv is not None and inv.kind in ("name", "org", "desc") and \
                _SAID_OPENS_TAIL_RE.fullmatch(text, inv.end, window_end):
            return inv, mi.group(1).lower(), SHAPE_BEFORE
    ma = None
    if "ccord" in seg.lower():  # (cheap test before the case-insensitive search)
        for ma in ACCORDING_RE.finditer(seg):
            pass
    verbs = [v for v in find_words(text, win_start, window_end, FRAG_VOCAB if fragment else ANY_VOCAB,
                                   multi=True)
             if (in_quote is None or not in_quote(v.start())) and not _noun_use(text, win_start, v)
             and not _passive_use(text, v)]
    if ma is not None and (not verbs or verbs[-1].start() <= win_start + ma.start()):
        subj = subject_after(text, win_start + ma.end(), window_end)
        if subj:
            return subj, "according to", SHAPE_ACCORDING
    order = list(reversed(verbs))
    if fragment and verbs:
        m_sub = _SUBORD_CLAUSE_RE.match(text[win_start:window_end]) or \
            _LATER_SUBORD_CLAUSE_RE.match(text[win_start:window_end])
        if m_sub:
            # verbs of an introductory clause ("While not everything X says is true, …") do not
            # attribute the rest of the sentence
            verbs = [v for v in verbs if v.start() >= win_start + m_sub.end()] or verbs
        last_clause = None
        for last_clause in _NEW_SUBJECT_CLAUSE_RE.finditer(text, win_start, window_end):
            pass
        if last_clause is not None:
            # 'Holm proposed a debate, but the Marek campaign rejected it as "…"': a clause
            # with a subject of its own governs the words quoted in it
            verbs = [v for v in verbs if v.start() >= last_clause.end()] or verbs
        # Words quoted inside the writer's sentence belong to the main clause's
        # speaker ("He said that everything X says is 'just excuses'"), unless a
        # fragment verb sits right before them ("which Jones called 'reckless'").
        near = [v for v in verbs if v.group().lower() in L.FRAGMENT_VERBS and window_end - v.end() <= 120
                and not _PHRASAL_PARTICLE_RE.match(text[v.end():v.end() + 8])
                and not (v.group().endswith("ing") and not text[v.end():window_end].strip()
                         and _BE_BEFORE_RE.search(text, max(win_start, v.start() - 8), v.start()))]
        # ('Fox executives were calling "every 15 minutes"': no object, so no naming)
        order = near[-1:] + [v for v in verbs if v not in near[-1:]]
        last = verbs[-1]
        if last.group().lower() in L.SPEECH_VERBS and not last.group().endswith("ing") and \
                (not text[last.end():window_end].strip(" \t,:") or _THAT_OPENS_RE.fullmatch(text, last.end(), window_end)
                 or _PRONOUN_COPULA_RE.fullmatch(text, last.end(), window_end)
                 or _NAME_ONLY_RE.fullmatch(text, last.end(), window_end)) and \
                not _MODAL_BEFORE_RE.search(text, max(win_start, last.start() - 8), last.start()):
            # 'when Rubio said it was great, a man yelled "Stay there!"': a speech verb
            # right before the words says them, whatever the sentence said before (not a
            # hypothetical one: 'Obama said he expected Americans will say "no"')
            order = [last] + [v for v in order if v is not last]
        elif WHO_BEFORE_RE.search(text, max(win_start, last.start() - 40), last.start()):
            # '…, and Name, who says it is "…"': the nearest verb opens a relative clause of
            # its own, and the quoted words are that clause's
            order = [last] + [v for v in order if v is not last]
    m_intro = SUBORD_INTRO_RE.match(text, win_start, window_end)
    for mv in order:
        v = mv.group().lower()
        if v == "according to":
            continue
        if m_intro and mv.end() <= m_intro.end() and window_end - m_intro.end() > 3:
            # "When Vance suggested …, Okafor fired back: '…'": a verb inside the
            # introductory clause does not attribute; the main clause's subject does
            subj = sentence_subject(text, m_intro.end(), window_end)
            if subj is not None and (
                    subj.kind == "name" or (subj.kind == "pronoun" and subj.phrase.lower() in ("he", "she"))):
                mverb = _MAIN_VERB_RE.match(text[subj.end:window_end])
                return subj, (mverb.group(1) if mverb else ""), SHAPE_BEFORE
        between = text[mv.end():window_end]
        if _NEW_SENTENCE_RE.search(between) and _sentence_ends_in(text, mv.end(), window_end) and \
                (in_quote is None or not in_quote(mv.end())):
            continue
        if v in L.FRAGMENT_VERBS and v not in L.SPEECH_VERBS and window_end - mv.end() > 120:
            continue
        if v in ADDRESSEE_VERBS and _PASSIVE_BEFORE_RE.search(text, max(win_start, mv.start() - 8), mv.start()):
            # 'Trump was asked, "…"': the one asked is not the one who speaks; the agent is
            # ('was asked by host Bill Maher', 'was interrupted by a protester')
            mby = _BY_AGENT_RE.match(text, mv.end(), window_end)
            agent = subject_after(text, mby.end(), window_end) if mby else None
            if agent is not None and agent.kind in ("name", "desc", "org"):
                return agent, mv.group(), SHAPE_BEFORE
            continue
        participle = v.endswith("ing") and text[max(win_start, mv.start() - 2):mv.start()] == ", "
        subj = None if participle else subject_before(text, win_start, mv.start())
        mw = _WITH_ING_TO_RE.search(text, max(win_start, mv.start() - 160), mv.start()) \
            if text.endswith("to ", 0, mv.start()) else None
        if mw is not None:
            # '…, with Lewandowski taking to Twitter to call Fields "…"': the infinitive's
            # subject is the one the participle is about
            subj = subject_after(text, mw.start(1), mw.end(1) + 1) or subj
        if subj is not None and v.endswith("ing") and subj.kind in ("org", "desc") and subj.phrase[:1].islower() \
                and _OBJECT_OF_VERB_RE.search(text, max(win_start, subj.start - 20), subj.start):
            subj, participle = None, True  # 'The senator emailed supporters saying: "…"': an object
        if subj is not None and v.endswith("ing") and _PREP_BEFORE_RE.search(text, max(win_start, subj.start - 6),
                                                                           subj.start):
            # "… in a statement to Wired explaining …", "… on Facebook writing, …": the name
            # is a preposition's object; the participle's subject is the clause's
            subj, participle = None, True
        if subj is None and not participle and v in L.SPEECH_VERBS and v not in ADDRESSEE_VERBS:
            # an inverted attribution right before the quote ('But, said Hale, "…"',
            # '"…," said Hale, the director, "and …"')
            inv = subject_after(text, mv.end(), window_end)
            if inv is not None and inv.kind in ("name", "org", "desc") and \
                    _INVERTED_TAIL_RE.fullmatch(text, inv.end, window_end):
                subj = inv
        if subj is not None and subj.kind != "name":
            subj = _issuer_of(text, win_start, subj) or subj
        if subj is None:
            # participles ("…, warning that …", "with Name saying …"): the sentence subject
            if v.endswith("ing") or v.startswith("went") or _CLAUSE_JOIN_END_RE.search(
                    text[max(win_start, mv.start() - 12):mv.start()]):
                m2 = _WITH_NAME_END_RE.search(text[win_start:mv.start()])
                if m2 and m2.group(1)[:1].islower():
                    # "with many marchers and spectators chanting": the group speaks
                    subj = Subj(m2.group(1), "desc", win_start + m2.start(1), win_start + m2.end(1))
                elif m2:
                    subj = subject_after(text, win_start + m2.start(1), mv.start())
                if subj is None and participle:
                    # "…," Name said, calling X "…": the subject of the clause before the
                    # participle speaks, not whatever opens the sentence
                    for pv in reversed(verbs):
                        if pv.end() > mv.start() - 2:
                            continue
                        if pv.group().lower() not in L.SPEECH_VERBS or _clause_break(text, pv.end(), mv.start()):
                            break
                        cand = subject_before(text, win_start, pv.start())
                        if cand is None and _AFTER_CLOSE_RE.search(text, max(win_start, pv.start() - 6), pv.start()):
                            # '"…," said Rep. Name, adding that "…"': the inverted attribution's subject
                            cand = subject_after(text, pv.end(), mv.start() - 2)
                        if cand is not None and cand.kind in ("name", "pronoun"):
                            subj = cand
                        break
                if subj is None:
                    subj = sentence_subject(text, win_start, mv.start())
        if subj is None:
            continue
        if v in L.FRAGMENT_VERBS and (v not in L.SPEECH_VERBS or (fragment and v in NAMING_VERBS)):
            shape = SHAPE_FRAGMENT
        else:
            shape = SHAPE_BEFORE
        return subj, mv.group(), shape
    if seg.rstrip().endswith(":"):
        colon = win_start + len(seg.rstrip()) - 1
        mdash = DASH_NAME_RE.search(text, max(win_start, colon - 80), colon)
        if mdash:
            # "HEADLINE – Jane Roe and Al Poe:" (a digest): the byline before the colon speaks
            subj = subject_after(text, mdash.start(1), colon)
            if subj is not None and subj.kind == "name":
                return subj, ":", SHAPE_COLON
        mfrom = _FROM_COLON_RE.search(text, max(win_start, colon - 120), colon + 1)
        lead = text[win_start:mfrom.start()].rstrip() if mfrom else ""
        if mfrom and (not lead or lead[-1] in "-—–.:"):
            # 'More from Ada Jones: "…"', 'From the report: "…"' opening the clause: the
            # source is named after "from" (not '… was from Mexico: "…"')
            subj = subject_after(text, mfrom.start(1), colon)
            if subj is not None and subj.kind in ("name", "org") and subj.end >= colon - 1:
                return subj, ":", SHAPE_COLON
        mh = _HERES_RE.match(text, win_start, colon)
        if mh:
            # 'Here's Clinton in December 1992: "…"': the one presented speaks
            subj = subject_after(text, mh.end(), colon)
            if subj is not None and subj.kind == "name":
                return subj, ":", SHAPE_COLON
        subj = sentence_subject(text, win_start, window_end)
        if subj and subj.kind != "name":
            author = _issuer_of(text, win_start, subj)  # ('an email sent out by Name warned:')
            if author is not None and not _lone_word_modifier(text, author):
                subj = author
        if subj and not _lone_word_modifier(text, subj):
            return subj, ":", SHAPE_COLON
        named = subject_before(text, win_start, colon) if subj is None else None
        if named is not None and named.kind == "name" and (named.role or " " in named.phrase) and \
                not _BY_BEFORE_RE.search(text, max(win_start, named.start - 12), named.start):
            # 'None of this surprises pollster Kim Farrow: "…"': the sentence has no speaking
            # subject; the person named right before the colon speaks
            return named, ":", SHAPE_COLON
    if fragment:
        # Words quoted in a sentence whose subject is a person: that person's words
        # ('Holm went on to promote "…"'); an organisation or no subject: a scare quote.
        subj = sentence_subject(text, win_start, window_end)
        if subj is not None and (subj.kind == "name" or (subj.kind == "pronoun" and
                                                         subj.phrase.lower() in ("he", "she", "they"))):
            if not L.is_org_phrase(subj.phrase) and not _NEGATED_RE.match(text, subj.end, window_end):
                mverb = _MAIN_VERB_LONG_RE.match(text[subj.end:window_end])
                return subj, (mverb.group(1) if mverb else ""), SUBJECT_ONLY
    return None


# "Holm would not comment on an order …": what the subject did not do says nothing of the words
_NEGATED_RE = re.compile(r"[ \t]+(?:(?:would|will|did|does|do|could|can|has|have|had|is|was)[ \t]+)?(?:not|never)\b|"
                         r"[ \t]+[a-z]+n[’']t\b")
_BY_BEFORE_RE = re.compile(r"(?<![\w’'])by[ \t]+(?:[\w.]+(?:’s|'s|s[’'])[ \t]+)?$")  # (a byline: '"…," by Times' Ben Sisario:')
_TAIL_END_RE = re.compile(r"[ \t]*[.!?]?[ \t]*")
_AFTER_COMMA_RE = re.compile(r",[ \t]+(?:[a-z\-]+[ \t]+){0,3}$")  # (', digital consultant Name says.')


def speaker_of_sentence_before(text: str, lo: int, hi: int) -> tuple[Subj, str, str] | None:
    """'Coan argues that his client was peaceful. "The government is alleging …"': a quote
    opening a sentence, right after a writer's sentence in which a person speaks."""
    if hi - lo > 400 or any(ch in text[lo:hi] for ch in "“”\"") or "''" in text[lo:hi]:
        return None
    mv = SPEECH_RE.search(text, lo, hi)
    if mv is None or mv.group().lower() in ADDRESSEE_VERBS - {"told", "tells"}:
        return None
    subj = subject_before(text, lo, mv.start())
    if subj is None or subj.kind not in ("name", "pronoun"):
        return None
    if text[lo:subj.start].strip(" ,") and not (
            subj.kind == "name" and _TAIL_END_RE.fullmatch(text, mv.end(), hi) and
            _AFTER_COMMA_RE.search(text, max(lo, subj.start - 40), subj.start)):
        return None  # (the subject opens the sentence, or closes it: 'Or maybe Bush, consultant Ada Holm says.')
    return subj, mv.group(), SHAPE_BEFORE
