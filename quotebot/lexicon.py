"""Word lists the extractor relies on: speech verbs, pronouns, titles, roles, organisations.

Everything here is generic English news vocabulary; nothing is specific to one
article or corpus.
"""

from __future__ import annotations

import functools
import re


def _inflect(base: str) -> set[str]:
    """Regular inflections of a verb lemma (say -> say, says, saying, said is irregular)."""
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


# Verbs that introduce a whole statement (direct or reported).
_STATEMENT_LEMMAS = """
say tell add write warn insist argue note explain stress ask reply continue tweet declare
acknowledge admit claim complain concede suggest predict recall urge state announce answer
respond remark comment observe point mention assert contend maintain affirm confirm deny
report reveal disclose emphasize emphasise caution cry exclaim shout scream yell whisper
mutter murmur joke quip boast brag promise pledge vow threaten vow counter retort protest
object lament mourn concede conclude agree disagree posit propose recommend demand plead
testify testify repeat reiterate echo chime interject interrupt begin start finish summarize
summarise opine muse wonder speculate estimate forecast acknowledge allege accuse charge
blast slam criticize criticise praise hail tout laud thank apologize apologise assure reassure
inform advise remind recount relate recollect describe post text email message write tell
grumble gripe snap snipe fume rage bristle sneer scoff chuckle laugh sigh shrug smile
bark beam gush rave deadpan hiss growl thunder roar bellow shriek sob cheer chant gasp marvel
tweet retweet blog preach lecture rail riff vent fret reflect elaborate clarify specify
acknowledge allow conclude volunteer offer submit counsel rule find determine
declare proclaim announce predict contend reckon figure guess conclude acknowledge
insist plead beg encourage challenge dare question query press demand wonder ask
warn caution concede confess note observe underscore underline highlight signal indicate
react
""".split()

_IRREGULAR = {
    "say": {"say", "says", "said", "saying"},
    "tell": {"tell", "tells", "told", "telling"},
    "write": {"write", "writes", "wrote", "written", "writing"},
    "speak": {"speak", "speaks", "spoke", "spoken", "speaking"},
    "begin": {"begin", "begins", "began", "begun", "beginning"},
    "put": {"put", "puts", "putting"},
    "go": {"went on", "goes on", "go on", "going on"},
    "post": {"post", "posts", "posted", "posting"},
    "text": {"text", "texts", "texted", "texting"},
    "email": {"email", "emails", "emailed", "emailing", "e-mailed"},
    "blast": {"blast", "blasts", "blasted", "blasting"},
    "chime": {"chime", "chimes", "chimed", "chiming"},
    "snap": {"snap", "snaps", "snapped", "snapping"},
    "quip": {"quip", "quips", "quipped", "quipping"},
    "shrug": {"shrug", "shrugs", "shrugged", "shrugging"},
    "plead": {"plead", "pleads", "pleaded", "pled", "pleading"},
    "slam": {"slam", "slams", "slammed", "slamming"},
    "brag": {"brag", "brags", "bragged", "bragging"},
    "admit": {"admit", "admits", "admitted", "admitting"},
    "scoff": {"scoff", "scoffs", "scoffed", "scoffing"},
    "grumble": {"grumble", "grumbles", "grumbled", "grumbling"},
    "thank": {"thank", "thanks", "thanked", "thanking"},
    "forecast": {"forecast", "forecasts", "forecasted", "forecasting"},
    "query": {"query", "queries", "queried", "querying"},
    "testify": {"testify", "testifies", "testified", "testifying"},
    "reply": {"reply", "replies", "replied", "replying"},
    "cry": {"cry", "cries", "cried", "crying"},
    "deny": {"deny", "denies", "denied", "denying"},
    "retort": {"retort", "retorts", "retorted", "retorting"},
    "underscore": {"underscore", "underscores", "underscored", "underscoring"},
    "rebut": {"rebut", "rebuts", "rebutted", "rebutting"},
    "commit": {"commit", "commits", "committed"},
}

SPEECH_VERBS: set[str] = set()
for _lemma in _STATEMENT_LEMMAS:
    SPEECH_VERBS |= _IRREGULAR.get(_lemma) or _inflect(_lemma)
