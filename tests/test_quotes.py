"""Quote spans and attribution rules, in German and English (no model: mentions from markup)."""

from __future__ import annotations

import pytest

from generator.curation import Curation
from generator.resolution.quotes import attribute, find_quote_spans, is_quotation
from generator.resolution.resolve import resolve

from .helpers import corpus, make


def quotes(markup: str, language: str = "de"):
    articles, extractions = corpus(make("a", markup, language=language))
    res = resolve(articles, extractions, Curation(), None)
    by_id = {e.id: e for e in res.entities}
    return [
        (q.text, by_id[q.speaker].name if q.speaker else None, q.cue)
        for q in attribute(articles, extractions, res.by_mention, by_id)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte: „Ja.“ Dann »nein«.", ["Ja.", "nein"]),
        ('She said "yes" and “no”.', ["yes", "no"]),
        ("Ein „offenes Zitat ohne Ende.", []),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in find_quote_spans(text, 0, len(text))] == expected


def test_cue_after_with_role_words() -> None:
    assert quotes("„Nein, das kann ich nicht“, sagte Kreml-Sprecher [Dmitri Peskow|person].") == [
        ("Nein, das kann ich nicht", "Dmitri Peskow", "after")
    ]


def test_cue_before() -> None:
    assert quotes("Dann hatte [Matthew Miller|person] gedroht: »Ich werde beide Länder erinnern.«") == [
        ("Ich werde beide Länder erinnern.", "Matthew Miller", "before")
    ]


def test_english_name_then_verb() -> None:
    assert quotes('"We are concerned about it," [Kirby|person] said.', language="en") == [
        ("We are concerned about it,", "Kirby", "after")
    ]


def test_a_persons_statement_says_the_persons_words() -> None:
    assert quotes('"I apologise to all who suffered," Mr [Tanzi|person]\'s statement said.', language="en") == [
        ("I apologise to all who suffered,", "Tanzi", "after")
    ]
    # A person's lawyer speaks for himself: no speaker named.
    assert quotes('"We will appeal the ruling now," Mr [Tanzi|person]\'s lawyer said.', language="en") == [
        ("We will appeal the ruling now,", None, "none")
    ]


def test_a_headline_gives_the_name_a_colon_and_the_quote() -> None:
    assert quotes('[Leitl|person]: "Wer eine Verkürzung will, riskiert viel". Wien – Zwei Tage später.') == [
        ("Wer eine Verkürzung will, riskiert viel", "Leitl", "before")
    ]
    # Not a name deep in the sentence: the colon ends a list there.
    assert quotes('Es sprachen heute Meier, Müller und [Leitl|person]: "Das war ein guter Tag für uns".')[0][1] is None


def test_english_role_words_between_quote_and_name() -> None:
    assert quotes('"The boundaries did not match," state prosecutor [Alexis Ortiz|person] told us.', language="en") == [
        ("The boundaries did not match,", "Alexis Ortiz", "after")
    ]


def test_pronoun_takes_the_subject_of_the_sentence_before() -> None:
    result = quotes(
        "[Adrienne Watson|person] vom [Weißen Haus|organization] sprach mit [Kirby|person].\n\n"
        "„Wir wissen es ganz genau“, sagte sie."
    )
    assert result == [("Wir wissen es ganz genau", "Adrienne Watson", "pronoun")]
    result = quotes(
        '"We want him to stay here," said [Jim McIntyre|person]. Keeper [Tony Bullock|person] echoed '
        '[McIntyre|person]\'s words. "I think all the boys agree with him," he added.',
        language="en",
    )
    assert [r[1] for r in result] == ["Jim McIntyre", "Tony Bullock"]


def test_a_pronoun_subject_before_the_quote_refers_back() -> None:
    result = quotes(
        "[Nicholas Scott|person] lost his seat. After that, he bitterly said that despite the support of "
        '[Cabinet|organization] ministers, they were "absolutely determined to get rid of me".',
        language="en",
    )
    assert result == [("absolutely determined to get rid of me", "Nicholas Scott", "pronoun")]


def test_continuation_only_for_quotes_that_open_a_sentence() -> None:
    result = quotes(
        "„Erstens ist das klar“, sagte [Keir Giles|person]. „Zweitens ist es so.“ Aus [Washington|place] hieß es, "
        "man werde »einen Preis« verlangen."
    )
    assert result == [
        ("Erstens ist das klar", "Keir Giles", "after"),
        ("Zweitens ist es so.", "Keir Giles", "continuation"),
    ]


def test_a_quote_of_several_sentences_goes_on_in_the_next_paragraph() -> None:
    """'[Wardle] added: "There have been no bids. No-one has come to me. ¶ "If a bid comes in …"': the next
    paragraph's quote continues the words, measured from the sentence the quote ends in."""
    result = quotes(
        'But [Wardle|person] added: "There have been no bids at all. No-one has come to me about him. Nobody.'
        '\n\n"If a bid comes in for him I will speak to the board first." The club said nothing.',
        language="en",
    )
    assert [(r[1], r[2]) for r in result] == [("Wardle", "before"), ("Wardle", "continuation")]


