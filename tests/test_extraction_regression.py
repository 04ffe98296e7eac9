"""One regression test per error class fixed while tuning on the PolNeAR corpus.

Snippets are invented; each reproduces the *shape* of a real failure, never corpus text.
"""

from __future__ import annotations

import pytest

from quotebot.articles import article_from_text
from quotebot.extract import extract_quotes
from quotebot.models import ORGANISATION, SHAPE_AFTER, SHAPE_COLON, SHAPE_CONTINUATION


def direct(text: str):
    art = article_from_text("r", text)
    qs = extract_quotes(art, paraphrase=False)
    for q in qs:
        assert art.text[q.start:q.end] == q.text
    return [(q.text, q.speaker) for q in qs]


def test_two_straight_single_marks_are_a_double_mark():
    """Some papers write '' for a double mark; these quotes were all missed."""
    assert direct("''The levee held,'' said engineer Rosa Lind. ''We were lucky.''") == [
        ("The levee held", "Rosa Lind"), ("We were lucky.", "Rosa Lind")]


def test_inverted_attribution_ending_the_sentence():
    """'"…," said Pavone.' — the final period used to hide the single surname."""
    assert direct("Pavel Pavone runs the ferry.\n\n“The boats are full,” said Pavone.") == [
        ("The boats are full", "Pavel Pavone")]


def test_lone_surname_sentence_subject_resolves_pronoun():
    """'Okafor wasn't impressed. "…," he noted.' — lone known surnames are mentions."""
    text = ("Mayor Chidi Okafor met Governor Ben Hale.\n\nHale spoke first.\n\n"
            "Okafor wasn’t impressed.\n\n“Nothing was decided,” he noted.")
    assert direct(text) == [("Nothing was decided", "Chidi Okafor")]


def test_place_in_apposition_is_not_the_speaker():
    """'Name, a salesman from Town, State, says …' — the state is not the speaker."""
    text = "Dean Morrow, a 55-year-old farmer from Alder, Nebraska, says the vote will be “very close.”"
    assert direct(text) == [("very close.", "Dean Morrow")]


def test_place_before_auxiliary_is_not_the_speaker():
    """'Name, celebrating … in his home state of X, is pledging to "…"'."""
    text = ("Governor Tom Rusk, celebrating a win in his home state of Vermont, is pledging to "
            "“fix every road.”")
    assert direct(text) == [("fix every road.", "Tom Rusk")]


def test_sentence_initial_participle_is_not_a_name():
    """'Holding signs …, the protesters chanted "…"' — 'Holding' is no person."""
    text = "Holding signs, the protesters chanted “Save the pier!”"
    assert direct(text) == [("Save the pier!", "the protesters")]


def test_continuation_survives_a_name_in_the_attribution():
    """'"…," said Name, an Ally backer. "…"' — the backer's name must not stop continuation."""
    text = "“It changed us,” said Ivo Marek, an Obama backer. “Everyone felt it.”"
    assert direct(text) == [("It changed us", "Ivo Marek"), ("Everyone felt it.", "Ivo Marek")]


def test_a_document_after_an_inverted_read():
    """'"…," read the email.' — a lowercase document noun after the determiner is the subject."""
    art = article_from_text("r", "The union sent a note.\n\n“We will win,” read the email.")
    q = extract_quotes(art, paraphrase=False)[0]
    assert (q.text, q.speaker, q.speaker_kind) == ("We will win", "the email", ORGANISATION)


def test_organisation_heads_speak():
    """'The ad says "…"', 'the group's website notes: "…"' are organisation speakers."""
    art = article_from_text("r", "The ad says “nothing will change without you.”")
    q = extract_quotes(art, paraphrase=False)[0]
    assert (q.speaker, q.speaker_kind) == ("The ad", ORGANISATION)


def test_sentence_final_attribution_for_fragment():
    """'X had been "detained unlawfully," the rights group says.' — the group, not X."""
    text = "Mira Holt has been “detained unlawfully” since May, the rights group says."
    assert direct(text) == [("detained unlawfully", "the rights group")]


def test_name_of_delegation_is_a_person():
    """'said Rob Antal of the Ohio delegation' — 'Ohio' is not the speaker."""
    text = "“She knocked it out of the park,” said Rob Antal of the Ohio delegation."
    assert direct(text) == [("She knocked it out of the park", "Rob Antal")]


def test_relative_clause_antecedent_speaks():
    """'the Summit Declaration that stated … "…"' — the declaration speaks."""
    text = "Delegates debated the 2010 Harbour Summit Declaration that stated that the isles “will join.”"
    assert direct(text) == [("will join.", "Harbour Summit Declaration")]


def test_coordinated_fragment_verb_keeps_subject():
    """'Name accused X … and described Y as "…"' — the subject of both verbs."""
    text = "Deputy Minister Ana Vidal accused the league of stalling and described the delay as “shameful.”"
    art = article_from_text("r", text)
    q = extract_quotes(art, paraphrase=False)[0]
    assert (q.text, q.speaker, q.verb) == ("shameful.", "Ana Vidal", "described")


def test_main_clause_speaker_owns_embedded_fragment():
    """'He said that everything the council says is "…"' — he, not the council."""
    text = "Mayor Lin Chow spoke on Friday. He said that everything the council says is “just noise.”"
    assert direct(text) == [("just noise.", "Lin Chow")]


def test_perception_verb_is_no_speech_cue():
    """'Ruritania sees the "X question" as …' is a scare quote, not speech."""
    assert direct("Ruritania also sees the “island question” as a test.") == []


def test_title_case_fragment_is_a_title():
    """'in an interview on WXN's "Morning Harbour Hour"' is a show, not a quote."""
    assert direct("Dmitri Olsen said so in an interview on “Morning Harbour Hour” this week.") == []


def test_unclosed_quote_with_inner_attribution_is_cut():
    """'"…, Name said.' with the closing mark missing: the quote ends before the attribution."""
    art = article_from_text("r", "“He has talked himself into a corner, Rathan said.")
    qs = extract_quotes(art, paraphrase=False)
    assert [(q.text, q.speaker, q.shape) for q in qs] == [
        ("He has talked himself into a corner", "Rathan", SHAPE_AFTER)]


def test_multi_paragraph_chain_continuation_shape():
    """Paragraph chains opened by a colon paragraph share the speaker."""
    art = article_from_text("r", "Ana Costa wrote:\n\n“First point.\n\n“Second point.”")
    qs = extract_quotes(art, paraphrase=False)
    assert [(q.text, q.speaker) for q in qs] == [("First point.", "Ana Costa"), ("Second point.", "Ana Costa")]
    assert qs[1].shape == SHAPE_CONTINUATION


def test_fragment_followed_by_inverted_attribution():
    """'X is "not a backslapper," said Mr. Lund, but …' — the attribution after the quote wins."""
    text = "Ms. Orr is “not a backslapper,” said Mr. Lund, but she gets her way."
    assert direct(text) == [("not a backslapper", "Lund")]


def test_participle_after_apposition_takes_sentence_subject():
    """'Mr. Carr met Ms. Dole at the Hall, her private club, calling her "…"' — Carr, not the club."""
    text = ("Mr. Carr met Ms. Dole at Elm Hall, her private club, calling her “a very able "
            "leader.”")
    assert direct(text) == [("a very able leader.", "Carr")]