SPEECH_VERBS -= {"point", "points", "pointing", "pointed", "figure", "figures", "figured",
                 "figuring", "start", "starts", "starting", "started", "finish", "finishes",
                 "finished", "finishing", "begin", "begins", "beginning", "begun", "smile",
                 "smiles", "smiling", "charge", "charges", "charging", "press", "presses",
                 "pressing", "question", "questions", "questioning", "signal", "signals",
                 "signaling", "indicate", "indicates", "post", "posts", "text", "texts",
                 "message", "messages", "echo", "echoes", "continue", "continues",
                 "continuing", "state", "states", "stating", "guess", "guesses",
                 "highlight", "highlights", "highlighting", "underline", "underlines",
                 "underlining", "object", "objects", "objecting", "describe", "describes",
                 "describing", "relate", "relates", "relating", "challenge", "challenges",
                 "challenging", "dare", "dares", "daring", "query", "queries", "laugh",
                 "laughs", "laughing", "thank", "thanks", "thanking", "praise", "praises",
                 "praising", "criticize", "criticise", "criticizes", "criticises", "hail",
                 "hails", "tout", "touts", "touting", "apologize", "apologise", "apologizes",
                 "wonder", "wonders", "wondering", "demand", "demands", "demanding",
                 "email", "emails", "emailing", "figure", "post", "ask", "asking",
                 "estimate", "estimates", "estimating", "report", "reports", "reporting",
                 "respond", "responds", "responding", "promise", "promises", "promising",
                 "speak", "speaks", "speaking", "agree", "agrees", "agreeing", "disagree",
                 "disagrees", "signalling", "echoing", "counter", "counters", "countering",
                 "counsel", "counsels", "volunteer", "volunteers"}
# "continued", "stated", "described" etc. stay (past forms are reliable cues); the
# present forms of "counsel" and "volunteer" are nouns in a role ("general counsel for X").
# Phrasal speech verbs: the head word alone is no cue ("pointed at", "shot a video").
PHRASAL_SPEECH_VERBS = {"pointed out", "points out", "pointing out", "point out", "shot back", "shoots back",
                        "fired back", "fires back", "hit back", "hits back", "chimed in", "chimes in",
                        "weighed in", "weighs in", "spoke up", "speaks up", "went on", "goes on"}
SPEECH_VERBS |= PHRASAL_SPEECH_VERBS
SPEECH_VERBS |= {"surmised", "surmises", "mocked", "mocks"}
SPEECH_VERBS |= {"remembered", "remembers"}  # ('"…," remembered Name'; "I remember" is no cue)

# Verbs that take a quoted *fragment* as object: called it a "dead end".
FRAGMENT_VERBS: set[str] = set()
for _lemma in ("call", "describe", "refer", "dub", "brand", "label", "term", "characterize",
               "characterise", "deride", "decry", "denounce", "dismiss", "hail", "praise",
               "condemn", "slam", "blast", "criticize", "criticise", "mock", "promise",
               "pledge", "vow", "accuse", "warn", "urge", "tout", "promise", "portray",
               "nickname", "liken", "label", "deem"):
    FRAGMENT_VERBS |= _IRREGULAR.get(_lemma) or _inflect(_lemma)
FRAGMENT_VERBS |= {"called", "calls", "calling", "call", "referred", "referring", "labelled",
                   "labelling", "labeled", "labeling", "dubbed", "dubbing", "branded",
                   "described", "slammed", "termed", "likened"}

# Cue words after which a colon introduces someone's words.
COLON_CUES = {"words", "message", "statement", "response", "reply", "answer", "verdict",
              "view", "comment", "comments", "remarks", "tweet", "post", "assessment",
              "warning", "advice", "explanation", "conclusion", "position", "argument",
              "choice", "summary", "take", "put it", "putting it", "bluntly", "simply",
              "succinctly", "specific", "clear", "blunt", "direct", "plain", "candid"}

PRONOUNS_MALE = {"he", "him", "his", "himself"}
PRONOUNS_FEMALE = {"she", "her", "hers", "herself"}
PRONOUNS_PLURAL = {"they", "them", "their", "we", "us", "our"}
PRONOUNS_FIRST = {"i", "me", "my", "we", "us", "our"}
SUBJECT_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL | PRONOUNS_FIRST | {"it", "you", "one"}

