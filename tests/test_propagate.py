"""Corpus-level refinement: trimming over-long spans and finding confident names everywhere."""

from __future__ import annotations

from generator.extraction.propagate import refine

from .helpers import corpus, make


def mentions(*items, curated=None, nouns=None):
    articles, extractions = corpus(*items)
    out = refine(articles, extractions, curated=curated, nouns=nouns)
    return {a: sorted((m.text, m.label, m.source) for m in ex.mentions) for a, ex in out.items()}


def test_genitive_name_is_cut_out_of_a_noun_phrase() -> None:
    result = mentions(
        make(
            "a",
            "[Russland|place] und [Russland|place|geonames:2017370]. Die [Isolation Russlands|organization] wächst.",
        ),
    )
    assert ("Russlands", "place", "propagated") in result["a"]
    assert all(text != "Isolation Russlands" for text, _, _ in result["a"])


def test_english_possessive_splits_into_two_names() -> None:
    result = mentions(
        make(
            "e",
            "[Seoul|place|geonames:1835848] is big. An expert at [Seoul’s Kookmin University|organization] said.",
            language="en",
        )
    )
    assert ("Seoul’s", "place", "propagated") in result["e"]
    assert ("Kookmin University", "organization", "propagated") in result["e"]


def test_german_von_genitive_splits_into_two_names() -> None:
    result = mentions(
        make(
            "en",
            "A fellow at [Chatham House|organization] said so. [Chatham House|organization] agreed.",
            language="en",
        ),
        make("de", "Er arbeitet beim [Russia & Eurasia Programme von Chatham House|organization] in London."),
        make("de2", "Sie sprach mit [Ursula von der Leyen|person] und [Bank von Japan|organization]."),
        make("de3", "Das [Institut für Russische Studien von Kookmin University|organization] lud ein."),
    )
    assert ("Chatham House", "organization", "propagated") in result["de"]
    assert ("Russia & Eurasia Programme", "organization", "propagated") in result["de"]
    # Two names of two words or more around "von" are two, also when neither is known elsewhere;
    # a person's "von" and one-word sides stay one name.
    assert ("Ursula von der Leyen", "person", "model") in result["de2"]
    assert ("Bank von Japan", "organization", "model") in result["de2"]
    assert ("Institut für Russische Studien", "organization", "propagated") in result["de3"]
    assert ("Kookmin University", "organization", "propagated") in result["de3"]


def test_trailing_german_noun_is_dropped_but_first_names_stay() -> None:
    result = mentions(
        make("a", "[Kim Jong Un|person] reist. [Kim Jong Un|person] fährt. Er schrieb [Kim Jong Un Briefe|person]."),
        make("b", "[Kirby|person] sprach. [Kirby|person] schwieg. So [John Kirby|person]."),
    )
    assert ("Kim Jong Un", "person", "propagated") in result["a"]
    assert ("John Kirby", "person", "model") in result["b"]