def test_quote_ending_with_period_is_not_attributed_to_next_sentence():
    """'… a "dead letter." Councillor X described …' — the next sentence is not an attribution."""
    text = ("Mayor Ines Albrecht called the budget a “dead letter.” Councillor Rui Tavares "
            "described the cuts as “reckless.”")
    assert direct(text) == [("dead letter.", "Ines Albrecht"), ("reckless.", "Rui Tavares")]


def test_relative_clause_apposition_does_not_hide_the_subject():
    """'Name, who lives outside the capital, Alderton, said …' — the name, not the town."""
    text = ("Mira Sandoval, who lives outside the state capital, Alderton, said she still "
            "“hopes for a recount.”")
    assert direct(text) == [("hopes for a recount.", "Mira Sandoval")]


def test_name_followed_by_age_is_a_person_mention():
    """'Zorya Mell, 29, of Alder, says …' makes Zorya Mell the antecedent of 'she'."""
    text = ("Zorya Mell, 29, of Alder, says her biggest worry is rent. “It keeps going up,” she says.")
    assert direct(text) == [("It keeps going up", "Zorya Mell")]


def test_capitalised_party_adjective_before_lowercase_role_words():
    """'said Republican political consultant Tavi Roon' — a named person, not 'the Republican'."""
    text = "“It was a crowded field,” said Republican political consultant Tavi Roon."
    assert direct(text) == [("It was a crowded field", "Tavi Roon")]


def test_reported_speech_with_trailing_apposition_makes_speaker_salient():
    """'…, said Name, editor of X.' then '"…," he said.' — he is Name."""
    text = ("Cruz Delgado won easily.\n\nThe race will be decided online, said Ivo Strand, editor "
            "of the Harbour Ledger.\n\n“Nobody reads leaflets any more,” he said.")
    assert direct(text) == [("Nobody reads leaflets any more", "Ivo Strand")]


def test_introductory_clause_verb_does_not_attribute():
    """'While not everything X says is true, Name said X is "…"' — Name, not X."""
    text = "While not everything Borin says is true, Alma Reyes said Borin is “telling people what they want.”"
    assert direct(text) == [("telling people what they want.", "Alma Reyes")]


def test_apposition_with_relative_clause_inside():
    """'Name, a former adviser who backed X, said …' — the name, not the apposition."""
    text = ("Tomas Berg, a former senior adviser who backed the harbour plan, said the council "
            "“understood the stakes.”")
    assert direct(text) == [("understood the stakes.", "Tomas Berg")]


def test_long_run_without_spaces_stays_linear():
    """A 120,000-mark run with no whitespace was quadratic (token scans ran to the end)."""
    import time

    art = article_from_text("r", "“”\"‘’'" * 20000)
    t = time.process_time()
    qs = extract_quotes(art)
    assert time.process_time() - t < 8.0
    for q in qs:
        assert art.text[q.start:q.end] == q.text


def test_ten_thousand_quote_marks_fast():
    """10,000 quote marks (the brief's stress case) extract in well under a second or two."""
    import time

    art = article_from_text("r", 'He said "' * 10000)
    t = time.process_time()
    extract_quotes(art)
    assert time.process_time() - t < 3.0


def test_party_tag_after_name():
    """'"…," Sen. Chuck Ames (D-N.Y.) said.' — the party tag hid the name."""
    text = "“They have nothing to worry about,” Sen. Chuck Ames (D-N.Y.) said Tuesday. “If they did, they should pay.”"
    assert direct(text) == [("They have nothing to worry about", "Chuck Ames"),
                            ("If they did, they should pay.", "Chuck Ames")]


def test_unnamed_source_with_post_modifier():
    """'Another source familiar with X's thinking said, "…"' — an unnamed speaker, kept as described."""
    text = "Another source familiar with the mayor’s thinking said, “He will try to be friendlier.”"
    assert direct(text) == [("He will try to be friendlier.", "Another source familiar with the mayor’s thinking")]


def test_issuer_of_a_statement_speaks_not_the_statement():
    """'Name issued a statement saying "…"': the statement is the object of the verb."""
    assert direct('Senator Jane Morrow issued a statement saying the plan "has no place in our state."') == [
        ("has no place in our state.", "Jane Morrow")]
    assert direct('On Monday, Paul Okoro released a statement calling the vote "a disgrace to the city."') == [
        ("a disgrace to the city.", "Paul Okoro")]


def test_pronoun_prefers_a_mention_followed_by_a_speech_verb():
    """'Still, even Mr. Vance says …. "…," he said.': a person who speaks is the antecedent,
    though an introductory phrase keeps him from being the first word of the sentence."""
    text = ("Governor Tom Ridley backed the plan last week.\n\n"
            "Still, even Mr. Vance says the plan needs work. “The costs are too high,” he said.")
    assert direct(text)[-1] == ("The costs are too high", "Vance")


def test_sentence_initial_preposition_is_not_part_of_a_name():
    """'Following Ortega's speech, …' — the capitalised preposition made a person 'Following Ortega'."""
    text = ("Senator Maria Ortega spoke first.\n\n"
            "Following Ortega’s speech, the crowd cheered. “We will win this,” she said.")
    assert direct(text) == [("We will win this", "Maria Ortega")]


def test_of_place_after_a_name_is_not_the_surname():
    """'Representative Ann Marsh of Ohio, …, also spoke. "…," she said.' — 'of Ohio' made the
    whole sequence look like a place, so the person was never a mention."""
    text = ("Jo Prentice, an activist, said her group would march.\n\n"
            "Representative Ann Marsh of Ohio, the party chairwoman, also expressed concern.\n\n"
            "“We will reach out to both campaigns,” she said.")
    assert direct(text)[-1] == ("We will reach out to both campaigns", "Ann Marsh")


def test_role_of_organisation_apposition_does_not_hide_the_name():
    """'Name, the former president of the Union, told …' — the organisation in the apposition
    was taken as the speaker; so was 'Platform Board' after a party tag in 'Name (D-Md.), chair of …'."""
    assert direct('Mark Lane, the former president of the Farmers Union, told reporters the party must act '
                  '“in the way others did before.”') == [("in the way others did before.", "Mark Lane")]
    assert direct('Rep. Ada Cole (D-Md.), chair of the Platform Board, said that it was '
                  '“committed to an open process.”') == [("committed to an open process.", "Ada Cole")]


def test_first_name_that_is_also_a_name_particle_is_kept():
    """'Ben Lowry, the former head of the Farm Bureau, told …' — 'Ben' was dropped as the
    particle 'ben', so the name piece was no name and the organisation spoke."""
    assert direct('Ben Lowry, the former head of the Farm Bureau, told reporters the party must act '
                  '“in the way others did before.”') == [("in the way others did before.", "Ben Lowry")]


def test_participle_after_said_clause_takes_its_subject():
    """'"Basically, …," Mr. Brod said, calling the chief "brilliant."' — the participle's subject
    is the subject of the speech clause before it, not the quote's first capitalised word."""
    text = ("Roger Ailes ran the network.\n\n"
            "“Basically, Roger was going to do what he wanted,” Mr. Axel Brod said, calling the chief “brilliant.”")
    assert direct(text) == [("Basically, Roger was going to do what he wanted", "Axel Brod"),
                            ("brilliant.", "Axel Brod")]