# Honorifics are dropped from names entirely.
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady",
              "mr.", "mrs.", "ms.", "dr.", "prof.", "messrs", "messrs.", "madam", "monsieur",
              "herr", "frau", "rev", "rev.", "reverend", "fr.", "father", "sister", "brother",
              "sheikh", "rabbi", "imam", "pastor", "st."}
MALE_HONORIFICS = {"mr", "mr.", "sir", "lord", "monsieur", "herr", "father", "brother", "messrs"}
FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "frau", "sister"}

# Title words that can precede a name and move into the role ("Sen. Ada Holm").
TITLES = {
    "president", "pres", "pres.", "vice", "prime", "minister", "secretary", "senator", "sen", "sen.", "rep",
    "rep.", "representative", "congressman", "congresswoman", "congressmember", "gov", "gov.",
    "governor", "mayor", "judge", "justice", "chief", "general", "gen", "gen.", "lt",
    "lt.", "col", "col.", "colonel", "capt", "capt.", "captain", "major", "maj", "maj.",
    "admiral", "adm", "adm.", "commander", "sergeant", "sgt", "sgt.", "officer", "detective",
    "ambassador", "chancellor", "king", "queen", "prince", "princess", "pope", "cardinal",
    "bishop", "archbishop", "ayatollah", "emir", "sultan", "chairman", "chairwoman", "chair",
    "chairperson", "ceo", "cfo", "coo", "cto", "founder", "director", "spokesman",
    "spokeswoman", "spokesperson", "spokesmen", "leader", "speaker", "commissioner",
    "attorney", "prosecutor", "sheriff", "superintendent", "deputy", "assistant", "acting",
    "former", "foreign", "defense", "defence", "interior", "finance", "state", "treasury",
    "health", "education", "justice", "trade", "economy", "energy", "labor", "labour",
    "home", "press", "premier", "candidate", "nominee", "frontrunner", "front-runner",
    "presidential", "chief", "executive", "head", "coach", "manager", "adviser", "advisor",
    "aide", "envoy", "delegate", "negotiator", "analyst", "economist", "professor", "author",
    "anchor", "host", "correspondent", "editor", "columnist", "reporter", "journalist",
    "activist", "lawyer", "strategist", "pollster", "consultant", "organizer", "organiser",
    "businessman", "businesswoman", "billionaire", "magnate", "tycoon", "mogul", "hopeful",
    "lawmaker", "legislator", "councilman", "councilwoman", "councillor", "councilor",
    "alderman", "assemblyman", "assemblywoman", "delegate", "whip", "majority", "minority",
    "house", "senate", "gop", "democratic", "republican", "democrat", "independent",
    "general", "surgeon", "pastor", "reverend", "rabbi", "trooper", "first", "lady",
    "counsel", "solicitor", "inspector", "auditor", "comptroller", "controller", "treasurer",
    "clerk", "mp", "mep", "pm", "u.s.", "us", "un", "u.n.", "eu", "nato", "white", "campaign",
    "pentagon", "kremlin", "state", "department", "ministry", "party", "national", "security",
    "council", "special", "senior", "junior", "top", "team", "member", "members", "officials",
    "official", "expert", "scholar", "researcher", "fellow", "vp", "evp", "svp", "dean",
    "provost", "principal", "teacher", "doctor", "physician", "nurse", "actor", "actress",
    "singer", "rapper", "comedian", "star", "player", "quarterback", "pitcher", "striker",
    "emeritus", "elect", "designate", "then", "then-", "ex", "ex-", "late", "of", "the",
    "for", "and", "on", "to",
}