def test_person_in_apposition_to_an_organization() -> None:
    result = quotes(
        "„Jede Art von Kooperation ist verboten“, sagte der Sprecher des [US-Außenministeriums|organization], "
        "[Vedant Patel|person]."
    )
    assert result == [("Jede Art von Kooperation ist verboten", "Vedant Patel", "after")]
    # A longer description in lower case between the organisation and its person.
    result = quotes(
        '"This is typical of their hypocrisy," said [Tory|organization] shadow local government secretary'
        " [Caroline Spelman|person].",
        language="en",
    )
    assert result == [("This is typical of their hypocrisy,", "Caroline Spelman", "after")]
    result = quotes(
        '[Colin Asplin|person], [Blackpool Hotel Association|organization] said: "We have tried very hard."',
        language="en",
    )
    assert result == [("We have tried very hard.", "Colin Asplin", "before")]
    # A word of affiliation instead of a comma: "Yang Jin vom Institut …, der anmerkte, »…«".
    result = quotes(
        "Die Zeitung ließ [Yang Jin|person] vom [Institut für Studien|organization] zu Wort kommen, der anmerkte, "
        "»dass eine starke Beziehung beiden Seiten hilft«."
    )
    assert result == [("dass eine starke Beziehung beiden Seiten hilft", "Yang Jin", "before")]
    # A body after a preposition in the apposition is no subject: "…, chief executive of the Refugee Council,
    # said"; a body after "and" may be ("…, and United's statement said").
    result = quotes(
        '[Maeve Sherlock|person], chief executive of the [Refugee Council|organization], said: "Human rights'
        " abuses against the Roma are widespread.\" [Malcolm Glazer|person] owns a stake, and [United|organization]'s statement said:"
        ' "The board has noted the speculation."',
        language="en",
    )
    assert [(who, cue) for _, who, cue in result] == [("Maeve Sherlock", "before"), ("United", "before")]


def test_nearest_name_with_a_verb_of_saying() -> None:
    result = quotes(
        "[Putin|person] räumte nach dem Treffen mit [Kim|person] ein, »dass es gewisse Einschränkungen gebe«."
    )
    assert result == [("dass es gewisse Einschränkungen gebe", "Putin", "before")]


@pytest.mark.parametrize(
    ("markup", "speaker"),
    [
        # Verbs of saying in the present tense, and "points out".
        ('Work goes on, [Radwan Hadi|person] points out. "These guys are trying to work hard here."', "Radwan Hadi"),
        ('[Oliver Finegold|person] replies: "No, I am Jewish, I was never a German war criminal."', "Oliver Finegold"),
        # Whom the nearest verb of saying has as its subject, not its object.
        (
            'Mr [Blair|person] recalls how [Bill Clinton|person] once advised him: "Always remember the news."',
            "Bill Clinton",
        ),
        ('The party asserts that Mr [Hockney|person] "has a moral obligation, if not a legal one" to go.', None),
        ('One insider pointed out to the [BBC News|organization] website that "nobody is denying a merger".', None),
        # "according to" is the cue, not a preposition that governs the name.
        (
            'Its trainer, according to [Susanne Risse|person] from the firm, can "sense and adapt to your style".',
            "Susanne Risse",
        ),
        # Not a person only spoken of before the quote, where one says it in the clause that ends the sentence.
        (
            '[Gordon Brown|person]\'s decision was a "sensible thing to do", since he was talking about skills'
            " at the time, Mr [Balls|person] told the BBC.",
            "Balls",
        ),
    ],
)
def test_the_subject_of_a_verb_of_saying_before_the_quote_is_the_speaker(markup: str, speaker: str | None) -> None:
    assert [who for _, who, _ in quotes(markup, language="en")] == [speaker]


def test_places_never_speak() -> None:
    assert quotes("In [Moskau|place] hieß es: „Nichts ist entschieden worden.“") == [
        ("Nichts ist entschieden worden.", None, "none")
    ]