def test_pronoun_antecedent_through_an_apposition_before_said():
    """'After a long meeting that ended in chaos when …, Rita Lang, the party chairwoman, said …'
    — a long introduction hid the subject; the name followed by an apposition and 'said' speaks."""
    text = ("Nora Quist, a delegate, said the vote was fair.\n\n"
            "After the long meeting of county delegates ended in chaos when dozens of members were "
            "declared ineligible by the credentials panel, Rita Lang, the party chairwoman, said she "
            "had received threats.\n\n"
            "“The campaign helped incite everything,” she said.")
    assert direct(text)[-1] == ("The campaign helped incite everything", "Rita Lang")


def test_recent_mention_beats_a_subject_paragraphs_back():
    """A person named just before the quote (not as a subject) beats a sentence subject
    several paragraphs back: 'The uproar was so loud that Mr. Dale was asked about it.'"""
    text = ("Mayor Ivan Petrov opened the session and thanked the volunteers for their work.\n\n"
            + "The council then spent most of the evening on the budget, the parks and the roads. " * 14
            + "\n\nThe uproar was so loud that Mr. Dale was asked about it on the radio.\n\n"
            "“I hope it ends soon,” he said.")
    assert direct(text)[-1] == ("I hope it ends soon", "Dale")


def test_subject_after_a_participial_or_with_introduction():
    """'With one foot on her board, Ms. Gil gazed out. "…," she said.' — an introductory
    phrase (With …, Holding …, Speaking in Town, State, …) no longer hides the subject."""
    text = ("Nina Ruiz, a neighbour, watched the skaters.\n\n"
            "With one foot propping her board at an angle, Ms. Gil gazed out across the concrete.\n\n"
            "“I’ll put it this way,” she said.")
    assert direct(text)[-1] == ("I’ll put it this way", "Gil")


def test_place_after_an_introduction_is_not_the_subject():
    """'Speaking in Salem, New Hampshire, Name went after X, calling him "…"' — the state
    closing the introduction was taken as the sentence's subject."""
    text = ('Speaking at a town hall event in Salem, New Hampshire, Tom Brady went after Bush, '
            'calling him “a total stiff.”')
    assert direct(text) == [("a total stiff.", "Tom Brady")]


def test_indefinite_description_then_name_after_said():
    """'"…," said another Twitter user, Jo Bayer.' — the capitalised word inside the
    description ('Twitter') was taken as the speaker; the apposed name speaks."""
    assert direct("“We are anxious,” said another Twitter user, Jo Bayer. “The attacks are closer.”") == [
        ("We are anxious", "Jo Bayer"), ("The attacks are closer.", "Jo Bayer")]


def test_middle_initial_is_part_of_the_name():
    """'Edgar T. Morrow, a former counsel, agreed.' — the initial is no title, so the
    full name is a person mention and a later 'he said' resolves to him."""
    text = ("Treasury Secretary Jacob Lund defended the rules on Monday.\n\n"
            "Edgar T. Morrow, a former tax counsel, agreed that the agency had few tools.\n\n"
            "“Congress owns the tax code,” he said.")
    assert direct(text) == [("Congress owns the tax code", "Edgar T. Morrow")]


def test_possessive_mention_does_not_speak():
    """'Olsen denounced Brandt’s remarks' — Brandt’s is no speaker for a later 'he'."""
    text = ("Prime Minister Lars Olsen met Senator Tom Brandt on Monday.\n\n"
            "Olsen denounced Brandt’s remarks as cruel.\n\n"
            "“That is not who we are,” he said.")
    assert direct(text) == [("That is not who we are", "Lars Olsen")]


def test_inverted_attribution_without_quotes_makes_a_speaker():
    """'…, said Todd Wexler, a businessman …' then '"…," he said' — Wexler spoke last."""
    text = ("Rep. Ron Haskell wants more money for schools.\n\n"
            "Federal rules are a burden for teachers, said Todd Wexler, a businessman who runs "
            "a charter network.\n\n"
            "“We spend more on compliance than on teaching,” he said.")
    assert direct(text) == [("We spend more on compliance than on teaching", "Todd Wexler")]


def test_reported_clause_subject_is_not_an_inverted_speaker():
    """'Alan Pruitt, the lawyer, said Dorsey was …' — Dorsey starts reported speech."""
    text = ("Tom Dorsey sued the firm last week.\n\n"
            "Alan Pruitt, the firm’s lawyer, said Dorsey was seeking publicity. "
            "He said the agreement was “standard practice.”")
    assert direct(text) == [("standard practice.", "Alan Pruitt")]


def test_bare_surname_shared_by_relatives_means_the_first_named():
    """'Senator Frank Dorne … his daughter, Ellen Dorne … "…," Dorne said' — the bare
    surname is the senator, not the relative named last; 'Mrs. Dorne' is the woman."""
    text = ("Senator Frank Dorne held a rally in Ames on Monday. His daughter, Ellen Dorne, "
            "introduced him.\n\n“We will win this state,” Dorne said.\n\n"
            "“He never quits,” Mrs. Dorne said.")
    assert direct(text) == [("We will win this state", "Frank Dorne"), ("He never quits", "Ellen Dorne")]


def test_verb_form_after_a_determiner_is_a_noun():
    """'… close to the Hale campaign staff …, says …' — 'campaign' is no verb here."""
    text = ("Nora Vance, a top Hale fundraiser and veteran lobbyist close to the Hale campaign staff "
            "in Denver, says the goal is “to win the state.”")
    assert direct(text) == [("to win the state.", "Nora Vance")]


def test_role_for_a_named_person_is_an_apposition():
    """'Lee Park, a spokesman for Governor Amy Stone, said' — the spokesman speaks."""
    text = "Lee Park, a spokesman for Governor Amy Stone, said, “The governor will sign it.”"
    assert direct(text) == [("The governor will sign it.", "Lee Park")]


def test_middle_initial_before_an_organisation_apposition():
    """'Martin K. Rowe, president of the Fairfield Farmers Union, said' — not the union."""
    text = "Martin K. Rowe, president of the Fairfield Farmers Union, said, “We cannot wait.”"
    assert direct(text) == [("We cannot wait.", "Martin K. Rowe")]


def test_name_apposed_to_a_role_is_a_person():
    """'The firm’s CEO, Zorida Pell, said …' — an unfamiliar first name, but apposed to a
    role: a person, and the antecedent of the next 'she'."""
    text = ("Governor Lisa Marr opposed the deal.\n\n"
            "The lobbying firm’s CEO, Zorida Pell, said the filing was not needed.\n\n"
            "“We would have registered,” she said in a statement.")
    assert direct(text) == [("We would have registered", "Zorida Pell")]


def test_relative_clause_speaker_is_an_antecedent():
    """'… backed by Sen. Ada Fine of Ohio, the ranking Democrat, who said …' then 'she said'."""
    text = ("Governor Lisa Marr opposed the plan.\n\n"
            "Marr's plan was attacked on Friday by Sen. Ada Fine of Ohio, the ranking Democrat on "
            "the panel, who said none of the money was wasted.\n\n"
            "“It is a good bill,” she said.")
    assert direct(text) == [("It is a good bill", "Ada Fine")]