# Nouns naming a role; used to match descriptions ("the spokesman added") against people.
ROLE_NOUNS = {
    "president", "minister", "secretary", "senator", "congressman", "congresswoman",
    "representative", "governor", "mayor", "judge", "justice", "general", "colonel",
    "ambassador", "chancellor", "king", "queen", "prince", "pope", "chairman", "chairwoman",
    "chair", "ceo", "founder", "director", "spokesman", "spokeswoman", "spokesperson",
    "leader", "speaker", "commissioner", "attorney", "prosecutor", "sheriff", "premier",
    "candidate", "nominee", "frontrunner", "front-runner", "head", "coach", "manager",
    "adviser", "advisor", "aide", "envoy", "negotiator", "analyst", "economist", "professor",
    "author", "anchor", "host", "correspondent", "editor", "columnist", "reporter",
    "journalist", "activist", "lawyer", "strategist", "pollster", "consultant", "businessman",
    "businesswoman", "billionaire", "mogul", "tycoon", "lawmaker", "legislator", "diplomat",
    "official", "officer", "expert", "scholar", "researcher", "fellow", "dean", "teacher",
    "doctor", "physician", "scientist", "historian", "economist", "actor", "actress", "star",
    "senator", "lawmaker", "hopeful", "contender", "incumbent", "challenger", "rival",
    "opponent", "politician", "republican", "democrat", "conservative", "liberal",
    "progressive", "mogul", "businessman", "veteran", "officer", "agent", "chief", "boss",
    "executive", "owner", "founder", "president-elect", "vice-president", "secretary-general",
    "man", "woman", "mother", "father", "son", "daughter", "wife", "husband", "widow",
    "student", "resident", "voter", "supporter", "critic", "witness", "victim", "survivor",
    "attorney", "counsel", "lawyer", "defendant", "plaintiff", "suspect", "priest", "bishop",
    "cleric", "rabbi", "pastor", "player", "athlete", "singer", "writer", "novelist", "poet",
    "filmmaker", "director", "producer", "comedian", "host", "commentator", "pundit",
    "blogger", "trooper", "sergeant", "captain", "lieutenant", "major", "admiral",
    "commander", "emir", "sultan", "ayatollah", "cardinal", "archbishop", "congressmember",
    "representative", "delegate", "whip", "nominee", "surgeon", "nurse", "investigator",
    "detective", "inspector", "auditor", "clerk", "treasurer", "mp", "mep", "organizer",
    "organiser", "staffer", "adviser", "advisers", "advisor", "deputy", "mogul", "billionaire",
    # relations and workplaces: "a friend said", "another neighbor, Name, said"
    "friend", "neighbor", "neighbour", "colleague", "coworker", "co-worker", "classmate",
    "roommate", "relative", "cousin", "brother", "sister", "uncle", "aunt", "nephew", "niece",
    "grandmother", "grandfather", "grandson", "granddaughter", "employee", "worker",
    # singulars of the plural role nouns ("said one source", "a donor said")
    "source", "backer", "donor", "insider", "observer", "panelist", "parent", "participant",
    "protester", "protestor", "demonstrator", "volunteer", "attendee",
    # occupations
    "designer", "engineer", "farmer", "pilot", "narrator", "architect", "accountant",
    "developer", "entrepreneur", "investor", "fundraiser", "banker", "musician", "artist",
    "lobbyist", "imam", "millionaire", "philanthropist", "publisher", "soldier", "co-founder",
    "cofounder", "operative", "master", "emcee", "moderator", "interviewer", "presenter",
    "broadcaster", "translator", "interpreter",
    # the public online and on air: "wrote one commenter", "a caller asked"
    "commenter", "reader", "viewer", "caller", "listener", "user", "follower",
    # "said one person familiar with the talks"
    "person",
}
PLURAL_ROLE_NOUNS = {
    "officials", "analysts", "experts", "critics", "supporters", "aides", "advisers",
    "advisors", "lawmakers", "legislators", "diplomats", "sources", "officers", "residents",
    "voters", "leaders", "members", "democrats", "republicans", "activists", "economists",
    "researchers", "scientists", "investigators", "prosecutors", "lawyers", "attorneys",
    "authorities", "spokesmen", "organizers", "organisers", "protesters", "protestors",
    "demonstrators", "observers", "commentators", "pundits", "negotiators", "strategists",
    "pollsters", "ministers", "senators", "governors", "candidates", "people", "students",
    "workers", "unions", "groups", "agencies", "countries", "nations", "allies", "partners",
    "staffers", "police", "troops", "insiders", "conservatives", "liberals", "progressives",
    "participants", "panelists", "judges", "justices", "doctors", "parents", "teachers",
    "employees", "owners", "executives", "donors", "backers", "opponents", "rivals", "both",
    "others", "some", "many", "several", "most", "few",
}