@pytest.mark.parametrize(
    ("quoted", "before", "language", "expected"),
    [
        ("beschämend", "Greenfield nannte es", "de", False),  # a single word
        ("nothing to say", "The Kremlin said it had", "en", False),  # a scare-quoted phrase
        ("gewisse Einschränkungen", "er räumte ein, es gebe", "de", False),
        ("zur Verstärkung ihrer bilateralen Zusammenarbeit", "in denen sie sich", "de", False),  # reported wording
        ("eine unverbrüchliche Beziehung der strategischen Zusammenarbeit", "in", "de", False),  # a noun phrase
        ("Gitarre gespielt und Reformen gemacht", "Er habe", "de", False),  # capitalised noun, not a sentence
        ("Nein, das kann ich nicht.", "", "de", True),  # a sentence of its own
        ("Wir haben es versucht", "Er sagte:", "de", True),
        ("dass eine starke Beziehung beiden Seiten hilft", "der anmerkte,", "de", True),  # subordinate clause
        ("die Zusammenarbeit weiter auszubauen", "sprach sich dafür aus,", "de", True),  # infinitive clause
        ("absolutely determined to get rid of me", "they were", "en", True),
        ("we're in a difficult spot", "he said", "en", True),  # a finite (contracted) auxiliary
        ("this matters for the firm", "he called", "en", False),  # "this" is no auxiliary
    ],
)
def test_a_quotation_is_at_least_a_clause(quoted: str, before: str, language: str, expected: bool) -> None:
    assert is_quotation(quoted, before, language) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A missing closing mark does not turn the narration between two quotes into a quote.
        (
            '"We are in trouble. "The next one," he said. Then "we go on".',
            ["We are in trouble.", "The next one,", "we go on"],
        ),
        # A quote running on to the paragraph end (its closing mark comes in the next paragraph).
        ('He said: "We have tried very hard', ["We have tried very hard"]),
        ('"Fine," said X. "Good," he added.', ["Fine,", "Good,"]),
        # A mark standing free after a quote's closing punctuation closes it (a typing slip).
        (
            '"It is bad for savers, " said Carlos Baez. "A lot of them lost," he said.',
            ["It is bad for savers,", "A lot of them lost,"],
        ),
        ('"It is bad " said Carlos. "Yes," he said.', ['It is bad " said Carlos.', "Yes,"]),
    ],
)
def test_straight_quotes_are_paired_by_side(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in find_quote_spans(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("markup", "language", "expected"),
    [
        (
            "[The Vestey Group|organization] said it had owned the land. "
            'But a spokesman added: "Agroflora is absolutely confident that it will show the legality."',
            "en",
            "The Vestey Group",
        ),
        (
            "[Siemens|organization] bestätigte den Bericht. „Wir prüfen alle Angebote genau“, sagte eine Sprecherin.",
            "de",
            "Siemens",
        ),
        # The nearest sentence names a person too: whose spokesperson it is stays open.
        (
            "[Siemens|organization] lud [Olaf Scholz|person] ein. „Wir prüfen alle Angebote genau“, sagte ein Sprecher.",
            "de",
            None,
        ),
        # A spokesperson for someone named: the other rules or no one.
        (
            "[Siemens|organization] bestätigte den Bericht. "
            '"We are looking at every offer closely," said a spokesman for the union.',
            "en",
            None,
        ),
    ],
)
def test_an_unnamed_spokesperson_speaks_for_the_organization_named_before(markup, language, expected) -> None:
    [(_, speaker, cue)] = quotes(markup, language)
    assert speaker == expected
    assert cue == ("spokesperson" if expected else "none")


@pytest.mark.parametrize(
    ("markup", "language", "expected"),
    [
        (
            '"Sie haben es ernsthaft für möglich gehalten". Eine Züchterin wurde verurteilt. '
            "Die Angeklagten hätten Erfahrung gehabt, so Richter [Oliver Schoßwohl|person] in der Begründung. "
            "Sie haben es ernsthaft für möglich gehalten und dennoch verkauft.",
            "de",
            "Oliver Schoßwohl",
        ),
        (
            '"We will not sell the farm at any price". The owners met on Monday. '
            '[Tom Vestey|person] spoke at length. "We will not sell the farm at any price," he said.',
            "en",
            "Tom Vestey",
        ),
        # The body repeats the words, but credits no one: the teaser stays unattributed.
        (
            '"Wir verkaufen den Hof zu keinem Preis". [Anna Berg|person] kam. Wir verkaufen den Hof zu keinem Preis.',
            "de",
            None,
        ),
        # A description as the teaser's cue: the first person the body names, its subject.
        (
            '"Die Ansichten liegen zu weit auseinander", sagt der ehemalige Präsidentschaftskandidat. Washington –'
            " Der US-Republikaner [Marco Rubio|person] will nicht unter [Donald Trump|person] antreten.",
            "de",
            "Marco Rubio",
        ),
    ],
)
def test_a_teaser_quote_takes_the_speaker_the_body_gives_its_words(markup, language, expected) -> None:
    found = quotes(markup, language)
    teaser = found[0]
    assert teaser[1] == expected
    assert teaser[2] == ("teaser" if expected else "none")


@pytest.mark.parametrize(
    ("language", "markup", "speaker"),
    [
        (
            "en",
            '"It\'s awesome," said [Lleyton Hewitt|person]. "I started preparing for this tournament nine months ago.',
            "Lleyton Hewitt",
        ),
        (
            "de",
            "„Großartig“, sagte [Dominic Thiem|person]. „Ich habe mich monatelang auf dieses Turnier vorbereitet.“",
            "Dominic Thiem",
        ),
    ],
)
def test_a_short_quote_s_named_speaker_goes_on_speaking(language: str, markup: str, speaker: str) -> None:
    """Too short to be a quotation itself, but it names who speaks in the quote that follows."""
    assert [(who, cue) for _, who, cue in quotes(markup, language=language)] == [(speaker, "continuation")]


@pytest.mark.parametrize(
    ("language", "markup", "speaker"),
    [
        ("en", '[Moyes|person] continued: "Although the incident was out of character, it was wrong."', "Moyes"),
        (
            "en",
            '[Haji-Ioannou|person] vowed to fight, saying: "We have nothing to be afraid of in this case."',
            "Haji-Ioannou",
        ),
        ("de", "[Thiem|person] entgegnete: „Ich habe das so nie gesagt und werde es nie sagen.“", "Thiem"),
    ],
)
def test_more_verbs_of_speech_name_the_speaker(language: str, markup: str, speaker: str) -> None:
    assert [who for _, who, _ in quotes(markup, language=language)] == [speaker]


@pytest.mark.parametrize(
    ("language", "markup", "speaker", "cue"),
    [
        # A title between the quote and the name: "Mr", "Frau" are no words of the gap.
        (
            "en",
            '"I had to find a way of reading them myself," Mr [Wong|person] told the [BBC|organization].',
            "Wong",
            "after",
        ),
        ("de", "„Wir haben das nie gewollt“, so Frau [Meier|person] am Montag.", "Meier", "after"),
        # A pronoun subject right after the quote: the name after "told" is whom it was said to.
        (
            "en",
            '[George Lucas|person] spoke on Sunday. "I would not take a six-year-old to this," he told the '
            "[CBS|organization] programme.",
            "George Lucas",
            "pronoun",
        ),
        # A pronoun subject of the verb of saying, after an organization named in a clause before it.
        (
            "en",
            "The [BBC|organization] screened the musical. [Jerry Springer|person] was asked. Asked whether the "
            '[BBC|organization] should have screened it he said: "I do not know if they should have had it on '
            'television."',
            "Jerry Springer",
            "pronoun",
        ),
        # A pronoun opening the sentence, the verb of saying coordinated right before the quote.
        (
            "en",
            "[George Michael|person] released a film. He hinted at discontent with the industry, and said: "
            '"I do not think there is anyone in pop I want to spar with."',
            "George Michael",
            "pronoun",
        ),
        (
            "en",
            'However, [Linford Christie|person] countered: "It is easy to criticise when you have not tried."',
            "Linford Christie",
            "before",
        ),
        # A pronoun opening the sentence, any verb and a colon: the subject's words.
        (
            "en",
            '[Jamie Foxx|person] thanked his family. He also praised the film director: "Thank you for '
            'taking a chance with an African-American film."',
            "Jamie Foxx",
            "pronoun",
        ),
        # ... not what the subject read out.
        (
            "en",
            '[Tony Blair|person] spoke at length. He read from the letter: "We will never give up on this land."',
            None,
            "none",
        ),
        # "he" as the subject of the verb of saying is the person named before it, not a party named between.
        (
            "en",
            "Cardinal [O'Connor|person] claimed the [Labour Party|organization] had taken Catholics for granted, but he "
            'said: "We are not going to suggest people support one particular party."',
            "O'Connor",
            "before",
        ),
    ],
)
def test_speakers_by_the_grammar_of_the_cue(language: str, markup: str, speaker: str, cue: str) -> None:
    assert [(who, c) for _, who, c in quotes(markup, language=language)] == [(speaker, cue)]


@pytest.mark.parametrize(
    ("markup", "speaker", "cue"),
    [
        # An apposition between the name and the verb.
        (
            '"Ireland ticks all the boxes," [Roy Asher|person], chief investment officer of [Hibernian|organization], '
            "told [Reuters|organization].",
            "Roy Asher",
            "after",
        ),
        (
            '"It is a growth that will remain fragile," [Emmanuel Ferry|person], from [Exane BNP Paribas|organization] '
            "told [Reuters|organization].",
            "Emmanuel Ferry",
            "after",
        ),
        # A quote closing on its own question mark: its cue is the next "sentence".
        (
            '[Andy Robinson|person] spoke after the game.\n\n"We played very good rugby and what have they done?" he '
            "said.",
            "Andy Robinson",
            "pronoun",
        ),
        # A description the article also gives the person, or an age, as the subject.
        (
            "TV presenter [Cat Deeley|person] resigned. [Deeley|person] said so. "
            '"I have had a great few years and met wonderful people," the presenter said.',
            "Cat Deeley",
            "description",
        ),
        (
            "[James McIlroy|person] set a personal best. "
            '"I am qualified now and that is what matters most," said the 28-year-old.',
            "James McIlroy",
            "description",
        ),
        # A description that names no role, only a person, with a body modifying its noun; not one whose
        # noun is a name.
        (
            "[Jamie Costin|person] should be paralysed. He recalls the crash. "
            '"I was in a lot of pain," says the [Waterford|organization] man.',
            "Jamie Costin",
            "description",
        ),
        # ... and a body elsewhere in the sentence does not stop it.
        (
            "[Tama Umaga|person] spoke. The 31-year-old admitted interest in the [Lions|organization] tour was"
            ' immense, calling it "the biggest thing to hit New Zealand since Lord of the Rings".',
            "Tama Umaga",
            "description",
        ),
        (
            "[Qwest|organization] chairman [Richard Notebaert|person] sent a letter. "
            '"We do intend to submit a modified offer," the letter from [Qwest|organization] said.',
            None,
            "none",
        ),
        # A longer description whose last words are the name, then the verb; not a name after "of".
        (
            '"The days of flying being a symbol of only the rich are over," the minister for civil aviation '
            "[Praful Patel|person] said earlier.",
            "Praful Patel",
            "after",
        ),
        (
            '"We need a good and feasible plan for it," [National Bureau of Statistics|organization] chief '
            "[Li Deshui|person] told [Reuters|organization].",
            "Li Deshui",
            "after",
        ),
        (
            '"He was always the first to arrive and the last to go," a friend of [Tom Jones|person] said.',
            None,
            "none",
        ),
        # Words a newspaper printed are the person's, not the newspaper's.
        (
            "[John Houston|person] stood. Mr [Houston|person] was quoted in the [Herald|organization] newspaper "
            'saying: "I feel the party have over-reacted and overshot the runway."',
            "John Houston",
            "before",
        ),
        # A sentence whose subject is a pronoun names others than its subject: the chain goes back.
        (
            "[Mark Croucher|person] spoke for the party. He said the views would not have been matched to "
            '[John Houston|person] then. He told [BBC News|organization]: "He appears to have said these things."',
            "Mark Croucher",
            "pronoun",
        ),
    ],
)
def test_speakers_after_appositions_and_descriptions(markup: str, speaker: str, cue: str) -> None:
    assert [(who, c) for _, who, c in quotes(markup, language="en")] == [(speaker, cue)]


def test_a_description_the_article_gives_someone_else_names_no_speaker() -> None:
    """ "The top seed" after a sentence about Federer: only "seventh seed Feliciano Lopez" was called a seed."""
    result = quotes(
        "[Roger Federer|person] beat seventh seed [Feliciano Lopez|person]. [Federer|person] was happy with his "
        'form. "I think I played better than last week and I am happy I am playing so well," said the top seed.',
        language="en",
    )
    assert [(who, c) for _, who, c in result] == [(None, "none")]


@pytest.mark.parametrize(
    "markup",
    [
        # A subject the model did not name, then the verb: the name after the verb heard the words.
        '"He would be perfect for the job," Souness told [BBC Sport|organization].',
        '"We do not comment on rumours," The company told [Reuters|organization].',
        # A pronoun subject with no person before it: the name after its verb is whom it was told.
        'He told [BBC Sport|organization]: "I am not sure if I want to stay or not at this club."',
    ],
)
def test_whom_the_words_were_said_to_is_no_speaker(markup: str) -> None:
    assert [(who, cue) for _, who, cue in quotes(markup, language="en")] == [(None, "none")]


@pytest.mark.parametrize(
    ("markup", "speaker"),
    [
        # The sentence before reports someone's words: the pronoun is whoever stands by its verb of saying.
        (
            "At a news conference after talks with Mr [Blair|person], Mr [Abbas|person] said the prime minister "
            'was in a unique position. He added: "Your endeavour to hold a conference in London is welcome."',
            "Abbas",
        ),
        (
            "[Mr Brown|person]'s rebate was £300 less than the Tory offer, [Mr Howard|person] said. People face a "
            'choice, he said. "That is the battleground of this election and I say bring it on," he concluded.',
            "Mr Howard",
        ),
        # ... and no one, when a description stands there: not the first person the sentence names.
        (
            "[Mr Brown|person] liked to rattle off magical balances, the Tory leader said. "
            '"This dodgy government is now publishing a dodgy Budget," he said.',
            None,
        ),
        # More verbs of saying.
        ('"There will be no singing and dancing in this show," assured [Mr Wallace|person].', "Mr Wallace"),
    ],
)
def test_a_pronoun_refers_to_whoever_the_sentence_before_says_is_speaking(markup: str, speaker: str | None) -> None:
    assert [who for _, who, _ in quotes(markup, language="en")][-1] == speaker


def test_a_description_and_a_name_then_a_colon_give_the_speaker() -> None:
    """Match reports give the managers' words so ("Manchester United boss Sir Alex Ferguson: …"); a name
    after a preposition or a verb is not the speaker ("It went to Alex Ferguson: …")."""
    assert quotes(
        'Manchester United boss Sir [Alex Ferguson|person]: "It was not our best performance of the season."',
        language="en",
    ) == [("It was not our best performance of the season.", "Alex Ferguson", "before")]
    assert (
        quotes(
            'The final word of the night went to [Alex Ferguson|person]: "It was not our best performance of the'
            ' season."',
            language="en",
        )[0][1]
        is None
    )


def test_the_hearer_after_told_is_no_description_of_the_speaker() -> None:
    """ "…, Andrew Burke, chief of the unit told the IPTV World Forum. "…," he said": the forum heard the
    words; the pronoun is Burke's (a definite description after "said" would be who spoke)."""
    markup = (
        "BT is moving to a new strategy, [Andrew Burke|person], chief of the new unit told the IPTV World Forum."
        ' "We want to be an entertainment facilitator," he said on the opening day.'
    )
    assert quotes(markup, language="en")[0][1:] == ("Andrew Burke", "pronoun")


@pytest.mark.parametrize(
    "markup",
    [
        '"He would be the outstanding candidate," [Ferguson|person] said. The Man Utd boss continued: "I do not'
        ' know what credentials are needed to do the job."',
        # The club inside the description is not the speaker.
        '"He would be the outstanding candidate," [Ferguson|person] said. The [Chelsea|organization] boss'
        ' continued: "I do not know what credentials are needed to do the job."',
    ],
)
def test_a_description_that_goes_on_continues_the_previous_speakers_words(markup: str) -> None:
    assert [who for _, who, _ in quotes(markup, language="en")] == ["Ferguson", "Ferguson"]


@pytest.mark.parametrize(
    ("language", "markup", "speaker"),
    [
        (
            "en",
            "Director [Anurag Kashyap|person] said the film's release should not be delayed as the book has been on"
            ' sale for two years. "If you have not gone against the book, then how can you go against the movie?"',
            "Anurag Kashyap",
        ),
        (
            "de",
            "[Christine Lagarde|person] sagte, die Inflation werde im Herbst sinken. „Wir sehen erste Zeichen der"
            " Entspannung an den Märkten.“",
            "Christine Lagarde",
        ),
        # Not when a description is who the sentence reports, nor when its person is no speaker at all.
        (
            "en",
            "[Mr Brown|person] liked to rattle off magical balances, the Tory leader said."
            ' "This dodgy government is now publishing a dodgy Budget."',
            None,
        ),
        (
            "en",
            '[Roger Federer|person] won the final in straight sets. "It was a great week for all of us here."',
            None,
        ),
        # The speaker's apposition between the name and the verb of saying; not a list's item or a
        # coordination after a name.
        (
            "en",
            "[Gary Dunn|person], development director at [Codemasters|organization], said the company was ready."
            ' "We are working on new libraries of effects for the next consoles."',
            "Gary Dunn",
        ),
        (
            "en",
            "The alliance, which includes the [Alzheimer's Society|organization], [Age Concern|person], Mencap and"
            ' the National Autistic Society, said the bill was misunderstood. "It will not change the current law'
            ' on euthanasia at all."',
            None,
        ),
        (
            "en",
            "The band worked with [New Order|person], as well as the Happy Mondays, said the label's statement."
            ' "This is much more than the music they made together."',
            None,
        ),
        # A pronoun or an age as the reporting sentence's subject: the person the sentences before are about.
        (
            "en",
            "[Kostas Kenteris|person] blamed his coach. The 31-year-old insisted he will be happy if he is charged."
            ' "If a decision is taken to have charges filed against me, I will accept it gladly."',
            "Kostas Kenteris",
        ),
        (
            "en",
            "[Germaine Greer|person] left the show. She also said that her housemates had agendas."
            ' "I had no idea who would be in here and it is wrong for me to stay."',
            "Germaine Greer",
        ),
        (
            "de",
            "[Christine Lagarde|person] kam nach Wien. Die 58-Jährige sagte, die Inflation sinke."
            " „Wir sehen erste Zeichen der Entspannung an den Märkten.“",
            "Christine Lagarde",
        ),
        # Not a pronoun that is no reporting sentence's subject.
        (
            "en",
            '[Germaine Greer|person] left the show. Then she went home. "I had no idea who would be in here."',
            None,
        ),
    ],
)
def test_a_quote_right_after_reported_speech_is_the_reported_speakers(
    language: str, markup: str, speaker: str | None
) -> None:
    """News paraphrases a speaker, then quotes them: a quote with no cue of its own that opens the sentence
    right after one reporting a named person's words is that person's."""
    assert [(who, cue) for _, who, cue in quotes(markup, language=language)] == [
        (speaker, "reported" if speaker else "none")
    ]


@pytest.mark.parametrize(
    ("markup", "speaker"),
    [
        (
            "In a statement from [Lycos Europe|organization], the company denied that this was its fault."
            ' "There is nothing to suggest that the campaign has brought down any of the sites," it said.',
            "Lycos Europe",
        ),
        (
            "[Three Gorges Project Corp|organization] could now face a fine."
            ' "The corporation has all along abided by the law and has built its projects," the company said.',
            "Three Gorges Project Corp",
        ),
        # Another company in that sentence, even one the model took for a place or missed: no one.
        (
            "[Microsoft|organization] is seeking damages from [OptInRealBig|place]. The company said it:"
            ' "could not continue to contend with legal manoeuvres and still run a viable business."',
            None,
        ),
        (
            "[Microsoft|organization] is seeking damages from OptInRealBig under anti-spam laws."
            ' "We could not continue to contend with legal manoeuvres," the company said.',
            None,
        ),
        # The sentence before names no organisation, only a person: "the company" is the one the story is
        # about, named more than twice as often as any other; not "it", which may be a report or a study too.
        (
            "[Renault|organization] sold more cars. [Renault|organization] also cut costs at [Nissan|organization]."
            " [Renault|organization] will launch a new model. Analyst [Ian Gill|person] expects lower margins."
            ' "In a sluggish market, we intend to grow," the company said in a statement.',
            "Renault",
        ),
        (
            "[Renault|organization] sold more cars. [Renault|organization] also cut costs at [Nissan|organization]."
            " [Renault|organization] will launch a new model. Analyst [Ian Gill|person] expects lower margins."
            ' "In a sluggish market, we intend to grow," it said in a statement.',
            None,
        ),
        (
            "[Renault|organization] sold more cars. [Nissan|organization] also cut costs at [Renault|organization]."
            " Analyst [Ian Gill|person] expects lower margins."
            ' "In a sluggish market, we intend to grow," the company said in a statement.',
            None,
        ),
    ],
)
def test_an_organisation_as_the_subject_speaks_for_the_one_named_before(markup: str, speaker: str | None) -> None:
    """English "it said", "the company said": the organisation the sentence before names, when nothing else
    there may be a company; "the company said" after sentences that name none: the story's main one."""
    assert [who for _, who, _ in quotes(markup, language="en")] == [speaker]


@pytest.mark.parametrize(
    ("markup", "speakers"),
    [
        # A body's name before a noun for one of its people names which star, not who speaks.
        (
            '[Robbie Keane|person] scored. "It was great play," said the [Tottenham|organization] striker.',
            [None],
        ),
        # Its spokesman speaks for it (rule 7).
        (
            '[Vodafone|organization] will appeal. "We will need time," said a [Vodafone|organization] spokesman.',
            ["Vodafone"],
        ),
        # A described speaker after someone else's words is not the previous speaker going on...
        (
            '"I am happy with the way I played today," said [Roger Federer|person]. [Andre Agassi|person] was delighted with his win.'
            ' "I felt pretty good," said the American.',
            ["Roger Federer", None],
        ),
        # ... but is where the sentences before are about the previous speaker, and a body's words go on
        # under a description of it.
        (
            '"We are worse than we were last year," said [Arsene Wenger|person]. Later [Wenger|person] spoke again.'
            ' "I have no relations with him," the Arsenal boss said.',
            ["Arsene Wenger", "Arsene Wenger"],
        ),
        (
            '"Details are hard to assess," the [IMF|organization] said. "The fishing industry is devastated," the'
            " fund said.",
            ["IMF", "IMF"],
        ),
    ],
)
def test_a_described_speaker_is_not_the_body_in_the_description_nor_the_last_speaker(
    markup: str, speakers: list[str | None]
) -> None:
    assert [who for _, who, _ in quotes(markup, language="en")] == speakers


@pytest.mark.parametrize(
    ("markup", "speakers"),
    [
        # A quote interrupted by its cue goes on in the cue's speaker's words, not those of a name inside the quote.
        (
            '"I fully welcome the words of Mr [Snow|person]," said [Joaquin Almunia|person], "but we will need to see'
            ' decisions adopted in that direction."',
            ["Joaquin Almunia", "Joaquin Almunia"],
        ),
        # A pronoun refers to the sentences' subject, not to someone its words speak of.
        (
            '[Ricky Gervais|person] was asked about a remake. "I have been linked with a remake of 10, taking [Dudley'
            ' Moore|person]\'s part. I have not been approached." He said the jokes "would sail pretty close to the'
            ' bone".',
            ["Ricky Gervais", "Ricky Gervais"],
        ),
    ],
)
def test_a_name_inside_a_quotation_is_no_speaker(markup: str, speakers: list[str]) -> None:
    assert [who for _, who, _ in quotes(markup, language="en")] == speakers


@pytest.mark.parametrize(
    ("quote", "after", "is_cue"),
    [
        # A quote closing on its own "?" is a sentence of its own; the short sentence after it is its cue.
        ('"How can you be happy when you see your face on the cover page?"', "Dechy said.", True),
        # ... not narration that reports more of someone's words,
        (
            '"It is up to her to explain why it is there."',
            "Kuznetsova says the stimulant was in a remedy she took.",
            False,
        ),
        # ... nor a sentence that introduces the next quote.
        ('"We have tested the candidates well."', 'Collins said: "It is a great honour."', False),
    ],
)
def test_a_short_sentence_after_a_quote_is_its_cue(quote: str, after: str, is_cue: bool) -> None:
    from generator.model import Sentence
    from generator.resolution.quotes import SPEECH_VERBS, _cue_end

    text = f"{quote} {after}"
    cut = text.rindex(after)
    last, following = Sentence(0, 0, 0, cut - 1), Sentence(1, 0, cut, len(text))
    assert (_cue_end(text, last, following, set(SPEECH_VERBS["en"])) == len(text)) is is_cue
    assert _cue_end(text, last, following) == cut - 1  # no verbs known: no cue sentence


def test_a_person_an_apposition_governs_is_no_subject_between_name_and_verb() -> None:
    """ "Andrei Illarionov - then economic adviser to President Vladimir Putin - told": the apposition runs
    between dashes, and the person a preposition governs inside it does not speak."""
    markup = (
        '"We used to see street hustlers do this kind of thing," [Andrei Illarionov|person] - then economic'
        " adviser to President [Vladimir Putin|person] - told a press conference."
    )
    assert [(who, cue) for _, who, cue in quotes(markup, language="en")] == [("Andrei Illarionov", "after")]


@pytest.mark.parametrize(
    ("markup", "speaker"),
    [
        # The one body the article introduced by that very noun.
        (
            "[Sony|organization] and copy protection firm [Macrovision|organization] agreed. [Sony|organization]"
            ' smiled. "RipGuard is designed to reduce DVD ripping and copying," said the firm.',
            "Macrovision",
        ),
        # Else the body the article names most, at least twice and more than twice as often as any other.
        (
            "[EMI|organization] shares fell. [EMI|organization] said albums by [Coldplay|organization] were late,"
            " and [EMI|organization] cut its forecast."
            ' "Sales in January have also been lower than anticipated," the company added.',
            "EMI",
        ),
        # Two bodies as often: no one; nor for a plural ("the companies said").
        (
            "[Biogen|organization] and [Elan|organization] halted sales. [Biogen|organization] and"
            ' [Elan|organization] fell. "We will work with clinical investigators on this," the companies said.',
            None,
        ),
    ],
)
def test_a_body_described_by_its_class_noun_is_the_one_the_article_means(markup: str, speaker: str | None) -> None:
    assert [who for _, who, _ in quotes(markup, language="en")] == [speaker]


def test_a_quote_whose_own_cue_names_a_body_is_no_lead_in_to_the_next_speakers() -> None:
    """'"…," said the group in a statement. "…," said a Google spokesperson.': the group spoke first, not
    Google; a quote with no cue still takes the next quote's speaker."""
    result = quotes(
        "[Google|organization] and [Google|organization] and [Sina|organization] and [Sohu|organization] grew."
        "\n\n"
        '"China is censoring the news site to force users elsewhere," said the group in a statement. "It'
        ' appears that many users in China are having difficulty," said [Jon Smith|person].'
        "\n\n"
        'The winger was back. "I actually started training three weeks after my operation." "Now it is basically'
        ' bring it on," said [Jonah Lomu|person].',
        language="en",
    )
    assert [(text[:9], who) for text, who, _ in result] == [
        ("China is ", None),
        ("It appear", "Jon Smith"),
        ("I actuall", "Jonah Lomu"),
        ("Now it is", "Jonah Lomu"),
    ]


def test_a_name_in_a_genitive_after_a_preposition_is_no_antecedent_of_the_next_pronoun() -> None:
    """ "… a comeback capped by Gerrard's drive. He added: …": Gerrard is no subject there; the pronoun is the
    person the sentence before is about (Benitez); a genitive that is the subject still counts."""
    result = quotes(
        "[Rafael Benitez|person] hailed [Steven Gerrard|person] for his strike. The Reds won with a comeback"
        ' capped by [Gerrard|person]\'s drive. He added: "Steven can play all over the pitch."',
        language="en",
    )
    assert result == [("Steven can play all over the pitch.", "Rafael Benitez", "pronoun")]
    result = quotes(
        "[Rafael Benitez|person] hailed the fans. [Gerrard|person]'s drive won it. He added:"
        ' "I have never scored a better goal."',
        language="en",
    )
    assert result[0][1] == "Gerrard"