def test_possessor_before_a_name_is_a_role():
    """'"…," the Daily Ledger’s Mara Quinn wrote.' — the possessor is her outlet, the
    name after it is the speaker (and the next quote continues her)."""
    text = "“He overplayed his hand,” the Daily Ledger’s Mara Quinn wrote on Friday. “It showed.”"
    assert direct(text) == [("He overplayed his hand", "Mara Quinn"), ("It showed.", "Mara Quinn")]


def test_one_user_is_an_unnamed_speaker():
    """'"…," one user wrote.' — an unnamed speaker, not the last named person."""
    text = ("Officials led by spokesman Li Wen declined to comment.\n\n"
            "“It is great fun to watch,” one user wrote. “This is their democracy.”")
    assert direct(text) == [("It is great fun to watch", "one user"), ("This is their democracy.", "one user")]


def test_quoted_show_title_is_not_a_subject():
    """'… on the network’s “Morning Hour,” calling it a "…"' — the show is no speaker."""
    text = ("Former governor Abe Lyle, who backs the mayor, attacked the report on the network’s "
            "“Morning Hour,” calling it a “whitewash.”")
    assert direct(text) == [("whitewash.", "Abe Lyle")]


def test_digest_byline_before_colon_speaks():
    """'HEADLINE IN CAPITALS - Dana Roe and Eli Fox: "…"' — the bylined names speak,
    and a headline in capitals is never a speaker."""
    text = ("TURNOUT FELL IN THE NORTH - Dana Roe and Eli Marsh: “Fewer voters came out than "
            "in any year since 1990.”")
    qs = direct(text)
    assert len(qs) == 1 and qs[0][1] in ("Eli Marsh", "Dana Roe")
    assert direct("STORM HITS THE COAST “Nobody expected this,” the mayor’s office said.") in (
        [], [("Nobody expected this", "the mayor’s office")])


def test_dateline_is_not_the_sentence_subject():
    """'SPRINGFIELD, May 3 (Wire) — The Farm Council …, offering "…"' — not the city."""
    text = ("SPRINGFIELD, May 3 (Wire) — The Farm Council released a statement on Monday, "
            "offering “a full apology” to the growers.")
    assert direct(text) == [("a full apology", "Farm Council")]


def test_state_abbreviation_and_time_belong_to_the_introduction():
    """'At a rally in Keene, N.H., on Tuesday, Senator Ann Ruiz endorsed …, saying …'."""
    text = ("At a rally in Keene, N.H., on Tuesday, Senator Ann Ruiz endorsed the mayor, saying "
            "that he would “make an outstanding governor.”")
    assert direct(text) == [("make an outstanding governor.", "Ann Ruiz")]


def test_gendered_role_noun_gives_the_gender():
    """'Congresswoman Tal Orven …' is a woman: a later 'he said' skips her."""
    text = ("Congresswoman Tal Orven met Mr. Lee Bask at the plant.\n\n"
            "Orven toured the floor.\n\n“We are proud of them,” he said.")
    assert direct(text) == [("We are proud of them", "Lee Bask")]


def test_role_from_a_state_is_a_description():
    """'The senator from Vermont said …' — the senator named before, not the state."""
    text = ("Senator Bernard Sands met voters in Burlington.\n\n"
            "The senator from Vermont said the banking system was “rigged.”")
    assert direct(text) == [("rigged.", "Bernard Sands")]


def test_person_of_town_comma_state():
    """'Lena Holt of Keene, New Hampshire says …' — Holt speaks, not the state or the town."""
    text = "Lena Holt of Keene, New Hampshire says the governor should “stop the cuts.”"
    assert direct(text) == [("stop the cuts.", "Lena Holt")]


def test_surname_ending_in_ing_after_a_quote():
    """'"…," Ebling said.' — a capitalised -ing word before 'said' is a surname."""
    text = "The council met on Monday.\n\n“Tell her I promised you a picture,” Harding said."
    assert direct(text) == [("Tell her I promised you a picture", "Harding")]


def test_role_modifiers_between_quote_and_name():
    """'"…," election law expert Rick Dunne tweeted.' — the modifiers are his role."""
    text = ("The vote was close.\n\n“It is a mess,” election law expert Rick Dunne tweeted Monday.\n\n"
            "“We will see,” the Ledger’s senior politics editor Ana Voss said.")
    assert direct(text) == [("It is a mess", "Rick Dunne"), ("We will see", "Ana Voss")]


def test_adviser_to_a_named_person_is_an_apposition():
    """'Eric Fane, a former adviser to Romney, said' — Fane speaks."""
    text = "Eric Fane, a former senior adviser to Governor Mitt Romney, said it was “impossible to catch up.”"
    assert direct(text) == [("impossible to catch up.", "Eric Fane")]


def test_ing_surname_after_an_honorific():
    """'"…," said Mr. Fleming.' — after a title an -ing word is a surname."""
    text = "The board met.\n\n“She is the best we have,” said Mr. Fleming, who worked with her."
    assert direct(text) == [("She is the best we have", "Fleming")]


def test_leading_initials_after_the_verb():
    """'"…," said J. J. Pratt, a firefighter …' — initials start the name."""
    text = "The vote was close.\n\n“It got more expensive,” said J. J. Pratt, a firefighter in Ames."
    assert direct(text) == [("It got more expensive", "J. J. Pratt")]


def test_long_role_to_a_named_person_is_an_apposition():
    """'"…," Eric Vole, an Iowa strategist and former adviser to Scott Wall, said.'"""
    text = ("The vote was close.\n\n“He is tough,” Eric Vole, an Iowa Republican strategist and former "
            "adviser to Governor Scott Wall, said of the senator.")
    assert direct(text) == [("He is tough", "Eric Vole")]


def test_speech_verb_in_an_introductory_clause_does_not_attribute():
    """'When Rusk suggested …, Vale fired back: "…"' — the main clause's subject speaks."""
    text = ("When Tom Rusk suggested that the county would sue, Ana Vale fired back forcefully: "
            "“If they sue us, they will lose.”")
    assert direct(text) == [("If they sue us, they will lose.", "Ana Vale")]


def test_military_abbreviations_inside_an_inverted_subject():
    """'"…," said retired Army Lt. Gen. Mick Barlow, who …' — the abbreviations are titles."""
    text = "The plan drew fire.\n\n“I fundamentally disagree,” said retired Army Lt. Gen. Mick Barlow, who led the unit."
    assert direct(text) == [("I fundamentally disagree", "Mick Barlow")]


def test_title_word_surname_after_a_first_name():
    """'said former governor Harold Dean (D)' — 'Dean' is his surname, not a title."""
    text = "The race tightened.\n\n“He is struggling,” said former Maine governor Harold Dean (D), a party elder."
    assert direct(text) == [("He is struggling", "Harold Dean")]


def test_person_known_only_by_surname_is_an_antecedent():
    """'Okoye also said …' — a lone surname that speaks ('Okoye said') and
    follows a title ('President Okoye') is a person even without a first name."""
    text = ("Tom Ferro, a spokesman, called the trip routine.\n\n"
            "Okoye also said the budget was tight.\n\n"
            "“We take our duties seriously,” he added.\n\n"
            "Later, President Okoye said the talks would continue.")
    assert direct(text) == [("We take our duties seriously", "Okoye")]