# Words that mark an organisation, group or document as the speaker.
ORG_WORDS = {
    "ministry", "ministries", "department", "agency", "office", "government", "administration",
    "kremlin", "pentagon", "white house", "state department", "council", "committee",
    "commission", "party", "campaign", "union", "association", "institute", "institution",
    "center", "centre", "foundation", "university", "college", "school", "company",
    "corporation", "corp", "corp.", "inc", "inc.", "ltd", "llc", "plc", "co", "co.", "group", "organization",
    "organisation", "alliance", "coalition", "court", "congress", "senate", "parliament",
    "assembly", "legislature", "army", "military", "navy", "police", "embassy", "bureau",
    "board", "authority", "authorities", "network", "channel", "newspaper", "magazine",
    "times", "post", "journal", "news", "press", "tribune", "herald", "gazette", "daily",
    "agency", "service", "services", "bank", "fund", "federation", "league", "club", "team",
    "declaration", "statement", "report", "communique", "communiqué", "resolution", "letter",
    "memo", "document", "treaty", "study", "survey", "poll", "lawsuit", "complaint", "ruling",
    "website", "site", "ad", "advertisement", "video", "spokesman for", "officials", "sources",
    "nato", "un", "u.n.", "eu", "opec", "fbi", "cia", "nsa", "gop", "dnc", "rnc", "aclu",
    "nra", "who", "imf", "osce", "house", "united states", "u.s.", "us", "america",
    "russia", "china", "britain", "france", "germany", "moscow", "washington", "beijing",
    "tehran", "kyiv", "london", "paris", "berlin", "brussels", "state", "states", "city",
    "county", "cabinet", "regime", "junta", "delegation", "mission", "secretariat", "staff",
    "spokesperson", "democrats", "republicans", "media", "cnn", "bbc", "reuters", "ap",
    "afp", "fox", "msnbc", "nbc", "abc", "cbs", "npr", "pbs", "twitter", "facebook",
    "church", "radio", "television", "tv", "magazine", "outlet", "outlets", "blog", "show",
    "program", "programme", "podcast", "newsletter", "press", "wire", "watch", "project",
    "initiative", "caucus", "pac", "super pac", "chamber", "society", "academy", "council",
    "journal", "review", "observer", "guardian", "telegraph", "economist", "politico", "axios",
}

# Common capitalised words that are not names (sentence openers, days, months ...).
NOT_NAME_WORDS = {
    # indefinite pronouns ("None of this surprises …", "Nobody said")
    "none", "nobody", "nothing", "everyone", "everybody", "everything", "someone", "somebody",
    "something", "anyone", "anybody", "anything", "few", "several",
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "but", "and", "or", "so",
    "yet", "if", "when", "while", "as", "at", "in", "on", "of", "for", "to", "from", "by",
    "with", "after", "before", "since", "because", "although", "though", "however", "still",
    "also", "then", "now", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "there",
    "here", "what", "who", "why", "how", "where", "which", "not", "no", "yes", "all", "some",
    "many", "most", "one", "two", "three", "first", "last", "next", "new", "more", "even",
    "just", "only", "meanwhile", "instead", "indeed", "moreover", "furthermore", "asked",
    "according", "said", "says", "told", "speaking", "writing", "like", "unlike", "during",
    "despite", "under", "over", "about", "against", "between", "without", "within", "into",
    "through", "across", "among", "both", "either", "neither", "each", "every", "such",
    "other", "another", "any", "mr", "mrs", "ms", "dr", "is", "was", "are", "were", "be",
    "been", "has", "had", "have", "do", "does", "did", "will", "would", "can", "could",
    "should", "must", "might", "let", "let's", "let’s", "read", "see", "watch", "click",
    "editor", "note", "update", "updated", "photo", "image", "source", "sources", "again",
    "well", "oh", "ok", "okay", "please", "thank", "thanks", "hey", "hi", "sorry", "sure",
    "because", "once", "perhaps", "maybe", "probably", "clearly", "certainly", "finally",
    "afterwards", "later", "earlier", "lately", "recently", "soon", "together", "overall",
    # sentence-initial prepositions and subordinators ("Following Smith's remarks", "Outside X")
    "following", "outside", "inside", "upon", "until", "unless", "whether", "amid", "amidst",
    "besides", "beyond", "toward", "towards", "throughout", "regarding", "concerning", "whereas",
    "whilst", "whenever", "wherever", "around", "behind", "beside", "onto", "via", "alongside",
    "among", "amongst", "atop", "absent", "given", "barring", "pending", "excluding", "including",
    "notwithstanding",
    # contracted pronouns ("I'm old enough to remember …")
    *(p + c + t for p, ts in (("i", ("m", "ve", "d", "ll")), ("he", ("s", "d", "ll")), ("she", ("s", "d", "ll")),
                              ("we", ("re", "ve", "d", "ll")), ("they", ("re", "ve", "d", "ll")),
                              ("you", ("re", "ve", "d", "ll")), ("it", ("s", "d", "ll")))
      for t in ts for c in ("'", "’")),
}