def test_a_surname_after_a_given_name_of_the_corpus_is_no_trailing_noun(common_nouns) -> None:
    """ "Walter" is a name of the corpus, yet "Walter Reuter" is one person, not "Walter" and a noun; a word
    the lexicon does not know as a noun ("Union Investment") stays too, while "Briefe" after a name goes."""
    articles, extractions = corpus(
        make("a", "[Walter|person] lachte. [Walter|person] ging. Die Bilder stammen von [Walter Reuter|person]."),
        make(
            "b",
            "Die [Union|organization] regiert. Die [Union|organization] streitet. Auch [Union Investment|organization].",
        ),
        make("c", "[Kim Jong Un|person] reist. [Kim Jong Un|person] fährt. Er schrieb [Kim Jong Un Briefe|person]."),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    texts = {art: [m.text for m in ex.mentions] for art, ex in out.items()}
    assert "Walter Reuter" in texts["a"]
    assert "Union Investment" in texts["b"]
    assert "Kim Jong Un Briefe" not in texts["c"] and "Kim Jong Un" in texts["c"]


def test_surnames_and_other_spellings_are_found_everywhere() -> None:
    result = mentions(
        make("en", "[Sergei Shoigu|person] visited Pyongyang.", language="en"),
        make("de", "Der Minister Sergej Schoigu reiste. Auch Schoigu schwieg. Präsident Schoigu lachte."),
    )
    found = [t for t, _, s in result["de"] if s == "propagated"]
    assert found == ["Schoigu", "Schoigu", "Sergej Schoigu"]


def test_compounds_global_names_and_role_words() -> None:
    result = mentions(
        make("a", "[Putin|person] sprach. [Putin|person] schwieg. [Times|organization] und [Times|organization]."),
        make("b", "Die Putin-Regierung schwieg. Die Global Times schrieb. Kremlchef Putin lachte."),
        curated={"Kreml": ("organization", "kremlin")},
    )
    found = [(t, s) for t, _, s in result["b"]]
    assert ("Putin", "propagated") in found  # after a role word
    assert all(t != "Times" for t, _ in found)  # part of "Global Times"
    assert all("Regierung" not in t for t, _ in found)


def test_role_compound_names_the_institution() -> None:
    result = mentions(make("a", "Der Kreml-Sprecher schwieg."), curated={"Kreml": ("organization", "kremlin")})
    assert result["a"] == [("Kreml", "organization", "propagated")]


def test_an_acronym_before_a_noun_for_a_person_is_a_mention_of_the_corpus_name(common_nouns) -> None:
    """ "ÖGB-Sekretär", "SPÖ-Chefin", "US-Kultregisseur": an acronym the corpus names, before a role word or a
    noun German forms a feminine of (Movierung), is a mention of it; not before a thing ("SPÖ-Zentrale",
    "PIN-Codes": "Codein" is codeine, no feminine). An acronym the corpus never names is an organisation's
    only before an office only a body has, with three capitals or more ("WKÖ-Chef"; not "IT-Chef", nor
    "EDV-Experte", whom a field has too)."""
    articles, extractions = corpus(
        make("a", "Die [SPÖ|organization] tagt. Die [SPÖ|organization] wählt. [US|place] und [US|place]."),
        make(
            "b",
            "Der SPÖ-Sekretär und die SPÖ-Chefinnen schwiegen, der US-Kultregisseur auch. In der SPÖ-Zentrale"
            " fehlten PIN-Codes. Der WKÖ-Chef sprach, der IT-Chef und der EDV-Experte nicht, laut des"
            " ÖGB-Sekretärs.",
        ),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert sorted((m.text, m.label) for m in out["b"].mentions) == [
        ("SPÖ", "organization"),
        ("SPÖ", "organization"),
        ("US", "place"),
        ("WKÖ", "organization"),
        ("ÖGB", "organization"),
    ]


def test_a_name_before_an_office_only_a_body_has_is_a_mention(common_nouns) -> None:
    """ "Uniko-Präsident", "Air-France-Chef": a name before an office only a body has is an organisation's
    mention, though the corpus never names it; a place's where the corpus names it as one ("Österreich-Chef").
    Not a German common noun ("Team-Chef", "Verbands-Präsident", "Frauen-Vorsitzende"), not a prefix
    ("Ex-Chef", "Langzeit-Landeschef"), not before a person who is no office ("Apple-Fan")."""
    articles, extractions = corpus(
        make("a", "In [Österreich|place] und [Österreich|place] regnet es."),
        make(
            "b",
            "Der Uniko-Präsident sprach mit dem Air-France-Chef und dem Österreich-Chef. Der Team-Chef, der"
            " Verbands-Präsident, die Frauen-Vorsitzende, der Ex-Chef, der Langzeit-Landeschef und ein Apple-Fan"
            " schwiegen.",
        ),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert sorted((m.text, m.label) for m in out["b"].mentions) == [
        ("Air-France", "organization"),
        ("Uniko", "organization"),
        ("Österreich", "place"),
    ]


def test_two_names_the_model_joined_by_and_are_two_where_the_corpus_names_each(common_nouns) -> None:
    """ "Dell and Hewlett-Packard" (one organisation to the model) is two names the corpus gives on their own,
    one of them spelt otherwise ("Hewlett Packard"); not a name whose parts the corpus does not name ("Health
    and Safety Executive"), nor one it names as a whole ("Simon and Schuster" twice). At the end of a list
    ("the gap on Chelsea, Everton and Arsenal": a name and a comma before the span) one part the corpus names
    is enough; not for "Unilever, Procter and Gamble", whose parts it does not name."""
    articles, extractions = corpus(
        make(
            "a",
            "[Dell|organization] and [Hewlett Packard|organization] grew. [Dell|organization] and [Hewlett"
            " Packard|organization] fell. [Simon|person] left [Simon and Schuster|organization]. [Simon|person]"
            " and [Simon and Schuster|organization] again. The [Safety|organization] man and the [Safety|organization]"
            " woman.",
            language="en",
        ),
        make(
            "b",
            "Firms such as [Dell and Hewlett-Packard|organization] fight the [Health and Safety"
            " Executive|organization] and [Simon and Schuster|organization].",
            language="en",
        ),
        make(
            "c",
            "The gap on [Chelsea|organization], [Everton and Arsenal|organization] grew. [Arsenal|organization] won;"
            " [Arsenal|organization] lead. Then [Unilever|organization], [Procter and Gamble|organization] fell.",
            language="en",
        ),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [m.text for m in out["b"].mentions] == [
        "Dell",
        "Hewlett-Packard",
        "Health and Safety Executive",
        "Simon and Schuster",
    ]
    assert [m.text for m in out["c"].mentions] == [
        "Chelsea",
        "Everton",
        "Arsenal",
        "Arsenal",
        "Arsenal",
        "Unilever",
        "Procter and Gamble",
    ]


def test_an_english_span_over_a_clause_word_is_its_pieces_the_corpus_names(common_nouns) -> None:
    """ "Southampton when Arsenal", "Chaplin Collection beat Oasis": the model ran two names and the words
    between them into one span; the pieces the corpus names on their own stay, the rest goes. Names that
    hold lower-case words of their own ("Dogs without Borders", "Parc des Sports") stay whole."""
    articles, extractions = corpus(
        make(
            "a",
            "[Southampton|organization] lost. [Arsenal|organization] won. [Oasis|organization] sang."
            " [Southampton|organization], [Arsenal|organization] and [Oasis|organization] again.",
            language="en",
        ),
        make(
            "b",
            "It beat [Southampton when Arsenal|organization] did. The [Chaplin Collection beat Oasis|organization]"
            " and [Dogs without Borders|organization] at the [Parc des Sports|place].",
            language="en",
        ),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [(m.text, m.source) for m in out["b"].mentions] == [
        ("Southampton", "list"),
        ("Arsenal", "list"),
        ("Oasis", "list"),
        ("Dogs without Borders", "model"),
        ("Parc des Sports", "model"),
    ]


def test_a_name_after_a_saints_title_is_a_place_with_it(common_nouns) -> None:
    """ "St. Johann im Pongau", "St Ives": the model read the person "Johann"; the title and, in German, the
    region that continues the name go in, and it is a place. Not an ordinary word after "im"."""
    articles, extractions = corpus(
        make("d", "Das Festival in St. [Johann|person] im Pongau beginnt. In St. [Anton|person] im Winter."),
        make("e", "He lives in St [Ives|person], Cornwall.", language="en"),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [(m.text, m.label) for m in out["d"].mentions] == [
        ("St. Johann im Pongau", "place"),
        ("St. Anton", "place"),
    ]
    assert [(m.text, m.label) for m in out["e"].mentions] == [("St Ives", "place")]


def test_a_capitalised_item_between_two_names_of_one_list_is_a_name_of_their_label(common_nouns) -> None:
    """ "Netflix, Hulu oder Amazon": the model passed over Hulu; not an ordinary noun ("Banken"), not a
    word cut short ("Nord-"), and not between names of two labels."""
    articles, extractions = corpus(
        make(
            "d",
            "Dienste wie [Netflix|organization], Hulu oder [Amazon|organization] wachsen. [Allianz|organization],"
            " Banken und [Generali|organization] zahlen. In [Nordamerika|place], Nord- und [Europa|place]."
            " [Siemens|organization], Hulu und [Wien|place].",
        )
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [(m.text, m.label, m.source) for m in out["d"].mentions if m.source == "list"] == [
        ("Hulu", "organization", "list")
    ]


def test_a_newspaper_after_a_towns_name_is_the_papers_name(common_nouns) -> None:
    """ "die Washington Post": the town is confident elsewhere, and "Post" a German noun, but the head makes
    the whole a newspaper's name: not cut to the town's, and the town's name the model cut short of it
    takes it in."""
    articles, extractions = corpus(
        make("a", "[Washington|place] und [Washington|place] schweigen."),
        make("b", "Das berichtet die [Washington Post|organization]. Auch die [Washington|place] Post schrieb."),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [(m.text, m.label) for m in out["b"].mentions] == [
        ("Washington Post", "organization"),
        ("Washington Post", "organization"),
    ]


def test_memo_gives_the_same_result_and_searches_only_what_changed() -> None:
    from generator.extraction.propagate import Memo

    base = [
        make("a", "[Sergej Schoigu|person] reiste nach [Pjöngjang|place]. Schoigu sprach dort."),
        make("b", "Schoigu traf Kim Jong Un. Später schwieg Schoigu."),
        make("c", "Die Lage am Amur bleibt ruhig. Niemand sprach."),
        make("d", "Kim Jong Un reiste ab."),
    ]
    edited = [
        *base[:3],
        # A name the corpus did not know: "Kim Jong Un" becomes findable, in d and elsewhere.
        make("d", "[Kim Jong Un|person] reiste ab. [Kim Jong Un|person] kam zurück."),
    ]

    def run(items, memo=None):
        articles, extractions = corpus(*items)
        return refine(articles, extractions, memo=memo)

    memo = Memo()
    assert run(base, memo) == run(base) and memo.searched == 4
    again = Memo(old=memo.new)
    assert run(base, again) == run(base) and again.searched == 0, "nothing changed: nothing searched"
    after = Memo(old=memo.new)
    assert run(edited, after) == run(edited)
    assert after.searched == 2, "d changed, and b spells the new name; a and c are reused"
    assert any(m.text == "Kim Jong Un" for m in run(edited)["b"].mentions)


def test_an_institution_named_by_its_seat_is_one_organisation() -> None:
    result = mentions(
        make(
            "de",
            "Das Landesgericht [Linz|place] und die Staatsanwaltschaft [Schwerin|place] ermitteln in [Wien|place].",
        ),
        make("en", "The court in [Linz|place] met.", language="en"),
    )
    assert ("Landesgericht Linz", "organization", "model") in result["de"]
    assert ("Staatsanwaltschaft Schwerin", "organization", "model") in result["de"]
    assert ("Wien", "place", "model") in result["de"]  # "in" names no institution
    assert ("Linz", "place", "model") in result["en"]  # a German naming pattern only


def test_a_role_glued_to_the_front_of_a_name_is_cut_off(common_nouns) -> None:
    """By the lexicons (German nouns; English words written mostly in lower case), never below two words."""
    articles, extractions = corpus(
        make("en1", "[Keeper Tony Bullock|person] agreed. [George Frideric Handel|person] wrote.", language="en"),
        make("de1", "[Konteradmiralin Mary Landry|person] sprach mit [Kang Sun Nam|person].", language="de"),
        make("de2", "Der [Aufsteiger Kaymer|person] siegte. [Steven J. Fowler|person] schrieb.", language="de"),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    found = sorted(m.text for ex in out.values() for m in ex.mentions)
    # "Steven" is a German noun (a ship's stem) but English writes it as a given name: it stays.
    assert found == [
        "Aufsteiger Kaymer",  # two words: without a name dictionary "Aufsteiger" could be a given name
        "George Frideric Handel",
        "Kang Sun Nam",
        "Mary Landry",
        "Steven J. Fowler",
        "Tony Bullock",
    ]
    bullock = next(m for m in out["en1"].mentions if m.text == "Tony Bullock")
    assert articles[0].text[bullock.start : bullock.end] == "Tony Bullock"


def test_a_german_word_written_in_lower_case_that_opens_the_sentence_is_cut_off_a_name(common_nouns) -> None:
    """ "Sowohl Merkel als auch ...", "Verliert Strache ...": a conjunction or a verb German writes in lower
    case, capitalised by the sentence; not inside a sentence, nor in English, which writes nouns in lower
    case too ("Labour MPs", "Jailhouse Rock")."""
    articles, extractions = corpus(
        make("de1", "Gut. [Sowohl Merkel|person] als auch Valls schwiegen. [Verliert Strache|person] die Wahl?"),
        make("en1", "Fine. [Jailhouse Rock|organization] is number one.", language="en"),
    )
    names = {"merkel", "strache"}
    out = refine(articles, extractions, nouns=common_nouns, person_names=lambda w: w.casefold() in names)
    assert sorted(m.text for m in out["de1"].mentions) == ["Merkel", "Strache"]
    assert [m.text for m in out["en1"].mentions] == ["Jailhouse Rock"]


def test_an_ordinary_noun_after_a_german_name_of_three_words_is_cut_off(common_nouns) -> None:
    """German puts the object right after a name ("verteilten ... Rob Morgan Ansteckabzeichen"): a noun no one
    bears as a name is cut off, never below two words, and never a surname that is a noun too ("Fischer")."""
    articles, extractions = corpus(
        make(
            "de1",
            "Die Piloten [Dan Barina|person] und [Rob Morgan Ansteckabzeichen|person] verteilten. "
            "[Hans Peter Fischer|person] und [Kim Jong Un Briefe|person] und [Ilse Beton|person] folgten.",
            language="de",
        ),
        make("en1", "[Rob Morgan Badges|person] arrived.", language="en"),
    )
    out = refine(articles, extractions, nouns=common_nouns, person_names=lambda w: w.casefold() == "fischer")
    found = [m.text for ex in out.values() for m in ex.mentions]
    assert found == ["Dan Barina", "Rob Morgan", "Hans Peter Fischer", "Kim Jong Un", "Ilse Beton", "Rob Morgan Badges"]
    text = articles[0].text
    assert all(text[m.start : m.end] == m.text for m in out["de1"].mentions)


def test_a_role_glued_to_a_surname_is_cut_off_when_it_is_no_given_name(common_nouns) -> None:
    """Two words are cut to one only when the name dictionary does not know the first ("Horst" is a noun too)."""
    articles, extractions = corpus(
        make("de1", "Der [Aufsteiger Kaymer|person] siegte vor [Horst Seehofer|person].", language="de"),
        make("de2", "Das sagte [AfD-Vize Gauland|person] dem [Regulator Boltz|person].", language="de"),
        make("en1", "[Keeper Bullock|person] saved it.", language="en"),
        # A German noun that English text only quotes ("Amerikaner": rare in English) is no given name.
        make("de3", "[Amerikaner Haller|person] stürzte, [Papst Franziskus|person] betete.", language="de"),
    )
    known = {"horst", "seehofer", "gauland", "boltz", "kaymer", "bullock", "haller", "franziskus"}
    out = refine(articles, extractions, nouns=common_nouns, person_names=lambda w: w.casefold() in known)
    found = {
        art: [(m.text, articles_text[m.start : m.end]) for m in ex.mentions]
        for art, ex in out.items()
        for articles_text in [next(a.text for a in articles if a.id == art)]
    }
    assert [t for t, _ in found["de1"]] == ["Kaymer", "Horst Seehofer"]
    assert [t for t, _ in found["de2"]] == ["Gauland", "Boltz"]
    assert [t for t, _ in found["en1"]] == ["Bullock"]
    assert [t for t, _ in found["de3"]] == ["Haller", "Franziskus"]
    assert all(text == span for pairs in found.values() for text, span in pairs)


def test_a_name_cut_short_of_its_organisation_head_noun_takes_it_in() -> None:
    found = mentions(
        make("de1", "Keir Giles vom [Russia & Eurasia|organization] Programme sprach.", language="de"),
        make("en1", "[Blackpool Hotel|place] Association said so. [Kim|person] Group left.", language="en"),
    )
    assert ("Russia & Eurasia Programme", "organization", "model") in found["de1"]
    assert ("Blackpool Hotel Association", "organization", "model") in found["en1"]
    assert ("Kim", "person", "model") in found["en1"]  # one word: no name to complete


def test_a_german_genitive_s_is_cut_off_a_persons_name() -> None:
    """ "Justin Biebers Album" names Justin Bieber: the dictionary knows "Bieber", not "Biebers"."""
    articles, extractions = corpus(
        make("de1", "Das ist [Justin Biebers|person] Album, [Bill Gates|person] Wahl.", language="de"),
        make("de2", "Die Liste von [Christiana Jankovics|person] gewann.", language="de"),
        make("en1", "[Justin Biebers|person] is a typo here.", language="en"),
    )
    known = {"justin", "bieber", "bill", "gates", "christiana", "jankovic"}
    out = refine(articles, extractions, person_names=lambda w: w.casefold() in known)
    assert [m.text for m in out["de1"].mentions] == ["Justin Bieber", "Bill Gates"]
    assert [m.text for m in out["en1"].mentions] == ["Justin Biebers"]  # English has no genitive -s
    assert [m.text for m in out["de2"].mentions] == ["Christiana Jankovics"]  # no noun after it: her name
    bieber = out["de1"].mentions[0]
    assert articles[0].text[bieber.start : bieber.end] == "Justin Bieber"
    # A surname the dictionary does not know counts when the corpus names a person by it.
    articles, extractions = corpus(
        make("de3", "Die SPÖ plant [Rudolf Hundstorfers|person] Wahlkampf."),
        make("de4", "[Hundstorfer|person] sprach. [Hundstorfer|person] lachte. [Anna Baets|person] kam."),
        make("de5", "Das ist [Kenneth De Baets|person] Album."),
    )
    out = refine(articles, extractions, person_names=lambda w: w.casefold() in known | {"rudolf", "kenneth"})
    assert [m.text for m in out["de3"].mentions] == ["Rudolf Hundstorfer"]
    assert [m.text for m in out["de5"].mentions] == ["Kenneth De Baets"], "only a confident name counts"


def test_a_genitive_inside_a_persons_name_ends_it() -> None:
    """ "Ridley Scotts Blade Runner" names Ridley Scott; a name the article gives on its own counts as known
    ("Kiesbauer"), and a genitive may stand before an adjective and its noun ("Kiesbauers neues Format")."""
    articles, extractions = corpus(
        make("de1", "Das war [Ridley Scotts Blade|person] Runner.", language="de"),
        make(
            "de2", "Wien – [Arabella Kiesbauers|person] neues Format startet. [Kiesbauer|person] lacht.", language="de"
        ),
        make("de3", "Bei [Ada Kleins|person] gehen alle.", language="de"),
    )
    known = {"ridley", "scott", "arabella", "ada", "klein"}
    out = refine(articles, extractions, person_names=lambda w: w.casefold() in known)
    assert [m.text for m in out["de1"].mentions] == ["Ridley Scott"]
    assert [m.text for m in out["de2"].mentions] == ["Arabella Kiesbauer", "Kiesbauer"]
    assert [m.text for m in out["de3"].mentions] == ["Ada Kleins"]  # a verb after it: no genitive
    scott = out["de1"].mentions[0]
    assert articles[0].text[scott.start : scott.end] == "Ridley Scott"


def test_a_description_between_two_names_leaves_the_second(common_nouns) -> None:
    articles, extractions = corpus(
        make("de1", "Im Anschluss bezwang [Nadal French-Open-Sieger Stan Wawrinka|person] glatt.", language="de"),
        make(
            "de2", "Es sprach [Heinz-Christian Strache|person] mit [Karl-Theodor zu Guttenberg|person].", language="de"
        ),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [m.text for m in out["de1"].mentions] == ["Stan Wawrinka"]
    assert [m.text for m in out["de2"].mentions] == ["Heinz-Christian Strache", "Karl-Theodor zu Guttenberg"]


def test_a_surname_with_particles_is_found_again_after_a_preposition() -> None:
    result = mentions(
        make("d1", "[Alexander Van der Bellen|person] und [Alexander Van der Bellen|person] siegten.", language="de"),
        make("d2", "Weniger Stimmen für Van der Bellen im Norden.", language="de"),
    )
    assert ("Van der Bellen", "person", "propagated") in result["d2"]
    assert all(text != "Bellen" for text, _, _ in result["d2"])


def test_a_span_run_on_into_a_persons_name_is_two_names() -> None:
    # "told the BBC Michael Howard has ...": the model's span ran past the first name's end.
    result = mentions(
        make("e1", "The [BBC|organization] and [BBC|organization] reported.", language="en"),
        make("e2", "[Michael Howard|person] spoke. [Michael Howard|person] left.", language="en"),
        make("e3", "Sources told the [BBC Michael Howard|person] has always agreed.", language="en"),
        make("d1", "Die [Apple Inc.|organization] und [Apple Inc.|organization] wachsen."),
        make("d2", "[Steve Jobs|person] und [Steve Jobs|person] lachen. Die [Apple Inc. Steve Jobs|person] Ära."),
    )
    assert ("BBC", "organization", "propagated") in result["e3"]
    assert ("Michael Howard", "person", "propagated") in result["e3"]
    assert ("Apple Inc.", "organization", "propagated") in result["d2"]
    assert all(text != "BBC Michael Howard" for text, _, _ in result["e3"])


def test_a_span_run_on_into_a_name_whose_surname_is_a_persons_is_two_names() -> None:
    # "group EADS Philippe Camus is to leave ... Mr Camus said": the corpus knows "Camus" as a person's.
    result = mentions(
        make(
            "e1",
            "The group [EADS Philippe Camus|person] is to leave. [Camus|person] said so, and [Camus|person] left. "
            "[EADS|organization] and [EADS|organization] agreed.",
            language="en",
        ),
        make("e2", "[Martin|person] and [Martin|person]. [King|person] and [King|person].", language="en"),
        make("e3", "[Martin Luther King|person] spoke.", language="en"),
    )
    assert ("EADS", "organization", "propagated") in result["e1"]
    assert ("Philippe Camus", "person", "propagated") in result["e1"]
    assert ("Martin Luther King", "person", "model") in result["e3"]  # the first part is a person's name


def test_a_name_before_a_word_that_is_no_person_stays_one_name() -> None:
    # "New York Times": "New York" is a name of its own, "Times" no person's.
    result = mentions(
        make(
            "e1",
            "[New York|place] and [New York|place]. The [Times|organization] and [Times|organization].",
            language="en",
        ),
        make("e2", "The [New York Times|organization] wrote.", language="en"),
    )
    assert ("New York Times", "organization", "model") in result["e2"]


def test_a_nationality_glued_to_the_front_of_a_name_is_cut_off(common_nouns) -> None:
    """English writes a country's adjective capitalised, so no frequency says it is an ordinary word:
    the words for countries' people are derived from CLDR's country names ("Kenya" -> "Kenyan")."""
    articles, extractions = corpus(
        make(
            "en1",
            "[Hungarian Melinda Czink|person] won. [Kenyan Susan Chepkemei|person] ran. [Brazilian Ronaldo|person] "
            "scored. [Indiana Jones|person] and [Christian Bale|person] watched.",
            language="en",
        ),
        make("de1", "Der [Brasilianer Ronaldo|person] traf.", language="de"),
    )
    known = {"melinda", "czink", "susan", "chepkemei", "ronaldo", "christian", "bale", "jones", "indiana"}
    out = refine(articles, extractions, nouns=common_nouns, person_names=lambda w: w.casefold() in known)
    assert [m.text for m in out["en1"].mentions] == [
        "Melinda Czink",
        "Susan Chepkemei",
        "Ronaldo",
        "Indiana Jones",
        "Christian Bale",
    ]
    assert [m.text for m in out["de1"].mentions] == ["Ronaldo"]
    # The noun for a nation's person goes whatever the label, and says person; a given name stays.
    articles, extractions = corpus(
        make(
            "en2",
            "[Frenchman Cyril Saulnier|organization] won. [Spaniard Costa|person] lost. [Finn Russell|person] kicked."
            " [American Airlines|organization] flew. [American Taylor Dent|organization] served."
            " [American Life Project|organization] and [German Marshall Fund|organization] wrote.",
            language="en",
        )
    )
    out = refine(articles, extractions, nouns=common_nouns, person_names=lambda w: w.casefold() in known)
    assert [(m.text, m.label) for m in out["en2"].mentions] == [
        ("Cyril Saulnier", "person"),
        ("Costa", "person"),
        ("Finn Russell", "person"),
        ("American Airlines", "organization"),
        ("Taylor Dent", "person"),  # an adjective for a nation, then a word English writes as a name
        ("American Life Project", "organization"),
        ("German Marshall Fund", "organization"),
    ]


def test_two_names_the_corpus_knows_apart_are_split_at_and() -> None:
    result = mentions(
        make(
            "e1",
            "[Everton|organization] won. [Arsenal|organization] lost. [Everton|organization] again.",
            language="en",
        ),
        make("e2", "[Arsenal|organization] drew. The [Everton and Arsenal|organization] match.", language="en"),
        make("e3", "[Marks and Spencer|organization] sold more. [Spencer|person] and [Spencer|person].", language="en"),
        make("d1", "[Gazprom|organization] und [Rosneft|organization]. [Gazprom und Rosneft|organization] ."),
        make("d2", "[Gazprom|organization] wächst, [Rosneft|organization] nicht."),
        make(
            "e4",
            "[Jamie Carragher|person] and [Wes Brown|person] played. It was good for [Carragher and Brown|"
            "organization] to play. [Johnson and Johnson|organization] and [Boris Johnson|person] too.",
            language="en",
        ),
    )
    assert sorted(t for t, _, _ in result["e2"]) == ["Arsenal", "Arsenal", "Everton"]
    assert ("Carragher", "person", "propagated") in result["e4"] and ("Brown", "person", "propagated") in result["e4"]
    assert ("Johnson and Johnson", "organization", "model") in result["e4"]
    assert ("Marks and Spencer", "organization", "model") in result["e3"]
    assert sorted(t for t, _, _ in result["d1"]) == ["Gazprom", "Gazprom", "Rosneft", "Rosneft"]


def test_an_occupation_in_an_english_span_makes_a_person_of_the_name_after_it() -> None:
    """ "Barcelona star Ronaldinho" is a team and a person, "Midfielder Edu" and "Rapper 50 Cent" a person,
    whatever the model's label; "Star Wars" and "Coach Carter" stay, and German spans are left alone."""
    result = mentions(
        make(
            "e1",
            "[Barcelona star Ronaldinho|organization] scored. [Midfielder Edu|organization] missed. "
            "[Rapper 50 Cent|organization] sang. [Star Wars|organization] and [Coach Carter|person] ran.",
            language="en",
        ),
        make("d1", "[Sänger Heino|organization] sang."),
    )
    assert result["e1"] == sorted(
        [
            ("Barcelona", "organization", "model"),
            ("Ronaldinho", "person", "model"),
            ("Edu", "person", "model"),
            ("50 Cent", "person", "model"),
            ("Star Wars", "organization", "model"),
            ("Coach Carter", "person", "model"),
        ]
    )
    assert result["d1"] == [("Sänger Heino", "organization", "model")]


def test_an_english_possessive_before_a_confident_name_is_cut_off() -> None:
    """ "Henry's Arsenal" beside "Arsenal": the club, not a name of its own."""
    result = mentions(
        make(
            "e1",
            "[Arsenal|organization] won. [Arsenal|organization] again. [Henry's Arsenal|organization] shone.",
            language="en",
        ),
    )
    assert result["e1"] == [("Arsenal", "organization", "model")] * 2 + [("Arsenal", "organization", "propagated")]


def test_two_surnames_run_together_are_two_people() -> None:
    """ "hatte Nishikori Berdych geschlagen": German puts subject and object side by side; "Thomas Müller"
    stays one name beside "Thomas Vanek", where the corpus gives "Thomas" as a given name."""
    found = mentions(
        make("a1", "[Kei Nishikori|person] und [Tomas Berdych|person] spielten. [Kei Nishikori|person] gewann."),
        make("a2", "[Tomas Berdych|person] verlor. Zuvor hatte [Nishikori Berdych|person] 7:5 geschlagen."),
        make(
            "a3",
            "[Rhys Thomas|person] und [Gerd Müller|person] sahen [Thomas Müller|person] und [Thomas Vanek|person].",
        ),
        make("a4", "[Rhys Thomas|person] traf [Gerd Müller|person]."),
    )
    assert ("Nishikori", "person", "propagated") in found["a2"] and ("Berdych", "person", "propagated") in found["a2"]
    assert all(text != "Nishikori Berdych" for text, _, _ in found["a2"])
    assert ("Thomas Müller", "person", "model") in found["a3"]


def test_a_hyphenated_description_before_a_german_organisations_name_goes(common_nouns) -> None:
    """ "die Bank-Austria-Mutter Unicredit": the parent of Bank Austria is Unicredit; a head noun or a
    name after the compound keeps it ("Max-Planck-Gesellschaft München", "Coca-Cola Company")."""
    articles, extractions = corpus(
        make(
            "d1",
            "Die Bank-Austria-Mutter [Unicredit|organization] zahlt. Die [VW-Tochter Audi|organization] auch."
            " Die [Bank-Austria-Mutter Unicredit|organization] und die [Coca-Cola Company|organization]"
            " und die [Max-Planck-Gesellschaft München|organization].",
        )
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert sorted({m.text for m in out["d1"].mentions}) == [
        "Audi",
        "Coca-Cola Company",
        "Max-Planck-Gesellschaft München",
        "Unicredit",
    ]


def test_a_german_noun_before_a_given_name_and_a_surname_describes_the_person(common_nouns) -> None:
    """ "den Deutschen Michael Berrer", an organisation to the model, is the person Michael Berrer; not "Los
    Angeles Kings" ("Los" is a German noun, "Angeles" no given name German news uses)."""
    articles, extractions = corpus(
        make(
            "d1",
            "Sock schlug den [Deutschen Michael Berrer|organization]. Die [Los Angeles Kings|organization] siegten.",
        )
    )
    given = {"Michael", "Angeles"}
    out = refine(
        articles,
        extractions,
        nouns=common_nouns,
        person_names=given.__contains__,
        name_clusters=lambda w, lang: w == "Michael",
    )
    assert [(m.text, m.label) for m in out["d1"].mentions] == [
        ("Michael Berrer", "person"),
        ("Los Angeles Kings", "organization"),
    ]


def test_a_compound_whose_head_is_a_noun_and_a_surname_is_glued_to_a_name(common_nouns) -> None:
    """ "Exportkaiser Vorarlberg": "Kaiser" is a surname too, but a compound of nouns is a description."""
    articles, extractions = corpus(make("d1", "Es folgt [Exportkaiser Vorarlberg|person] vor Tirol."))
    out = refine(articles, extractions, nouns=common_nouns, person_names=lambda w: False)
    assert [m.text for m in out["d1"].mentions] == ["Vorarlberg"]


def test_a_town_cut_out_of_an_organisations_name_gives_the_name_no_place_hint() -> None:
    # "Alexandria" (a gazetteer place) extended to the confident "Bank of Alexandria" names the bank,
    # not the town: the place's hint stays behind, in both languages.
    for language, text in (
        (
            "en",
            "[Bank of Alexandria|organization] grew. [Bank of Alexandria|organization] and Bank of [Alexandria|place|geonames:361058] merged.",
        ),
        (
            "de",
            "Die [Bank of Alexandria|organization] wächst. Die [Bank of Alexandria|organization] und Bank of [Alexandria|place|geonames:361058] fusionieren.",
        ),
    ):
        articles, extractions = corpus(make("a", text, language=language))
        out = refine(articles, extractions)
        longer = [m for m in out["a"].mentions if m.text == "Bank of Alexandria"]
        assert len(longer) == 3, longer
        assert all(m.entity_hint is None and m.label == "organization" for m in longer)


def test_an_english_title_capitalised_before_a_name_is_cut_off(common_nouns) -> None:
    # "Treasurer" is written in lower case more often than capitalised: before a given name the dictionary
    # knows, a title. "Constable" is such a word too, but a surname people bear (John Constable).
    articles, extractions = corpus(
        make(
            "en1",
            "[Treasurer Peter Costello|person] spoke, and [Constable David Warcup|person] answered.",
            language="en",
        )
    )
    known = {"peter", "costello", "constable", "david", "warcup"}
    out = refine(articles, extractions, nouns=common_nouns, person_names=lambda w: w.casefold() in known)
    assert [m.text for m in out["en1"].mentions] == ["Peter Costello", "Constable David Warcup"]
    assert "Treasurer" in common_nouns.lowered and "Constable" in common_nouns.lowered


def test_an_ordinary_word_that_spells_a_name_of_the_corpus_is_not_found_as_that_name() -> None:
    # Stop words opening a sentence ("Was", "Mit": the county Vas by transliteration, MIT by letters), a
    # short name by its own spelling only ("Zuma" is not "Summa"), a nation's people ("Irish" is not Oliver
    # Irish), a German noun after an article ("im Sommer" is not Josef Sommer); inside a sentence "Kurz" is.
    articles, extractions = corpus(
        make("h", "[Vas|place] and [Vas|place]. [MIT|organization] and [MIT|organization].", language="en"),
        make(
            "p",
            "[Jacob Zuma|person] spoke. [Oliver Irish|person] ran. [Josef Sommer|person] and [Sebastian Kurz|person]"
            " came.",
            language="en",
        ),
        make(
            "d",
            "Was ist los? Mit dem Auto. Im Sommer sagte Sommer, die Summa sei hoch. Kurz darauf lachte Kurz. "
            "Das sagte ein Sprecher, die Sommer kennt.",
        ),
        make("e", "Irish shares rose, Irish said.", language="en"),
    )
    out = refine(articles, extractions)
    found = {a: sorted(m.text for m in ex.mentions if m.source == "propagated") for a, ex in out.items()}
    assert found["d"] == ["Kurz", "Sommer", "Sommer"]
    assert found["e"] == []


def test_a_surname_after_a_title_or_an_office_is_found_again() -> None:
    """'concluded Professor Dautenhahn': an academic title, an office or a form of address before a
    surname makes no longer name, in either language; a capitalised word that is neither does."""
    result = mentions(
        make(
            "en",
            '[Kerstin Dautenhahn|person] spoke. "It may take longer," concluded Professor Dautenhahn. '
            "Coach Dautenhahn agreed. Lady Dautenhahn too. Later Dautenhahn Robotics said so.",
            language="en",
        ),
        make("de", "[Ludger Wößmann|person] sprach. Auch Professor Wößmann und Bürgermeister Wößmann schwiegen."),
    )
    en = [t for t, _, s in result["en"] if s == "propagated"]
    assert en == ["Dautenhahn", "Dautenhahn", "Dautenhahn"]  # not the one in "Dautenhahn Robotics"
    de = [t for t, _, s in result["de"] if s == "propagated"]
    assert de == ["Wößmann", "Wößmann"]


def test_an_acronym_english_uses_as_a_noun_ends_no_name_and_is_not_put_back(common_nouns) -> None:
    """ "Labour MPs", "Tom McCabe MSP": the acronym after the name is a description (the MPs belong to the
    party, an organisation); the name the model gave twice with it is not found again anywhere, which
    would put back what trimming took out."""
    articles, extractions = corpus(
        make(
            "a",
            "[Labour MPs|person] met. Later [Labour MPs|person] left. [Tom McCabe MSP|person] spoke. So did"
            " [Guy Mansfield QC|organization].",
            language="en",
        ),
        make("b", "Angry Labour MPs warned [Tony Blair|person].", language="en"),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    # (A British honour or rank after a name of two words or more: the name is a person's.)
    assert sorted((m.text, m.label) for m in out["a"].mentions) == [
        ("Guy Mansfield", "person"),
        ("Labour", "organization"),
        ("Labour", "organization"),
        ("Tom McCabe", "person"),
    ]
    assert all("MPs" not in m.text for m in out["b"].mentions)


def test_words_read_into_the_front_of_a_name_are_cut_off(common_nouns) -> None:
    """A score ("2-1 Bolton"), a verb of saying that opens its sentence ("Added Farrell: ..."), another name's
    end before a form of address ("the Sunday Times Mr Campbell"),
    and before a person's name an acronym English uses as a noun ("MSP Karen Whitefield") or a word that
    opens the sentence and that English writes in lower case, where the article names the person by the
    rest too ("Veteran Keane" beside "Robbie Keane"). A firm's whole name keeps its first word ("PC World",
    and "Classic Motors", whose rest the article names no one by)."""
    articles, extractions = corpus(
        make(
            "a",
            "Newcastle [2-1 Bolton|organization]. [Robbie Keane|person] scored. [Added Farrell|person]: fine."
            " The Sunday [Times Mr Campbell|person]"
            " said so. [MSP Karen Whitefield|person] agreed. [Veteran Keane|person] was happy. [PC World|organization]"
            " sold. [Classic Motors|person] sold.",
            language="en",
        ),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [(m.text, m.label) for m in out["a"].mentions] == [
        ("Bolton", "organization"),
        ("Robbie Keane", "person"),
        ("Farrell", "person"),
        ("Campbell", "person"),
        ("Karen Whitefield", "person"),
        ("Keane", "person"),
        ("PC World", "organization"),
        ("Classic Motors", "person"),
    ]


def test_a_description_a_sentence_capitalised_before_an_organisation_is_cut_off(common_nouns) -> None:
    """ "Bookmakers Ladbrokes", "Praising Celtic": an English word the sentence capitalised, before a name the
    article gives on its own; not a confident name ("Air China" twice), nor a word that begins another of
    the corpus's names ("New Labour" beside "New York"), nor before a place ("Athletics Ireland")."""
    articles, extractions = corpus(
        make(
            "a",
            "[Ladbrokes|organization] and [Celtic|organization] won. [Bookmakers Ladbrokes|organization] paid."
            " [Praising Celtic|organization], he left. [Air China|organization] flew. [China|place] grew."
            " [New Labour|organization] rose. [Labour|organization] and [New York|place] too. [Athletics"
            " Ireland|organization] chose. [Ireland|place] and [Ireland|place] won.",
            language="en",
        ),
        make("b", "[Air China|organization] and [New York|place] again.", language="en"),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    texts = [m.text for m in out["a"].mentions]
    assert texts.count("Ladbrokes") == 2 and texts.count("Celtic") == 2
    assert {"Air China", "New Labour", "Athletics Ireland"} <= set(texts)
    assert not {"Bookmakers Ladbrokes", "Praising Celtic"} & set(texts)


def test_a_role_noun_that_is_a_surname_too_is_cut_when_no_corpus_uses_it_as_names(common_nouns) -> None:
    """ "Trainer Stöger" beside "Peter Stöger": rigour lists "Trainer" as a surname, but a large corpus of
    German does not use it as it uses people's names (its Brown clusters), and the corpus names someone
    else by the surname; "Horst Seehofer" keeps "Horst", which the corpus uses as a given name, and
    "Albrecht Gaiswinkler", whom the clusters miss, keeps his: no one else is called Gaiswinkler."""
    articles, extractions = corpus(
        make(
            "de1",
            "Dann sprach [Trainer Stöger|person] mit [Horst Seehofer|person] und [Albrecht Gaiswinkler|person].",
            language="de",
        ),
        make("de2", "[Peter Stöger|person] kam. [Peter Stöger|person] ging.", language="de"),
    )
    known = {"trainer", "stöger", "horst", "seehofer", "albrecht", "gaiswinkler", "peter"}
    clustered = {"Stöger", "Horst", "Seehofer", "Peter"}
    out = refine(
        articles,
        extractions,
        nouns=common_nouns,
        person_names=lambda w: w.casefold() in known,
        name_clusters=lambda w, lang: w in clustered,
    )
    assert [m.text for m in out["de1"].mentions] == ["Stöger", "Horst Seehofer", "Albrecht Gaiswinkler"]
    # Without the clusters the dictionary's word stands: "Trainer" may be a given name.
    out = refine(articles, extractions, nouns=common_nouns, person_names=lambda w: w.casefold() in known)
    assert [m.text for m in out["de1"].mentions] == ["Trainer Stöger", "Horst Seehofer", "Albrecht Gaiswinkler"]


def test_an_english_name_ending_in_s_is_no_genitive_of_another(common_nouns) -> None:
    """ "Julie Andrews" where the corpus names a person "Andrew": English writes a person's genitive with an
    apostrophe ("Andrew's"), so the span is one name; a body's plural is its name ("Lib Dems David Laws":
    the Lib Dems' David Laws), and German's "Merkels Politik" is Merkel's."""
    articles, extractions = corpus(
        make(
            "a",
            "[Andrew|person] spoke. [Andrew|person] left. [Julie Andrews|person] sang. The [Lib Dem|organization]"
            " view: [Lib Dem|organization] MPs agree. For the [Lib Dems David Laws|organization] said so.",
            language="en",
        ),
        make("b", "[Merkel|person] kam. [Merkel|person] ging. [Merkels Politik|organization] blieb.", language="de"),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [m.text for m in out["a"].mentions] == [
        "Andrew",
        "Andrew",
        "Julie Andrews",
        "Lib Dem",
        "Lib Dem",
        "Lib Dems",
        "David Laws",
    ]
    assert [m.text for m in out["b"].mentions] == ["Merkel", "Merkel", "Merkels"]


def test_a_surname_alone_matches_by_its_skeleton_only_where_the_article_names_the_person() -> None:
    """A surname alone is found as written anywhere, but by its skeleton (another spelling) only in an
    article that gives the full name: elsewhere a word that only the skeleton shares is an ordinary word
    ("the Mayor of London" is not John Major, "Muslim" not Salih Müslim)."""
    result = mentions(
        make("a", "[John Major|person] spoke. [Salih Müslim|person] listened.", language="en"),
        make("b", "The Mayor of London met Muslim leaders. Later, Müslim spoke.", language="en"),
        make("c", "Prime minister John Mayor spoke. Mayor said so.", language="en"),
    )
    assert [t for t, _, s in result["b"] if s == "propagated"] == ["Müslim"]
    # The article names the person (by another spelling): the surname matches by its skeleton.
    assert [t for t, _, s in result["c"] if s == "propagated"] == ["John Mayor", "Mayor"]


def test_a_surname_that_is_an_ordinary_word_is_found_alone_only_beside_the_full_name(common_nouns) -> None:
    """ "Rock" of Chris Rock: "Rock 'n' roll legend Elvis" is no mention of him, but "Rock joked" after
    "Chris Rock" in the same article is; nor is "the Queen" a mention of "Mary Queen" (a title is an ordinary
    word too); a surname that is no ordinary word ("Osbourne") is found anywhere."""
    articles, extractions = corpus(
        make("a", "[Chris Rock|person] and [Ozzy Osbourne|person] met [Mary Queen|person].", language="en"),
        make("b", "Then Osbourne sang. Chris Rock hosted, and Rock joked.", language="en"),
        make("c", "Rock 'n' roll legend Elvis and Osbourne sang for the Queen.", language="en"),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [m.text for m in out["b"].mentions] == ["Osbourne", "Chris Rock", "Rock"]
    assert [m.text for m in out["c"].mentions] == ["Osbourne"]


def test_a_surname_two_people_share_is_found_alone_where_the_article_gives_one_of_them_in_full() -> None:
    """ "Lopez" of Jennifer Lopez and of Feliciano Lopez: beside "Jennifer Lopez" it is found as hers (the
    corpus naming another Lopez once must not cost her every later mention), but not in an article that gives
    neither, nor where it gives both."""
    result = mentions(
        make("a", "[Feliciano Lopez|person] won in Madrid.", language="en"),
        make("b", "[Jennifer Lopez|person] cancelled. On Monday, Lopez said sorry.", language="en"),
        make("c", "Lopez was not there.", language="en"),
        make("d", "[Feliciano Lopez|person] met [Jennifer Lopez|person]. Lopez smiled.", language="en"),
    )
    assert [t for t, _, s in result["b"] if s == "propagated"] == ["Lopez"]
    assert [t for t, _, s in result["c"] if s == "propagated"] == []
    assert [t for t, _, s in result["d"] if s == "propagated"] == []


def test_a_german_noun_the_corpus_names_is_found_only_where_its_article_names_it_too(common_nouns) -> None:
    """German capitalises every noun: "Sommer" and "Kraft", names twice elsewhere (Josef Sommer's surname, the
    company), are the season and the strength in an article whose model named no one so; where the article
    names them (alone or in full) the word is found again. English "Conservatives" is found anywhere."""
    articles, extractions = corpus(
        make("a", "[Sommer|person] sprach. Dann kam [Kraft|organization]."),
        make("b", "[Sommer|person] lachte. [Kraft|organization] wuchs."),
        make("c", "Im Sommer fehlte die Kraft."),
        make("d", "[Josef Sommer|person] kam. Im Mai sagte Sommer nein."),
        make("e", "The [Conservatives|organization] won. Later the [Conservatives|organization] lost.", language="en"),
        make("f", "Then the Conservatives spoke.", language="en"),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [m.text for m in out["c"].mentions] == []
    assert [m.text for m in out["d"].mentions] == ["Josef Sommer", "Sommer"]
    assert [m.text for m in out["f"].mentions] == ["Conservatives"]


def test_an_english_adjective_before_the_word_it_qualifies_is_not_found_as_a_name(common_nouns) -> None:
    """ "Olympic champion", "Olympic gold": a word the dictionary knows as an adjective only qualifies the noun
    after it, whatever name of the corpus it spells; before a verb ("Olympic said") it is the name, and so is
    a longer name's last word before a noun ("United fans" of Manchester United)."""
    assert "olympic" in common_nouns.adjectives and "united" in common_nouns.adjectives
    assert "labour" not in common_nouns.adjectives and "british" not in common_nouns.adjectives
    articles, extractions = corpus(
        make(
            "a",
            "[Olympic|organization] and [Olympic|organization] and [Manchester United|organization] won."
            " [Manchester United|organization] lost.",
            language="en",
        ),
        make("c", "[United|organization] won. [United|organization] lost.", language="en"),
        make(
            "b", "The Olympic champion won Olympic gold, and Olympic said so. Then United fans cheered.", language="en"
        ),
    )
    out = refine(articles, extractions, nouns=common_nouns)
    assert [m.text for m in out["b"].mentions] == ["Olympic", "United"]


def test_a_name_the_model_found_once_is_found_again_in_its_own_article_only(common_nouns) -> None:
    """A name found once in the corpus is no confident name, but the article that names it uses it again:
    "Damit kann WhatsApp ..." is the WhatsApp of the sentence before. Not in another article, not an ordinary
    word of the language ("Beton"), and the repetitions carry the one reading's label without voting."""
    result = mentions(
        make(
            "a",
            "Alle Inhalte, die über [WhatsApp|organization] laufen, sind verschlüsselt. Damit kann WhatsApp "
            "nichts lesen. Der [Beton|organization] bröckelt. Beton ist teuer.",
        ),
        make("b", "Auch WhatsApp schweigt."),
        nouns=common_nouns,
    )
    assert ("WhatsApp", "organization", "repeated") in result["a"]
    assert [t for t, _, s in result["a"] if s == "repeated"] == ["WhatsApp"]
    assert result["b"] == []