def test_role_in_apposition_before_the_name_after_the_quote():
    """'"…," the agency's spokesman, Name, said' — the role set off before the name
    used to stop the after-quote attribution (nothing was extracted)."""
    text = ("The ferry was late again.\n\n"
            "“The engines are old,” the port authority’s spokesman, Ilse Varga, said on Friday.")
    art = article_from_text("r", text)
    [q] = extract_quotes(art, paraphrase=False)
    assert (q.text, q.speaker, q.shape) == ("The engines are old", "Ilse Varga", SHAPE_AFTER)
    text = "“We found the files,” the director of the state archive, Pim K. Osei, said."
    assert direct(text) == [("We found the files", "Pim K. Osei")]


def test_relation_nouns_are_roles():
    """'"…," a friend said' / 'another neighbor, Name, told' — relation and workplace
    nouns describe a speaker like 'a spokesman' does; these quotes were dropped."""
    text = "The bakery closed on Monday.\n\n“She fed the whole street,” a neighbor said. “We will miss her.”"
    assert direct(text) == [("She fed the whole street", "a neighbor"), ("We will miss her.", "a neighbor")]
    text = "“He never missed a shift,” another colleague, Oren Tal told the radio station."
    assert direct(text) == [("He never missed a shift", "Oren Tal")]


def test_organisation_named_with_of_is_one_speaker():
    """'The Federal Bureau of Investigation said' gave the speaker 'Investigation': a
    capitalised organisation head and its 'of' complement are one name, not a title
    plus a surname."""
    text = "The National Bureau of Fisheries said the catch was “the lowest in decades.”"
    assert direct(text) == [("the lowest in decades.", "National Bureau of Fisheries")]
    text = "“Rates will hold,” the Bank of Ruritania said."
    assert direct(text) == [("Rates will hold", "Bank of Ruritania")]
    text = "“Rates will hold,” said Secretary of State Ada Holm."
    assert direct(text) == [("Rates will hold", "Ada Holm")]


def test_headline_name_and_colon_attribute_the_quoted_words():
    """'Name: Rival’s ‘Hateful Rhetoric’ Hurts The Party.' — a headline's leading name and
    colon give the speaker of its quoted words (title-case quotes were all skipped)."""
    text = ("Ines Moreau: Rival’s ‘Reckless Budget’ Will Hurt Farmers.\n\n"
            "Senator Ines Moreau said on Monday that the plan would fail.")
    art = article_from_text("r", text)
    [q] = extract_quotes(art, paraphrase=False)
    assert (q.text, q.speaker, q.shape) == ("Reckless Budget", "Ines Moreau", SHAPE_COLON)
    # a label before the colon is no speaker
    text = ("Analysis: Rival’s ‘Reckless Budget’ Will Hurt Farmers.\n\n"
            "Senator Ines Moreau said on Monday that the plan would fail.")
    assert direct(text) == []


def test_singular_role_nouns_after_an_inverted_verb():
    """'"…," said one source who …' / 'said the designer, who …' — singulars of the
    plural role nouns and plain occupations describe a speaker; these were dropped."""
    text = "The deal collapsed late on Friday.\n\n“Nobody trusted anybody,” said one source who asked not to be named."
    assert direct(text) == [("Nobody trusted anybody", "one source")]
    text = "“The hall was packed,” a donor said. “It was loud.”"
    assert direct(text) == [("The hall was packed", "a donor"), ("It was loud.", "a donor")]


def test_document_verbs_right_after_a_quote():
    """'"…," the email read.' / '"…," the filing states.' — verbs kept out of the speech
    verbs for their other senses attribute when they follow a quote closing on a comma."""
    text = "The campaign wrote to supporters on Tuesday.\n\n“Friend, the race is close,” the email read."
    art = article_from_text("r", text)
    [q] = extract_quotes(art, paraphrase=False)
    assert (q.text, q.speaker, q.shape) == ("Friend, the race is close", "the email", SHAPE_AFTER)
    assert direct("“The lease was void,” the filing states.") == [("The lease was void", "the filing")]
    # a quote that ends its sentence is not attributed by a following noun
    assert direct("The vote is in. “We are done.” The states read the results.") == []


def test_quote_opening_the_sentence_attributed_at_its_end():
    """'"We are pleased" about the ruling, said Name, role.' — a quote that opens the
    sentence, runs on in the writer's words and is attributed at the sentence end
    used to be dropped."""
    text = "The vote passed.\n\n“We are extremely happy” about the decision, said Rosa Lind, director of the union."
    art = article_from_text("r", text)
    [q] = extract_quotes(art, paraphrase=False)
    assert (q.text, q.speaker, q.shape) == ("We are extremely happy", "Rosa Lind", SHAPE_AFTER)
    text = "The vote passed.\n\n''Rates are the story,'' like the recent swings, said Rob Curt, the chief economist."
    assert direct(text) == [("Rates are the story", "Rob Curt")]
    # no attribution at the sentence end: still nothing
    assert direct("The vote passed.\n\n“We are extremely happy” about the decision, but the mood changed.") == []


def test_bare_attribution_sentence_after_a_period_closed_quote():
    """'"… emails." Rusk said.' — a quote closed by its own period, then a sentence that is
    only 'Name said' (no comma): the name speaks. A longer sentence is a new statement."""
    text = "The vote passed.\n\n“I hope you find the ballots.” Rusk said.\n\nThen Tom Rusk left."
    art = article_from_text("r", text)
    [q] = extract_quotes(art, paraphrase=False)
    assert (q.text, q.speaker, q.shape) == ("I hope you find the ballots.", "Tom Rusk", SHAPE_AFTER)
    assert direct("The vote passed.\n\n“I hope you find the ballots.” Rusk said the count was fair.") == []


def test_document_that_speaks_is_its_issuer():
    """'X sent out an email … "…," read the email.' — the issuer of the earlier
    document speaks, not 'the email'."""
    text = ("Senator Tom Rusk sent an email to supporters on Wednesday.\n\n"
            "“Friend, let me be blunt,” the email read.")
    assert direct(text) == [("Friend, let me be blunt", "Tom Rusk")]
    assert direct("“Friend, let me be blunt,” the email read.") == [("Friend, let me be blunt", "the email")]


def test_unnamed_person_after_an_inverted_verb():
    """'"…," said one person with knowledge of the talks' — 'person' heads an unnamed
    speaker like 'source' does."""
    text = "The talks stalled.\n\n“Nobody wants to blink first,” said one person with knowledge of the talks."
    assert direct(text) == [("Nobody wants to blink first", "one person")]


def test_article_pronoun_overrides_a_first_name_gender_guess():
    """'Jordan Varn … Varn said she …; "…," she said.' — a first name the lists call male
    must not hide the only candidate the article itself calls 'she'. Without that
    evidence in the text the guess stands and nothing is attributed."""
    text = ("Governor Jordan Varn and Mayor Tom Rusk met on Monday. Varn said she wanted a deal.\n\n"
            "“We need the bridge,” she said.")
    art = article_from_text("r", text)
    [q] = extract_quotes(art, paraphrase=False)
    assert (q.text, q.speaker) == ("We need the bridge", "Jordan Varn")
    text = ("Governor Jordan Varn met Mayor Tom Rusk on Monday. Rusk arrived late.\n\n"
            "“We need the bridge,” she said.")
    assert direct(text) == []