# Capitalised party words: two descriptions whose parties differ are not one person
# ("the Democratic candidate" is not the "Republican front-runner").
PARTY_OF = {"democratic": "democrat", "democrat": "democrat", "republican": "republican", "gop": "republican",
            "labour": "labour", "tory": "conservative", "conservative": "conservative", "liberal": "liberal",
            "libertarian": "libertarian", "green": "green"}
MONTHS_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"}

# Time/place adjuncts allowed between a verb and the rest ("said on Tuesday that").
ADJUNCT_WORDS = {"on", "in", "at", "during", "last", "this", "earlier", "later", "today",
                 "yesterday", "tonight", "recently", "previously", "again", "also", "then",
                 "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                 "week", "month", "year", "morning", "afternoon", "evening", "night",
                 "publicly", "privately", "repeatedly", "flatly", "bluntly", "simply",
                 "firmly", "a", "an", "the", "interview", "statement"}

NAME_PARTICLES = {"de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le",
                  "du", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "st.", "mc",
                  "y", "abu", "ben"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}

_WORD_RE = re.compile(r"[\w][\w'’.\-]*")


def norm(word: str) -> str:
    return word.lower().strip(".,;:'’\"“”")


def is_speech_verb(word: str) -> bool:
    return word.lower() in SPEECH_VERBS


_LEAD_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")


@functools.lru_cache(maxsize=65536)
def is_org_phrase(phrase: str) -> bool:
    """Does this speaker phrase name an organisation, group, country or document?"""
    low = phrase.lower().strip()
    low = _LEAD_ARTICLE_RE.sub("", low)
    if not low:
        return False
    words = low.replace("’s", "").replace("'s", "").split()
    if not words:
        return False
    last = words[-1].strip(".,")
    if last in PLURAL_ROLE_NOUNS or last in ORG_WORDS:
        return True
    if " ".join(words[-2:]) in ORG_WORDS:
        return True
    if len(words) == 1 and phrase.strip().isupper() and len(phrase.strip()) >= 2:
        # Acronyms: UN, FBI, EU.
        return True
    return False


# Common given names (generic, multinational). They help tell people ("Ivo Marek")
# from other capitalised pairs ("Cold War", "Black Sea") and give pronoun gender.
MALE_FIRST_NAMES = set("""
aaron abdul abdullah abraham adam adrian ahmed al alan albert alberto alejandro alex
alexander alexandre alexei alexey ali allen alvin amir anders andre andrea andreas andrew
andrey andy angelo anthony antonio antony ari arnold arthur barack barney barry ben benjamin
bernard bernie bill billy bob bobby boris brad bradley brandon brendan brett brian bruce bryan
byron calvin cameron carl carlos chad charles charlie chris christian christopher chuck clarence
claude clint cody colin conor corey craig curtis dale dan daniel danny darrell darren dave david
dean dennis denis derek devin dick dmitri dmitry dominic don donald doug douglas drew duncan dwight
earl ed eddie edgar edward elijah elliot emmanuel emmett enrique eric erik ernest ethan eugene evan
fabian felix fernando francis francisco frank franklin fred frederick fyodor gabriel gareth gary
gavin gene geoffrey george gerald gerhard giuseppe glenn gordon graham grant greg gregory guy hamid
hank hans harold harry harvey hassan heinrich henry herbert howard hugh hugo ian igor isaac ivan
jack jacob jake james jamie jan jared jason javier jay jean jeb jeff jeffrey jens jeremy jerome
jerry jesse jim jimmy joe joel johan john johnny jon jonathan jordan jorge jose joseph josh joshua
juan julian justin karl keith ken kenneth kevin khalid kim kirk kurt kyle lance larry lawrence lee
leon leonard leroy lindsey lloyd louis lucas luis luke lyndon malcolm marco marcus mario mark
marshall martin marvin matt matthew maurice max michael miguel mike mikhail miles mitch mitt
mohammad mohammed muhammad nathan neil nicholas nick nicolas nigel noah norman oleg oliver omar
oscar owen pablo patrick paul pedro peter phil philip pierre preston rafael ralph rand randy raul
ray raymond reed reggie reince richard rick ricky rob robert roberto rod rodney roger roland ron
ronald ross roy rudy rupert russell ryan sam samuel scott sean sebastian serge sergei sergey seth
shane shawn sidney simon stanley stefan stephen steve steven stuart sven ted terry thomas tim
timothy todd tom tommy tony travis trent trevor troy tyler valdimir vernon victor vince vincent
vladimir walter warren wayne wesley will william willie wolfgang xavier yuri zach zachary
""".split())
FEMALE_FIRST_NAMES = set("""
abigail ada adriana agnes aisha alexandra alexis alice alicia alison amanda amber amelia amy
ana andrea angela angelina anita ann anna anne annette antonia april ashley audrey barbara beatrice
becky belinda beth betsy betty beverly bonnie brenda bridget brittany brooke camila candace carla
carly carmen carol caroline carolyn catherine cathy charlotte cheryl chloe christina christine
cindy claire clara claudia colleen connie courtney crystal cynthia daisy dana danielle debbie
deborah debra denise diana diane dolores donna doris dorothy edith elaine eleanor elena elisabeth
elise elizabeth ella ellen emily emma erica erin esther eva evelyn fatima fiona florence frances
gabrielle gail gina gloria grace hannah harriet heather heidi helen hillary holly hope ilhan
irene iris isabel isabella jackie jacqueline jane janet janice jean jeanne jennifer jenny jessica
jill joan joanna joanne jodi josephine joy joyce judith judy julia julie june karen kate katherine
kathleen kathryn kathy katie kay kayleigh kelly kelsey kendra kim kimberly kirsten kristen
kristin laura lauren leah lena linda lisa liz lois loretta lori louise lucy lydia lynn madeleine
maria marie marilyn marina marion marjorie martha mary maureen megan melania melanie melissa
mia michele michelle mildred miriam molly monica nadia nancy naomi natalia natalie nicole nikki
nina nora olga olivia pamela patricia patty paula pauline peggy penny phyllis priscilla rachel
rebecca regina rita roberta rosa rose ruth sabrina sally samantha sandra sara sarah sharon
sheila shirley sonia sophia sophie stacey stephanie sue susan suzanne sylvia tamara tammy tanya
teresa theresa tiffany tina tracy tulsi ursula valerie vanessa vera veronica victoria virginia
wendy whitney yulia yvonne zoe ekaterina svetlana tatiana irina natasha marine angela theresa
""".split())
FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES

# Last words of capitalised pairs that are places or things, not people.
NOT_SURNAMES = set("""
europe asia africa america americas east west north south middle union war sea ocean river
mountains mountain street avenue road square park valley island islands bay gulf coast city
county state states kingdom republic federation empire church cathedral hall tower bridge
airport station hospital prize award awards act bill law treaty accord accords agreement summit
declaration doctrine plan program programme project day week year century era age games cup
series league conference convention forum caucus caucuses primary primaries debate election
elections revolution crisis movement party front army navy force forces guard corps command
times post journal news herald tribune review magazine network channel show street wall
palace house building center centre museum library stadium arena garden gardens hotel
company corporation group bank fund index exchange market court committee council board
""".split())