# One snippet per error class fixed on PolNeAR in session 6: (snippet, the quotes and speakers
# `direct` must return). Each comment says what used to go wrong.
ATTRIBUTION_CASES = [
    # '"…," said C. Name Jr., an aide in George W. Bush's White House. "…"': the initials'
    # periods read as sentence ends, and the other name then stopped the continuation.
    pytest.param(
        '“The levee held,” said J. Rosa Lind Jr., a senior engineer during Carl T. Voss’s '
        'years at the port authority. “We were lucky.”',
        [('The levee held', 'J. Rosa Lind Jr.'), ('We were lucky.', 'J. Rosa Lind Jr.')],
        id='continuation_survives_initials_and_other_names_in_a_long_apposition'),
    pytest.param(
        '“The levee held,” said Rosa Lind, the engineer. Carl Voss, her deputy, was less '
        'sure. “We were lucky.”',
        [('The levee held', 'Rosa Lind')],
        id='another_person_in_a_sentence_of_their_own_still_stops_continuation'),
    # '"…," said Rep. Name, adding that "…"': the second quote was lost (no subject
    # before 'said', and the title's period read as a clause break).
    pytest.param(
        '“The levee held,” said Rep. Rosa Lind, adding that “we were lucky this time.”',
        [('The levee held', 'Rosa Lind'), ('we were lucky this time.', 'Rosa Lind')],
        id='participle_after_an_inverted_attribution_keeps_its_speaker'),
    # Only an inverted attribution ('," said Name') lends its subject: 'advising Voss' does not.
    pytest.param(
        'Mayor Ada Brill bristled at the idea that she was advising Carl Voss on the plan, '
        'saying, “the advice I give is private.”',
        [('the advice I give is private.', 'Ada Brill')],
        id='participle_after_a_reporting_word_inside_the_clause_keeps_the_sentence_subject'),
    # '"…," said former Carl T. Voss speechwriter Ada Brill': Voss (with his initial) only
    # qualifies the role; the name after the role noun speaks, on either side of the quote.
    pytest.param(
        '“The levee held,” said former Carl T. Voss speechwriter Ada Brill.',
        [('The levee held', 'Ada Brill')],
        id='a_name_qualifying_the_role_is_not_the_speaker-1'),
    pytest.param(
        '“The levee held,” Carl T. Voss speechwriter Ada Brill said.',
        [('The levee held', 'Ada Brill')],
        id='a_name_qualifying_the_role_is_not_the_speaker-2'),
    pytest.param(
        '“The levee held,” said Voss supporters Tuesday.',
        [('The levee held', 'Voss supporters')],
        id='a_weekday_after_a_plural_speaker_is_not_a_name'),
    # '"…," Brill said. Instead, "he just acts …"': the quote finishing the sentence after
    # "Then," or "Instead," read as a fragment of the writer's and was dropped.
    pytest.param(
        '“We did our part,” Ada Brill said. Instead, “he just acts like a defeated man.”',
        [('We did our part', 'Ada Brill'), ('he just acts like a defeated man.', 'Ada Brill')],
        id='a_quote_after_a_lead_adverb_goes_on_from_the_attributed_one-1'),
    pytest.param(
        '“We lost,” said Ada Brill. Then, “We lost again.”',
        [('We lost', 'Ada Brill'), ('We lost again.', 'Ada Brill')],
        id='a_quote_after_a_lead_adverb_goes_on_from_the_attributed_one-2'),
    pytest.param(
        '“We lost,” said Ada Brill. But “Main Street” is closed now.',
        [('We lost', 'Ada Brill')],
        id='a_short_title_after_a_lead_adverb_is_no_continuation'),
    # 'A letter from the Legion obtained by The Associated Press warns that "…"': the
    # agent of 'obtained by' was taken for the subject of 'warns'.
    pytest.param(
        'A Feb. 1 letter from the Veterans League obtained by The Daily Ledger warns that '
        '“any further contact will be through our attorney.”',
        [('any further contact will be through our attorney.', 'Veterans League')],
        id='the_outlet_that_obtained_a_document_is_not_its_speaker'),
    # '"…," Harry Bond, 30, of Raleigh, N.C., who was polled, said': 'N.C.' was taken for an
    # organisation speaking. With its period a state abbreviation is a place; 'Miss' is a title.
    pytest.param(
        '“Both scare me,” Rolf Hale, 30, of Raleigh, N.C., who was among those polled, said.',
        [('Both scare me', 'Rolf Hale')],
        id='a_state_abbreviation_in_the_apposition_is_a_place-1'),
    pytest.param(
        '“Both scare me,” Miss Hale said.',
        [('Both scare me', 'Hale')],
        id='a_state_abbreviation_in_the_apposition_is_a_place-2'),
    # Digests print a quote as its own paragraph and sign it below ('—Name, Town').
    pytest.param(
        'Quotes of the day.\n\n“The whole idea is something we hear all the time, and it needs '
        'to stop.”\n\n—Mara Lindqvist, Duluth.\n\n“We will keep going.”\n\n- More to come later '
        'today.',
        [('The whole idea is something we hear all the time, and it needs to stop.', 'Mara Lindqvist')],
        id='a_quote_signed_in_the_next_paragraph'),
    # '"…," Name is quoted as saying.' — the passive frame hid the subject.
    pytest.param(
        '“Our method works where others fail,” Rolf Hale is quoted as saying.',
        [('Our method works where others fail', 'Rolf Hale')],
        id='quoted_as_saying_after_the_quote'),
    pytest.param(
        '“Analysts said no,” remembered Rolf Hale, a spokesman.',
        [('Analysts said no', 'Rolf Hale')],
        id='remembered_is_a_speech_verb_but_remember_is_not-1'),
    pytest.param(
        'I remember “the good days” well.',
        [],
        id='remembered_is_a_speech_verb_but_remember_is_not-2'),
    # 'But, said Hale, "…"' and '"…," said Hale, the director, "and …"': the subject comes
    # after the verb; nothing stood before it, so the quote was lost.
    pytest.param(
        'Rolf Hale said his boss was “always kind.” But, said Hale, “I don’t want a fight.”',
        [('always kind.', 'Rolf Hale'), ('I don’t want a fight.', 'Rolf Hale')],
        id='inverted_attribution_right_before_the_quote-1'),
    pytest.param(
        '“We are here,” said Rolf Hale, the director, “and we are staying for good.”',
        [('We are here', 'Rolf Hale'), ('and we are staying for good.', 'Rolf Hale')],
        id='inverted_attribution_right_before_the_quote-2'),
    pytest.param(
        'Rolf Hale named nobody, but told his supporters, “our nation is in trouble.”',
        [('our nation is in trouble.', 'Rolf Hale')],
        id='the_person_told_is_not_the_speaker'),
    # 'as Name, a former aide, put it: "…"' — 'put it' is a speech idiom, and 'as' may
    # open the subject piece.
    pytest.param(
        'Or, as Rolf Hale, a former secretary of the port, put it: “The barbarians are '
        'inside.”',
        [('The barbarians are inside.', 'Rolf Hale')],
        id='as_name_put_it-1'),
    pytest.param(
        'Rolf Hale put it on the table: “We are done.”',
        [('We are done.', 'Rolf Hale')],
        id='as_name_put_it-2'),
    # 'Name, author of "The Long Road," said "…"': the title's closing comma ends the apposition.
    pytest.param(
        "As Rolf Hale, a professor and author of ''The Unwritten Rules,'' put it, ''Senators "
        "forget that.''",
        [('Senators forget that.', 'Rolf Hale')],
        id='a_title_in_the_apposition_is_not_the_speaker-1'),
    pytest.param(
        'Rolf Hale, a contestant on the show, "The Big Prize," who went on to work for him, '
        'said he was "always kind."',
        [('always kind.', 'Rolf Hale')],
        id='a_title_in_the_apposition_is_not_the_speaker-2'),
    # '"…," said the group’s president, Rolf Hale.' — the possessive word stopped the
    # description, and only 'a …, Name' was read as a description in apposition.
    pytest.param(
        '“We will win,” said the group’s president, Rolf Hale.',
        [('We will win', 'Rolf Hale')],
        id='a_possessive_role_in_apposition_to_the_name-1'),
    pytest.param(
        '“We will win,” said the president of the group, Rolf Hale.',
        [('We will win', 'Rolf Hale')],
        id='a_possessive_role_in_apposition_to_the_name-2'),
    # '"…," said Will Doyle' was lost: 'Will' read as the modal verb.
    pytest.param(
        '“We will win,” said Will Hale.',
        [('We will win', 'Will Hale')],
        id='will_as_a_first_name-1'),
    pytest.param(
        'Will voters care? “We will win,” said Rolf Hale.',
        [('We will win', 'Rolf Hale')],
        id='will_as_a_first_name-2'),
    # 'Kwame Osei said … "…," he said.': a first name missing from the name lists left
    # the person unknown, so the pronoun found nobody. An organisation is not made a person.
    pytest.param(
        'Officials met.\n\nKwame Osei spoke on Monday.\n\n“We will win,” he said.',
        [('We will win', 'Kwame Osei')],
        id='a_name_no_list_knows_is_a_person_when_it_speaks-1'),
    pytest.param(
        'Officials met.\n\nUnited Technologies said it would cut jobs.\n\n“We will win,” she '
        'said.',
        [],
        id='a_name_no_list_knows_is_a_person_when_it_speaks-2'),
    pytest.param(
        'Officials met.\n\nKwame Osei runs a farm near Accra.\n\n“We will win,” he said.',
        [('We will win', 'Kwame Osei')],
        id='an_unlisted_name_opening_a_paragraph_as_subject_is_a_person-1'),
    pytest.param(
        'Officials met.\n\nSilicon Valley looks ahead.\n\n“We will win,” he said.',
        [],
        id='an_unlisted_name_opening_a_paragraph_as_subject_is_a_person-2'),
    # 'Hale said on CNN’s "State of the Union."': the period inside the marks made the
    # title read as a sentence of speech. Title-case words after a lead that names a work
    # are a title; the same words as an object stay a quote.
    pytest.param(
        '“We will win,” Hale said on CNN’s “State of the Union.”',
        [('We will win', 'Hale')],
        id='a_show_title_ending_its_sentence_is_not_a_quote-1'),
    pytest.param(
        'Rolf Hale called the port the “Great Satan.”',
        [('Great Satan.', 'Rolf Hale')],
        id='a_show_title_ending_its_sentence_is_not_a_quote-2'),
    pytest.param(
        "Mr. Hale said in his 2012 book, ''A Harbor Son.'' So they stayed.",
        [],
        id='a_show_title_ending_its_sentence_is_not_a_quote-3'),
    pytest.param(
        'He acted in the movie “Storm Port 3: Oh No!” This spring.',
        [],
        id='a_show_title_ending_its_sentence_is_not_a_quote-4'),
    # 'Partial transcript as follows: "…"' gave the speaker 'Partial'.
    pytest.param(
        'Officials met.\n\nPartial transcript as follows:\n\n“We will win.”',
        [],
        id='a_lone_capitalised_modifier_before_a_colon_is_no_speaker-1'),
    pytest.param(
        'Hale put it bluntly: “We will win.”',
        [('We will win.', 'Hale')],
        id='a_lone_capitalised_modifier_before_a_colon_is_no_speaker-2'),
    # 'Hale wrote in a statement to Wired explaining …, "…"', 'a source speaking to Fox
    # News said, "…"': the outlet was taken for the speaker.
    pytest.param(
        'Rolf Hale wrote in a statement to the Ledger explaining why he is speaking, “but '
        'most people agree.”',
        [('but most people agree.', 'Rolf Hale')],
        id='the_object_of_a_preposition_is_not_the_participle_subject-1'),
    pytest.param(
        'Rolf Hale answered the question on Facebook writing, “Yes, I will.”',
        [('Yes, I will.', 'Rolf Hale')],
        id='the_object_of_a_preposition_is_not_the_participle_subject-2'),
    pytest.param(
        'A second source speaking to the Daily Ledger said, “The agents are investigating.”',
        [('The agents are investigating.', 'A second source')],
        id='the_object_of_a_preposition_is_not_the_participle_subject-3'),
    pytest.param(
        '“They are under pressure,” an intelligence source, who was not authorized to speak, '
        'told the Ledger.',
        [('They are under pressure', 'an intelligence source')],
        id='a_description_with_a_relative_clause_speaks_not_the_one_told'),
    # 'Representative Peter T. King': 'King' after a first name and initial is the surname.
    pytest.param(
        '“We felt stifled,” Representative Peter T. King, Republican of New York, said.',
        [('We felt stifled', 'Peter T. King')],
        id='a_middle_initial_keeps_a_title_word_as_surname'),
    # 'Hale argues that his client was peaceful. "The government is …"': the quote went to
    # the last quote's speaker instead of the person speaking right before it.
    pytest.param(
        '“We lost,” said Ada Brill.\n\nRolf Hale argues that his client was peaceful. “The '
        'government is alleging violence.”',
        [('We lost', 'Ada Brill'), ('The government is alleging violence.', 'Rolf Hale')],
        id='a_quote_after_a_sentence_in_which_someone_speaks'),
    pytest.param(
        'Alongside the calls for action, even a top party strategist said Hale will have to '
        'choose, saying, “At some point, she has to come out.”',
        [('At some point, she has to come out.', 'a top party strategist')],
        id='a_sentence_opening_preposition_is_not_a_name'),
    # '"…," Hale’s spokesman, Tom Lee, said.' was lost: only 'the …, Name' was read so.
    pytest.param(
        '“We will win,” Hale’s spokesman, Tom Lee, said.',
        [('We will win', 'Tom Lee')],
        id='a_possessive_role_in_apposition_before_the_name'),
    # 'Asked whether Mr. Clinton would …, Mrs. Clinton … said, "No."': the title's period
    # ended the introductory clause, so the sentence had no subject.
    pytest.param(
        'Asked on Monday whether Dr. Ruiz would run, Ada Brill shook her head and said, “No.”',
        [('No.', 'Ada Brill')],
        id='a_title_inside_an_introductory_clause_does_not_end_it'),
    pytest.param(
        'When Ms. Brill moved to Park Slope, Brooklyn, the quiet district where the Hales lived, '
        'Tom Lee told her that the block was “the friendliest in town.”',
        [('the friendliest in town.', 'Tom Lee')],
        id='a_place_and_its_apposition_in_the_introduction_are_not_the_subject'),
    pytest.param(
        'Mr. Slinker, whose latest firm, Paradata, sells data, said the rival was “a start-up kind of guy.”',
        [('a start-up kind of guy.', 'Slinker')],
        id='a_name_inside_a_relative_clause_is_not_the_subject'),
    # 'Freddy' (a first name) marked Freddy Trump as the one called by the bare surname,
    # and every later 'Mr. Trump' went to him.
    pytest.param(
        'Tom Brill runs the mill. His brother, Carl Brill, left it.\n\nCarl told friends he was '
        '“done with the place.”\n\n“We will stay,” Mr. Brill said.',
        [('done with the place.', 'Carl Brill'), ('We will stay', 'Tom Brill')],
        id='a_first_name_reference_does_not_claim_the_bare_surname'),
    # 'Mr. Trump was prompted to say, "…"' had no subject: 'prompted to' hid it.
    pytest.param(
        'The debate was so calm that Ada Brill was prompted to say, “I cannot believe how civil it is.”\n\n'
        'Tom Lee was quick to add that nothing had changed.\n\n“Not negotiable.”',
        [('I cannot believe how civil it is.', 'Ada Brill'), ('Not negotiable.', 'Tom Lee')],
        id='an_infinitive_of_the_subjects_own_speech'),
    pytest.param(
        'Ada Brill urged the voters to say no. “It is a trap,” Tom Lee said.',
        [('It is a trap', 'Tom Lee')],
        id='an_infinitive_after_an_object_is_not_the_subjects_speech'),
    # 'he said on\u00a0"Meet the Press."': the no-break space hid the 'on' before the show.
    pytest.param(
        'Ada Brill spoke.\n\n“I expect to be vetted,” she said on\u00a0“Meet the Press.”',
        [('I expect to be vetted', 'Ada Brill')],
        id='a_show_after_a_no_break_space_is_a_title'),
    # A pull quote signed on its last line, inside the marks, had no speaker.
    pytest.param(
        'The debt debate is back.\n\n"I worry that we may see a resurgence of balanced budgets.\n'
        'Ada Brill, Center for Policy Research."\n\nThe fight goes on.',
        [('I worry that we may see a resurgence of balanced budgets.', 'Ada Brill')],
        id='a_pull_quote_signed_inside_its_marks'),
    # '"…" about it, said Name, director of X, a union that …': two appositions hid the
    # attribution from the sentence-end frame, which read only the last two commas.
    pytest.param(
        '“We are extremely happy” about the decision, said Ada Brill, executive director of the '
        'Nurses Union, a union that has broken away from many other labor groups.',
        [('We are extremely happy', 'Ada Brill')],
        id='a_sentence_end_attribution_before_two_appositions'),
    # '"…." Mr. Zahed said: "…"': the clause after a finished quote introduces the next
    # one (with '' marks, the period inside was not even seen).
    pytest.param(
        "''We are refugees,'' Ms. Alawee said. ''We are not terrorists.'' Mr. Zahed said: "
        "''The attack was the work of terrorists.''",
        [('We are refugees', 'Alawee'), ('We are not terrorists.', 'Alawee'),
         ('The attack was the work of terrorists.', 'Zahed')],
        id='an_attribution_that_introduces_the_next_quote'),
    pytest.param(
        'Another user, Roland Ziegler, wrote: “Your boss is still bringing them.” Eva Schultheis '
        'posted: “She welcomed them all.”',
        [('Your boss is still bringing them.', 'Roland Ziegler'), ('She welcomed them all.', 'Eva Schultheis')],
        id='a_colon_attribution_after_a_quote_is_the_next_ones'),
    pytest.param(
        '“It was awful,” Ruiz said, “and we knew it.”',
        [('It was awful', 'Ruiz'), ('and we knew it.', 'Ruiz')],
        id='a_split_quote_keeps_its_attribution'),
    # The nearest comma piece before the verb was taken for the subject even when it was
    # an apposition: an organisation, or the name of what the role before it names.
    pytest.param(
        '“Logic would suggest closer ties,” warned Holger Brill of Berenberg, Germany’s largest private bank.'
        '\n\nHolger Brill of Berenberg, Germany’s largest private bank, warned that the attacks “may trigger a '
        'reaction.”',
        [('Logic would suggest closer ties', 'Holger Brill'), ('may trigger a reaction.', 'Holger Brill')],
        id='a_person_before_an_organisation_apposition'),
    pytest.param(
        'Giovanni Vian, the editor of the official newspaper, La Voce Romana, said every pope was “both '
        'religious and political.”',
        [('both religious and political.', 'Giovanni Vian')],
        id='a_person_before_a_role_and_the_name_it_names'),
    pytest.param(
        '“Some may call it unkind,” Xinhua, the official news agency, wrote.',
        [('Some may call it unkind', 'Xinhua')],
        id='an_organisation_described_by_its_apposition'),
    pytest.param(
        'When Rubio said it was great to be home, a man yelled, “Stay there!”',
        [('Stay there!', 'a man')],
        id='a_man_in_the_main_clause_speaks'),
    # '"…?" Trump joked that it was Brooklyn.': a new sentence of reported speech, not
    # the question's attribution.
    pytest.param(
        'In an interview, Ada Brill asked, “What is the most dangerous place?” Tom Lee joked that it '
        'was Brooklyn.',
        [('What is the most dangerous place?', 'Ada Brill')],
        id='a_reported_clause_after_a_question_is_a_new_sentence'),
    # '…from President Barack Obama, who called the nominee "unfit to serve"' went to
    # the sentence's first word ('Domestically').
    pytest.param(
        'Domestically, the row drew a damning reaction from President Ada Brill, who called the nominee '
        '“unfit to serve” as president.',
        [('unfit to serve', 'Ada Brill')],
        id='the_name_right_before_who_is_the_relative_clauses_subject'),
    # '…, but Christie wasn't having it. "…," he said.': the subject of a clause after
    # ', but' is as salient as a sentence's, and nearer than the last speaker.
    pytest.param(
        '“We are done,” said Tom Lee.\n\nThe moderators were ready to move on, but Carl Brill was not '
        'having it.\n\n“You see, everybody, this is what Washington does,” he said.',
        [('We are done', 'Tom Lee'), ('You see, everybody, this is what Washington does', 'Carl Brill')],
        id='a_clause_subject_after_but_is_the_pronouns_antecedent'),
    # 'Audiences can expect him …' (with 'audience' elsewhere) made a person of a plural noun.
    pytest.param(
        'The audience loved Tom Lee, the singer.\n\nAudiences can expect him to take “a few more risks.”'
        '\n\n“It’s straight from the heart,” he said.',
        [('It’s straight from the heart', 'Tom Lee')],
        id='a_capitalised_plural_of_a_common_word_is_no_name'),
    # 'RNC Chief of Staff Katie Walsh' read as the organisation 'Chief of' + 'Staff Katie
    # Walsh', so she was no person and her quote went to someone else.
    pytest.param(
        'The party has saved money. That, RNC Chief of Staff Katie Walsh explained, is by design.\n\n'
        '“We have a head start,” she said.',
        [('We have a head start', 'Katie Walsh')],
        id='a_title_with_of_before_a_first_name'),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION_CASES)
def test_attribution_rule(text, expected):
    assert direct(text) == expected