# Verbs of opinion, evaluation and intent. When words are quoted inside the writer's
# sentence, these verbs attribute them to the sentence's subject as surely as "said":
# 'Holm bemoaned a climate in which people "simply shout each other down"'.
OPINION_VERBS: set[str] = set()
for _lemma in ("believe", "bemoan", "blame", "target", "defend", "anticipate", "expect", "hope",
               "want", "promise", "vow", "pledge", "denounce", "decry", "lament", "tout", "boast",
               "dismiss", "reject", "rail", "attack", "welcome", "mock", "question", "criticize",
               "criticise", "praise", "thank", "push", "demand", "seek", "promote", "support",
               "oppose", "accuse", "compare", "liken", "complain", "urge", "encourage", "pledge",
               "hail", "applaud", "condemn", "celebrate", "embrace", "endorse", "invoke",
               "recall", "remind", "reference", "cite", "quote", "repeat", "echo", "insist",
               "label", "dub", "brand", "term", "deride", "ridicule", "lambaste", "fault",
               "credit", "thank", "vow", "swear",
               "characterize", "characterise", "describe", "portray", "paint", "depict",
               "frame", "cast", "style", "declare", "proclaim", "announce", "unveil",
               "pitch", "sell", "market", "advertise", "campaign", "fight", "call"):
    OPINION_VERBS |= _IRREGULAR.get(_lemma) or _inflect(_lemma)
OPINION_VERBS |= {"sought", "fought", "swore", "sworn"}
# Perception and cognition ("Russia sees the 'X question' as …") are not speech: the
# quoted words there are the writer's scare quotes.
OPINION_VERBS -= {"believe", "believes", "believed", "believing", "hope", "hopes", "hoped",
                  "hoping", "want", "wants", "wanted", "wanting", "expect", "expects", "expected",
                  "expecting", "anticipate", "anticipates", "anticipated", "anticipating"}

# Places: never people. (US states, countries and capitals that often open sentences.)
PLACES = set("""
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina
dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia washington
wisconsin wyoming america britain england scotland wales ireland france germany italy spain
portugal russia ukraine china japan korea india pakistan iran iraq syria israel palestine egypt
turkey greece poland canada brazil argentina cuba venezuela colombia chile peru australia
zealand africa nigeria kenya afghanistan libya yemen saudi arabia qatar jordan lebanon belarus
moscow beijing london paris berlin brussels tokyo kyiv kiev tehran baghdad damascus jerusalem
geneva vienna rome madrid ottawa havana caracas manhattan brooklyn chicago boston houston dallas
atlanta miami denver seattle detroit philadelphia baltimore cleveland phoenix vegas angeles
francisco orleans salem manchester nashua concord des moines columbus charleston richmond
europe asia belgium netherlands holland sweden norway denmark finland austria switzerland
hungary czech slovakia romania bulgaria serbia croatia slovenia bosnia albania kosovo macedonia
montenegro moldova georgia armenia azerbaijan kazakhstan uzbekistan lithuania latvia estonia
luxembourg iceland malta cyprus tunisia algeria morocco sudan ethiopia somalia uganda ghana
senegal congo angola zimbabwe zambia indonesia malaysia singapore thailand vietnam philippines
myanmar bangladesh nepal taiwan hongkong mongolia bahrain kuwait oman emirates dubai
ecuador bolivia paraguay uruguay panama honduras guatemala nicaragua haiti jamaica puerto rico
""".split())
FEMALE_FIRST_NAMES |= {"chelsea", "melania", "huma", "kellyanne", "ivanka", "condoleezza",
                       "madeleine", "nikki", "elizabeth", "nancy", "hillary", "michelle", "megyn",
                       "brigid", "christine", "carly", "sarah", "debbie", "tammy", "kirsten",
                       "claire", "amy", "dianne", "barbara", "loretta", "jill", "janet", "mika",
                       "katrina", "kelli", "joni", "marsha", "lisa", "susan", "shelley", "mazie"}
FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
