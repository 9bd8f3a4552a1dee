"""Direct quotations and who said them: a pure function of articles, sentences and resolved mentions.

No well-kept library attributes quotes in German (textacy's ``direct_quotations``
is English-only and needs a dependency parse, which the shipped German model
does not have), so attribution is rule-based over the resolved mentions:

1. **Quote spans**: text between paired quotation marks -- „…“ ‚…‘ »…« «…» “…” "…"
   (straight double quotes pair within a paragraph).
2. **Cue after the quote**: a verb of saying (or "so"/"according to") follows (also after an
   apposition: '"…," Roy Asher, chief investment officer of Hibernian, told Reuters'),
   then the speaker: ``„…“, sagte Kreml-Sprecher Dmitri Peskow``, ``"…", Kirby said``; or a
   description ending in the speaker's name, then the verb (``"…," the minister for civil aviation
   Praful Patel said``), never a name governed by a preposition (``"…," a friend of Jones said``).
3. **Cue before the quote**: speaker, verb of saying, then the quote:
   ``Dmitri Peskow sagte: „…“``, ``hatte Matthew Miller gedroht: »…«``; or a name and a colon, after
   at most a short description with no verb or preposition (``Manchester United boss Sir Alex Ferguson: "…"``).
4. **Pronoun**: ``„…“, sagte sie``, ``He also praised the film director: "…"`` (a pronoun opening the
   sentence, any verb, and a colon right before the quote) -- the first person named in the nearest sentence before the quote
   that names one, passing over sentences whose own subject is a pronoun ("He said they would not have
   been matched to Mr Houston": Houston is not who "he" is).
5. **Same sentence**: a sentence with a verb of saying whose only person (or
   organization) before the quote is the speaker (``Greenfield nannte es „beschämend“``).
6. **Continuation**: a quote with no cue that opens its sentence, right after an
   attributed quote in the same paragraph (or the next sentence), has the same speaker;
   right after a sentence that reports a named person's words ("Director Anurag Kashyap
   said the film's release should not be delayed. "If you have …""; also with an apposition between
   the name and the verb: "Gary Dunn, development director at Codemasters, said …"), that person
   (**reported**); and a quote with no cue right before a quote attributed by a cue after
   it, in the same paragraph, is that speaker's too (**lead-in**).
7. **Spokesperson**: a quote whose cue is an unnamed spokesperson ("But a
   spokesman added: "…"", ``„…“, sagte eine Sprecherin``) is the organization's
   that the nearest sentence before it names, when that sentence names no one
   else ("The Vestey Group said it had owned the land since 1920."); in English so is a quote whose
   cue's subject is "it" or "the" and a class noun of organisations ('"…," the company said'), when
   nothing else in that sentence may be a company (no other name but known places, no other capital).
8. **Teaser**: an unattributed quote at the head of an article whose words the
   body repeats (a teaser: ``"Sie haben es ernsthaft für möglich gehalten …"``)
   is the speaker's whom the body credits with them: the quote there, or a
   person the repeating sentence or the one before names after ", so" or a
   verb of saying (``…, so Richter Oliver Schoßwohl in der Urteilsbegründung.``).
9. **Description**: a definite description as the subject ('"…," the presenter said', 'said the
   28-year-old', ``sagte der Trainer``) is the person of the sentences before (rule 4's), when the
   article also calls that person so ("TV presenter Cat Deeley") or the description is an age.

Not every quoted string is a quotation: scare quotes, single words, noun phrases
and reported wording are dropped (:func:`is_quotation`), and a quote no rule
attributes is shown without a speaker rather than given to the nearest name.

An organization named just before a person in apposition ("der Sprecher des
US-Außenministeriums, Vedant Patel") yields the person, and so does a medium that only printed a
person's words ("Mr Houston was quoted in the Herald newspaper saying: …").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache

from generator.lexicon import ENGLISH_BUSINESS_NOUNS, PERSON_NOUNS_EN, SPEECH_VERBS, is_class_noun
from generator.model import Article, Entity, Extraction, Mention, Sentence

PRONOUNS: dict[str, tuple[str, ...]] = {
    "de": ("er", "sie"),
    "en": ("he", "she", "they"),
}
#: Titles that stand between a quote and the speaker's name ('"…," Mr Wong told the BBC'): not words of the cue.
TITLES = frozenset("mr mrs ms miss dr sir lord lady dame prof herr frau".split())
#: Words that may open a sentence before its subject ("However, he said: …").
_SENTENCE_ADVERBS = frozenset("however but and so yet still then later also aber doch dann später auch".split())
_PAIRS = (("„", "“"), ("‚", "‘"), ("»", "«"), ("«", "»"), ("“", "”"), ('"', '"'))


@dataclass(frozen=True)
class Quote:
    article: str
    start: int  # offsets of the quoted text, without the marks
    end: int
    text: str
    sentence: int  # the sentence where the quote starts
    speaker: str | None  # entity id
    cue: str  # which rule attributed it: after, before, pronoun, sentence, continuation, reported, none


def find_quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of quoted text between paired marks inside ``text[start:end]`` (one paragraph).

    Typographic marks say which side they stand on. A straight ``"`` does not:
    it opens when it follows a space (or a bracket, a dash, a colon) and is
    followed by a letter, and closes when it follows a letter or punctuation and
    is followed by a space or punctuation (or stands free after a quote's closing
    punctuation: 'Argentina, " said'). Counting them in pairs instead goes
    wrong at the first missing mark and then takes the narration between two
    quotes for a quote. A quote whose closing mark is missing (news style for a
    quote that runs on into the next paragraph) ends before the next opening
    mark, at the last sentence end, or at the paragraph end.
    """
    spans = _straight_spans(text, start, end) + _typographic_spans(text, start, end)
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue  # nested in (or crossing) an earlier quote
        if text[s:e].strip():
            out.append((s, e))
    return out


def _typographic_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        best = None
        for opening, closing in _PAIRS:
            if opening == '"':
                continue
            i = text.find(opening, pos, end)
            if i == -1:
                continue
            j = text.find(closing, i + 1, end)
            if j == -1:
                continue
            if best is None or i < best[0]:
                best = (i, j)
        if best is None:
            break
        i, j = best
        spans.append((i + 1, j))
        pos = j + 1
    return spans


_OPENS_AFTER = set("([{–—-/:„“‘«»")
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def _straight_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pending: int | None = None
    i = text.find('"', start, end)
    while i != -1:
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        opens = (prev.isspace() or prev in _OPENS_AFTER) and not nxt.isspace()
        closes = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
        if opens and closes:  # "x"y: read by what is pending
            opens = pending is None
        stop = i
        if pending is not None and prev.isspace() and nxt.isspace():
            # 'in Argentina, " said Carlos Baez Silva': a mark standing free after a quote's closing
            # punctuation closes it (a typing slip; read as no mark, the narration became the quote).
            stop = len(text[:i].rstrip())
            closes = stop > pending + 1 and text[stop - 1] in ",.!?;…"
        if opens:
            if pending is not None:
                spans.append((pending + 1, _unclosed_end(text, pending + 1, i)))
            pending = i
        elif closes and pending is not None:
            spans.append((pending + 1, stop))
            pending = None
        i = text.find('"', i + 1, end)
    if pending is not None:
        spans.append((pending + 1, _unclosed_end(text, pending + 1, end)))
    return spans


def _unclosed_end(text: str, start: int, limit: int) -> int:
    """Where a quote without its closing mark ends: the last sentence end before ``limit``, else ``limit``."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, limit)]
    end = ends[-1] if ends else limit
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


#: Words that make a quoted fragment a clause rather than a phrase: subordinating
#: conjunctions that open one, and finite auxiliaries and modals inside one.
SUBORDINATORS: dict[str, frozenset[str]] = {
    "de": frozenset("dass ob weil wenn wie damit obwohl falls".split()),
    "en": frozenset("that whether because if how why when although".split()),
}
FINITE_AUXILIARIES: dict[str, frozenset[str]] = {
    "de": frozenset(
        "ist sind war waren wird werden wurde wurden hat haben hatte hatten habe sei seien wäre wären "
        "kann können konnte konnten muss müssen musste soll sollen sollte sollten will wollen wollte "
        "würde würden gibt gebe gab".split()
    ),
    "en": frozenset(
        "is are was were am be been will would have has had can could must should shall may might "
        "do does did 's 're 've 'll 'm ’s ’re ’ve ’ll ’m".split()
    ),
}
_INFINITIVE = {
    "de": re.compile(r"\bzu \w+en\b|\b\w+zu\w+en\b"),
    "en": re.compile(r"\bto [a-z]+\b"),
}


def _clitic(word: str) -> str:
    """The contracted auxiliary of "we're", "it's" ("'re", "'s"), else ""."""
    for mark in ("'", "’"):
        if mark in word:
            return mark + word.rsplit(mark, 1)[1]
    return ""


def is_quotation(text: str, before: str, language: str) -> bool:
    """Whether quoted ``text`` is a quotation -- at least a clause -- rather than a scare quote or phrase.

    ``before`` is the sentence's text up to the opening mark. A quote of at least
    four words that stands as its own sentence (nothing before it, or a colon)
    is one; a fragment inside a sentence is one only when it is a clause: it opens
    with a subordinating conjunction, holds a finite auxiliary or modal, or is an
    infinitive clause. Scare quotes ("beschämend", "nothing to say") and quoted
    noun phrases are not quotations, and nobody is credited with them.
    """
    words = re.findall(r"\w+(?:['’]\w+)?", text)
    if len(words) < 4:
        return False
    lang = language if language in SUBORDINATORS else "en"
    lead = before.rstrip()
    standalone = not re.search(r"\w", lead) or lead.endswith((":", ".", "!", "?"))
    if standalone and text.lstrip()[:1].isupper():
        return True
    low = [w.lower() for w in words]
    if low[0] in SUBORDINATORS[lang]:
        return True
    aux = FINITE_AUXILIARIES[lang]
    if any(w in aux or _clitic(w) in aux for w in low):
        return True
    return bool(_INFINITIVE[lang].search(text))


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def attribute(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    entity_of: Mapping[tuple[str, int, int], str],
    entities: Mapping[str, Entity],
) -> list[Quote]:
    quotes: list[Quote] = []
    for article in sorted(articles, key=lambda a: a.id):
        ex = extractions.get(article.id)
        if ex is None or not ex.sentences:
            continue
        verbs = set(SPEECH_VERBS.get(article.language, SPEECH_VERBS["en"]))
        pronouns = set(PRONOUNS.get(article.language, ()))
        # A name inside a quotation is no speaker of another ('"I welcome the words of Mr Snow," said Joaquin
        # Almunia, "but …"': the second part is Almunia's, not Snow's, who is only spoken of). A quote whose
        # closing mark is missing counts too: news style runs a quote on with a new opening mark ('Andrew Marr
        # said: "This is damaging. Gordon Brown knows it. "I think …'), and Brown is spoken of there as well.
        spans_of = {
            para.index: find_quote_spans(article.text, para.start, para.end)
            for para in article.paragraphs
            if not para.boilerplate
        }
        quoted = [span for spans in spans_of.values() for span in spans]
        named = [
            m
            for m in ex.mentions
            if m.key in entity_of and entities[entity_of[m.key]].type in ("person", "organization")
        ]
        speakers = [m for m in named if not any(q_start <= m.start < q_end for q_start, q_end in quoted)]
        people = {entity_of[m.key] for m in named if entities[entity_of[m.key]].type == "person"}
        sentence_of = {s.index: s for s in ex.sentences}
        sentences = _Sentences(article.text, sentence_of, pronouns, verbs)
        previous: Quote | None = None
        previous_last = -1  # the sentence the previous quote ends in (a quote of several sentences)
        for para in article.paragraphs:
            if para.boilerplate:
                continue
            for q_start, q_end in spans_of[para.index]:
                sent = next((s for s in ex.sentences if s.start <= q_start < s.end), None)
                if sent is None:
                    continue
                before = article.text[sent.start : max(sent.start, q_start - 1)]
                last_sent = next((s for s in ex.sentences if s.start < q_end <= s.end), sent)
                s_end = _cue_end(article.text, last_sent, sentence_of.get(last_sent.index + 1), verbs)
                speaker, cue = _speaker(
                    article,
                    q_start,
                    q_end,
                    sent.start,
                    s_end,
                    speakers,
                    verbs,
                    pronouns,
                    entity_of,
                    people,
                    sentences,
                )
                if not is_quotation(article.text[q_start:q_end], before, article.language):
                    # Too short to publish ("It's awesome," said Hewitt.), but its named speaker goes
                    # on speaking in the quote that follows: a person, not a newspaper or a party whose
                    # report a short quote is often only cited from ("The newspaper said women found ...").
                    if speaker is not None and cue in ("after", "before") and speaker in people:
                        previous = Quote(article.id, q_start, q_end, "", sent.index, speaker, cue)
                        previous_last = last_sent.index
                    continue
                if speaker is None:
                    speaker = _spokesperson_of(
                        article.text,
                        q_start,
                        q_end,
                        sent,
                        last_sent.end,
                        speakers,
                        verbs,
                        entity_of,
                        people,
                        article.language,
                        sentence_of,
                        ex.mentions,
                    )
                    cue = "spokesperson"
                # A quote that opens its sentence continues the previous speaker's words, and so does one
                # that a description says is continued ("The Man Utd boss continued: …").
                lead = article.text[sent.start : q_start]
                continued = _CONTINUED.search(lead) is not None
                if continued and speaker is not None and speaker not in people:
                    speaker = None  # "The Chelsea boss continued:": the club is in the description, not speaking
                # A quote that its own description cue follows ('"…," said the Tottenham striker.') is the
                # described speaker's: the previous speaker's only if the sentences before are about them
                # ('Wenger spoke ... "…," the Arsenal boss said'), not after a sentence about another
                # ('Agassi was delighted ... "…," said the American' after Federer's words).
                # (A body's words go on under a description of it: '"…," the fund said.')
                described = (
                    speaker is None
                    and previous is not None
                    and previous.speaker in people
                    and _description_head("", article.text[q_end:s_end], verbs) is not None
                    and _antecedent(speakers, q_start, entity_of, people, sentences) != previous.speaker
                )
                opens_sentence = continued or not _words(lead)
                if (
                    speaker is None
                    and opens_sentence
                    and not described
                    and previous is not None
                    and previous.speaker is not None
                ):
                    prev_sent = sentence_of.get(previous.sentence)
                    same_para = prev_sent is not None and prev_sent.paragraph == para.index
                    # Measured from where the previous quote ends: a quote of several sentences goes on in
                    # the next paragraph ('… buy Nicolas Anelka. ¶ "If a bid comes in …').
                    if same_para or sent.index - max(previous.sentence, previous_last) <= 1:
                        speaker, cue = previous.speaker, "continuation"
                if speaker is None and opens_sentence and not continued:
                    speaker = _reported_before(sent.index, speakers, entity_of, people, sentences)
                    cue = "reported"
                quote = Quote(
                    article=article.id,
                    start=q_start,
                    end=q_end,
                    text=article.text[q_start:q_end],
                    sentence=sent.index,
                    speaker=speaker,
                    cue=cue if speaker else "none",
                )
                quotes.append(quote)
                previous, previous_last = quote, last_sent.index
    quotes = _lead_ins(quotes, extractions, {a.id: a for a in articles})
    return _teasers(quotes, articles, extractions, entity_of, entities)


#: A definite description, then a verb that says the words go on, right before a quote: "The Man Utd boss
#: continued:", "Der Trainer fuhr fort:".
_CONTINUED = re.compile(
    r"\A\W*(?:the|der|die)\s+(?:[\w'’.-]+\s+){0,4}(?:continued|went\s+on|fuhr\s+fort)\W*\Z", re.IGNORECASE
)
#: A definite description as the subject of a verb of saying, before it ("the Tory leader said",
#: "der Minister sagte") or after it ("said the chancellor", "sagte der Minister").
#: It opens a clause and, after the verb, ends one: "…, the Tory leader said", "…, said the chancellor.";
#: not the subject of a reported clause ("said the government was considering …").
_DESCRIPTION_BEFORE = re.compile(r"(?:\A|[,;:]\s*|[.!?]\s+)(?:the|der|die|das)\s+(?:[\w'’-]+\s+){1,4}\Z", re.IGNORECASE)
_DESCRIPTION_AFTER = re.compile(
    r"\s+(?:the|der|die|das)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+\s*(?:[.,;:!?]|\Z)", re.IGNORECASE
)


#: An apposition between commas after a name, and the word after it ("…, development director at
#: Codemasters, said"); not a clause or a coordination ("Natalie, who he says asked …", "New Order, as well as
#: the Happy Mondays, said").
_COMMA_APPOSITION = re.compile(
    r"\s*,\s+(?!(?:who|which|whose|as|and|or|but|while|where|when|including|like)\b)[^,.;:!?\"“”„]{1,80},\s+(\w+)"
)
#: Verbs of saying whose object is who heard the words, not who said them ("told the committee").
_HEARER_VERBS = frozenset("told tell tells telling informed".split())


class _Sentences:
    """What an article's sentences say of their subjects, asked one sentence at a time and only for
    articles with a quote to attribute: whether its subject is a pronoun (:meth:`pronoun_led`) and, given
    the verbs of saying, who it reports (:meth:`reporter`)."""

    def __init__(
        self, text: str, sentences: Mapping[int, Sentence], pronouns: set[str], verbs: Container[str] = frozenset()
    ):
        self.text, self.sentences, self.pronouns, self.verbs = text, sentences, pronouns, verbs
        self.known: dict[int, bool] = {}

    def reporter(self, index: int, named: Sequence[Mention]) -> Mention | bool | None:
        """Who the sentence ``index`` says is speaking: the person of ``named`` (its people, in text order)
        right before or after a verb of saying ("…, Mr Howard said", "said Mr Howard"); None when a
        description does ("Mr Brown liked …, the Tory leader said": not Brown, and not surely anyone);
        False when neither is there (its subject is then its first person)."""
        s = self.sentences.get(index)
        if s is None:
            return False
        text = self.text[s.start : s.end]
        for m in named:
            after = _words(self.text[m.end : min(s.end, m.end + 30)])[:2]
            before = [w for w in _words(self.text[max(s.start, m.start - 30) : m.start])[-3:] if w not in TITLES]
            before = [w for w in before if w != "to"]  # "according to Mr Howard"
            if (after and after[0] in self.verbs) or (len(after) > 1 and after[0] == "who" and after[1] in self.verbs):
                return m
            if before and before[-1] in self.verbs and re.match(r"\s*(?:[.,;:!?]|\Z)", self.text[m.end : s.end]):
                return m  # "…, said Mr Howard." (not "saying Gallas overreacted": his clause)
            apposition = _COMMA_APPOSITION.match(self.text, m.end, s.end)
            listed = self.text[max(s.start, m.start - 2) : m.start].startswith(",")  # "Society, Age Concern, …"
            if apposition is not None and apposition.group(1).lower() in self.verbs and not listed:
                return m  # "Gary Dunn, development director at Codemasters, said the company …"
        for word in re.finditer(r"\w+", text):
            if word.group().lower() not in self.verbs:
                continue
            # (Not the hearer after "told": "…, Andrew Burke, chief of BT's unit told the IPTV World Forum.")
            described = _DESCRIPTION_BEFORE.search(text, 0, word.start())
            if described is None and word.group().lower() not in _HEARER_VERBS:
                described = _DESCRIPTION_AFTER.match(text, word.end())
            if described is not None and not any(
                s.start + described.start() <= m.start < s.start + described.end() for m in named
            ):
                return None
        return False

    def subject_reports(self, index: int) -> bool:
        """Whether the sentence opens with a subject only a person is, a personal pronoun or an age ("He
        insisted …", "The 31-year-old said …", "Der 58-Jährige sagte …"), and a verb of saying right after it."""
        s = self.sentences.get(index)
        if s is None:
            return False
        words = [w for w in _words(self.text[s.start : min(s.end, s.start + 60)])[:5] if w not in _SENTENCE_ADVERBS]
        rest: list[str] = []
        if words[:1] and words[0] in _PERSON_SUBJECTS:
            rest = words[1:]
        elif words[:1] in (["the"], ["der"], ["die"]):
            # "31-year-old" is three words, "58-Jährige" two
            rest = next((words[1 + n :] for n in (3, 2) if _AGE.fullmatch("-".join(words[1 : 1 + n]))), [])
        return bool(rest) and rest[0] in self.verbs

    def pronoun_led(self, index: int) -> bool:
        """Whether the sentence's first word, after a sentence adverb ("But he said ..."), is a subject pronoun."""
        if index not in self.sentences:
            return False
        if index not in self.known:
            s = self.sentences[index]
            words = [w for w in _words(self.text[s.start : min(s.end, s.start + 40)])[:2] if w not in _SENTENCE_ADVERBS]
            self.known[index] = bool(words) and words[0] in self.pronouns
        return self.known[index]


#: What opens an apposition after a speaker's name: a comma, a bracket, "from", "of", "at".
_APPOSITION_OPENS = re.compile(r"\s*(?:[,(]|[ \t][-–—][ \t]|(?:from|of|at|vom|von|der|des)\b)", re.IGNORECASE)
#: A preposition, and any titles, right before a name: the name is an apposition's object, no subject
#: ("adviser to President Vladimir Putin").
_GOVERNED_NAME = re.compile(r"\b(?:to|of|for|with|at|from|by)[ \t]+(?:[A-Z][a-z]*\.?[ \t]+){0,2}\Z")


def _verb_after_apposition(
    text: str, name_end: int, s_end: int, verbs: set[str], other_people: Sequence[Mention]
) -> bool:
    """Whether an apposition follows the name and a verb of saying follows it, within a dozen words and
    before any other person ('"…," Fathi Bin Shatwan, Libya's oil minister, told Reuters'; '"…," Emmanuel
    Ferry, from Exane BNP Paribas told Reuters'; '"…," Andrei Illarionov - then economic adviser to President
    Vladimir Putin - told a press conference', where a person a preposition governs is no other subject)."""
    rest = text[name_end:s_end]
    if not _APPOSITION_OPENS.match(rest):
        return False
    for n, word in enumerate(re.finditer(r"\w+", rest)):
        if n >= 12:
            return False
        if word.group().lower() in verbs:
            at = name_end + word.start()
            return not any(
                name_end <= p.start < at and not _GOVERNED_NAME.search(text, name_end, p.start) for p in other_people
            )
    return False


def _cue_end(text: str, last: Sentence, following: Sentence | None, verbs: Set[str] = frozenset()) -> int:
    """Where the sentence that ends a quote ends: a quote closing on its own "?" or "!" or "." is cut off
    as a sentence by the segmenter, and its cue, which goes on in lower case ('"… done?" he said.'),
    or names the speaker and a verb of saying within its first words ('"… about doping?" Dechy said.'),
    is the next "sentence"."""
    if following is None or following.paragraph != last.paragraph:
        return last.end
    head = text[following.start : following.end].lstrip(" \"'”’“")
    if head[:1].islower():
        return following.end
    # (right after the closing mark and short: '"…?" Dechy said.', not narration that reports more words:
    # '"… why it's there." Kuznetsova says the stimulant may have been in a cold remedy she took.')
    # Nor a sentence that opens a quote or introduces the next one ('"…." Collins said: "…"'), whose cue it is.
    right_after = not text[last.end : following.start].strip(" \"'”’“»«")
    sentence = text[following.start : following.end].strip()
    words = _words(head)
    if (
        right_after
        and sentence[:1].isalpha()
        and not any(c in sentence for c in ':"“”„«»')
        and len(words) <= _CUE_SENTENCE_WORDS
        and any(w in verbs for w in words)
    ):
        return following.end
    return last.end


#: How many words a sentence after a quote may have to be its cue ("Dechy said.", "Nottingham City Councillor
#: Brian Parbutt said.", "Mr Blair told BBC Radio Five Live.").
_CUE_SENTENCE_WORDS = 8


#: Words a teaser must repeat from the body, at least.
TEASER_MIN_WORDS = 5


def _teasers(
    quotes: list[Quote],
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    entity_of: Mapping[tuple[str, int, int], str],
    entities: Mapping[str, Entity],
) -> list[Quote]:
    """Rule 8: a quote opening the article, attributed by no rule, takes the speaker the body gives its words."""
    by_id = {a.id: a for a in articles}
    out = list(quotes)
    for i, q in enumerate(out):
        article = by_id.get(q.article)
        if q.speaker is not None or article is None or _words(article.text[: max(0, q.start - 1)]):
            continue  # attributed, or not at the head of the article
        words = q.text.strip().rstrip(".!?…,;:").strip()
        if len(_words(words)) < TEASER_MIN_WORDS:
            continue
        at = article.text.find(words, q.end + 1)
        speaker = None
        if at >= 0:
            quoted = next((o for o in out if o.article == q.article and o.start <= at < o.end and o.speaker), None)
            speaker = quoted.speaker if quoted is not None else None
            if speaker is None:
                speaker = _reported_speaker(article, extractions[q.article], at, entity_of, entities)
        if speaker is None:
            speaker = _described_in_body(q, article, extractions[q.article], entity_of, entities)
        if speaker is not None:
            out[i] = replace(q, speaker=speaker, cue="teaser")
    return out


def _described_in_body(
    q: Quote,
    article: Article,
    ex: Extraction,
    entity_of: Mapping[tuple[str, int, int], str],
    entities: Mapping[str, Entity],
) -> str | None:
    """A teaser's speaker by a description ('"Die Ansichten liegen zu weit auseinander", sagt der ehemalige
    Präsidentschaftskandidat. Washington – Der US-Republikaner Marco Rubio will nicht … unter Donald Trump …'):
    the first person the body names after the teaser's own sentence, its subject in news prose, as
    :func:`_antecedent` has it."""
    verbs = set(SPEECH_VERBS.get(article.language, SPEECH_VERBS["en"]))
    sentence = next((s for s in ex.sentences if s.start <= q.end <= s.end), None)
    if sentence is None or _description_head("", article.text[q.end : sentence.end], verbs) is None:
        return None
    people = sorted(
        (m.start, entity_of[m.key])
        for m in ex.mentions
        if m.start >= sentence.end and m.key in entity_of and entities[entity_of[m.key]].type == "person"
    )
    return people[0][1] if people else None


_REPORTED_BEFORE = {
    "de": re.compile(r",\s*(?:so|sagte|sagt|erklärte|betonte|meinte)\s+(?:[\w-]+\s+){0,3}\Z"),
    "en": re.compile(r",\s*(?:said|says|according\s+to)\s+(?:[\w-]+\s+){0,3}\Z"),
}


def _reported_speaker(
    article: Article,
    ex: Extraction,
    at: int,
    entity_of: Mapping[tuple[str, int, int], str],
    entities: Mapping[str, Entity],
) -> str | None:
    """The one person the sentence at ``at``, or else the sentence before it, credits with its words
    after ", so" or a verb of saying ("…, so Richter Oliver Schoßwohl")."""
    pattern = _REPORTED_BEFORE.get(article.language, _REPORTED_BEFORE["en"])
    here = next((s for s in ex.sentences if s.start <= at < s.end), None)
    if here is None:
        return None
    for index in (here.index, here.index - 1):
        sent = next((s for s in ex.sentences if s.index == index), None)
        if sent is None:
            continue
        found = {
            entity_of[m.key]
            for m in ex.mentions
            if sent.start <= m.start < sent.end
            and m.key in entity_of
            and entities[entity_of[m.key]].type == "person"
            and pattern.search(article.text[sent.start : m.start])
        }
        if len(found) == 1:
            return found.pop()
    return None


def _lead_ins(
    quotes: list[Quote], extractions: Mapping[str, Extraction], articles: Mapping[str, Article]
) -> list[Quote]:
    """A quote with no cue, right before a quote of the same paragraph attributed by a cue after it,
    is the same speaker's ("Quote A. "Quote B," said X."): news prose names the speaker once, at the end.
    Not a quote whose own cue names a body that rule 9 could not tell ('"…," said the group.', '"…," it
    added'): a body spoke, not the person the next quote's cue names."""
    out = list(quotes)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.speaker is not None or q.article != nxt.article or nxt.speaker is None:
            continue
        if nxt.cue not in ("after", "lead-in"):
            continue
        if (art := articles.get(q.article)) is not None and _cue_names_a_body(art.text, q.end, art.language):
            continue
        sentences = {s.index: s for s in extractions[q.article].sentences}
        here, there = sentences.get(q.sentence), sentences.get(nxt.sentence)
        if here is None or there is None or here.paragraph != there.paragraph or nxt.sentence - q.sentence > 2:
            continue
        out[i] = replace(q, speaker=nxt.speaker, cue="lead-in")
    return out


#: A cue right after a quote's closing mark that names no one but a body: '"…," said the group', '"…," it said',
#: '"…," the company added' (group 1: the body's noun; none for "it").
_OWN_CUE_AFTER = re.compile(
    r"[,.!?]?[\"”“'’»«]?[ \t]+(?:(?:said|says|added)[ \t]+the((?:[ \t]+[\w-]+){1,4}?)(?=[ \t]*[.,;:!?]|[ \t]+in\b)"
    r"|it[ \t]+(?:said|says|added)\b|the((?:[ \t]+[\w-]+){1,4}?)[ \t]+(?:said|says|added)\b)"
)


def _cue_names_a_body(text: str, end: int, language: str) -> bool:
    """Whether the quote ending at ``end`` has its own cue, right after it, whose subject is "it" or a body's
    class noun ('"…," said the group'): a body spoke, which the next quote's cue does not name."""
    cue = _OWN_CUE_AFTER.match(text, end)
    if cue is None:
        return False
    phrase = cue.group(1) or cue.group(2)
    if phrase is None:
        return True  # "it said"
    return _body_noun(phrase.split()[-1], language)  # the head: "the search giant", not "the giant winger"


def _body_noun(word: str, language: str) -> bool:
    """Whether ``word`` is a noun for a kind of body ("firm", "group", "watchdog", "bank")."""
    return is_class_noun(word, language) or word in ENGLISH_BUSINESS_NOUNS


#: An unnamed spokesperson as the subject of a verb of saying ("a spokesman", "eine Sprecherin",
#: "ein Unternehmenssprecher"); an article or determiner before it, no name after it.
_SPOKESPERSON = re.compile(
    r"\b(?:a|an|the|its|ein|eine|einer|der|die|ihr|ihre)\s+(?:\w+\s+)?"
    r"(?:spokes(?:man|woman|person)|\w*sprecher(?:in)?)\b(?!\s+(?:for|of|des|der|von|vom)\b)",
    re.IGNORECASE,
)


def _organisation_subject(cue: str, verbs: set[str]) -> str | None:
    """The words that make an organisation that is not named the subject of an English cue's verb of saying:
    "it" right before the verb, or "the" and a class noun of organisations right before or after it ("the
    company said", "said the firm": :func:`generator.lexicon.is_class_noun`); None when there are none."""
    tokens = re.findall(r"[\w'’-]+", cue)
    for i, token in enumerate(tokens):
        if token.lower() not in verbs:
            continue
        before, after = tokens[max(0, i - 2) : i], tokens[i + 1 : i + 3]
        if before[-1:] and before[-1].lower() == "it":
            return "it"
        for pair in (before, after):
            if len(pair) == 2 and pair[0].lower() == "the" and is_class_noun(pair[1], "en"):
                return f"the {pair[1]}"
    return None


def _spokesperson_of(
    text: str,
    q_start: int,
    q_end: int,
    sent: Sentence,
    s_end: int,
    speakers: Sequence[Mention],
    verbs: set[str],
    entity_of: Mapping[tuple[str, int, int], str],
    people: set[str],
    language: str = "en",
    sentence_of: Mapping[int, Sentence] | None = None,
    mentions: Sequence[Mention] = (),
) -> str | None:
    """Rule 7: whose unnamed spokesperson speaks -- the only organization the nearest earlier sentence names.
    So does, in English, an organisation named by a class noun or by "it" as the verb's subject ('"…," the
    company said', '"…," it added'), when nothing else in that sentence may be a company: no other name but
    places the gazetteer knows, and no capitalised word but its first outside the names (``mentions``, all
    of the article's). "Microsoft is seeking damages from OptInRealBig" names a second company the model
    took for a place, and "the company said" may be either."""
    lead, tail = text[sent.start : q_start], text[q_end:s_end]
    cues = (lead, tail[: len(tail) // 2 + 40])
    spokesperson = any(_SPOKESPERSON.search(cue) and any(w in verbs for w in _words(cue)) for cue in cues)
    subjects = [found for cue in cues if (found := _organisation_subject(cue, verbs))] if language == "en" else []
    if not spokesperson and not subjects:
        return None
    if any(sent.start <= m.start < s_end and not (q_start <= m.start < q_end) for m in speakers):
        return None  # a name in the sentence itself: the other rules judged it
    earlier = [m for m in speakers if m.sentence < sent.index]
    if not earlier:
        return None
    nearest = max(m.sentence for m in earlier)
    named = {entity_of[m.key] for m in earlier if m.sentence == nearest}
    if not spokesperson and not named - people and any(s.startswith("the ") for s in subjects):
        # '"…," the company said' after sentences that name no organisation ("However, the firm said it
        # expected ..."): the organisation the article is about, named more than twice as often as any other.
        return _main_organisation(earlier, entity_of, people)
    if len(named) != 1 or named & people:
        return None
    if not spokesperson:
        before = (sentence_of or {}).get(nearest)
        organisation = next(iter(named))
        in_it = [m for m in mentions if m.sentence == nearest]
        others = [m for m in in_it if entity_of.get(m.key) != organisation]
        if before is None or any(not (m.entity_hint or "").startswith("geonames:") for m in others):
            return None
        if _unnamed_capitals(text, before, [(m.start, m.end) for m in in_it]):
            return None
    return named.pop()


def _main_organisation(
    earlier: Sequence[Mention], entity_of: Mapping[tuple[str, int, int], str], people: set[str]
) -> str | None:
    """The organisation the text before a quote names most, at least twice and more than twice as often as any
    other: what "the company" of a business story is."""
    counts = Counter(entity_of[m.key] for m in earlier if entity_of[m.key] not in people)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] <= 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _unnamed_capitals(text: str, sentence: Sentence, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether an English sentence has a capitalised word, other than its first, outside every name found in it."""
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", text[sentence.start : sentence.end]))
    for word in words[1:]:
        at = sentence.start + word.start()
        if word.group()[:1].isupper() and not any(start <= at < end for start, end in spans):
            return True
    return False


def _reported_before(
    index: int,
    speakers: Sequence[Mention],
    entity_of: Mapping[tuple[str, int, int], str],
    people: set[str],
    sentences: _Sentences,
) -> str | None:
    """Rule 6, reported speech: the person the sentence right before a quote reports ("Director Anurag Kashyap
    said the film's release should not be delayed. "If you have not gone against the book, …"": news
    paraphrases a speaker, then quotes them), when that sentence names them beside its verb of saying
    (:meth:`_Sentences.reporter`)."""
    named = sorted(
        (m for m in speakers if m.sentence == index - 1 and entity_of[m.key] in people), key=lambda m: m.start
    )
    reporter = sentences.reporter(index - 1, named) if named else None
    if isinstance(reporter, Mention):
        return entity_of[reporter.key]
    before = sentences.sentences.get(index - 1)
    if not named and before is not None and sentences.subject_reports(index - 1):
        # "The 31-year-old insisted he will be happy if he is charged. "If a decision is taken …"": a pronoun
        # or an age as the reporting sentence's subject, who is the person the sentences before are about.
        return _antecedent(speakers, before.start, entity_of, people, sentences)
    return None


#: A preposition right before a name ("capped by Gerrard's drive").
_PREPOSITION_BEFORE_EN = re.compile(r"\b(?:by|of|for|with|to|from|at|against|on|in|over)\s+\Z", re.IGNORECASE)


def _oblique(m: Mention, sentences: _Sentences | None) -> bool:
    """Whether an English name stands in a genitive after a preposition ("a comeback capped by Gerrard's
    20-yard drive"): no subject, so no antecedent of the next sentence's pronoun."""
    if sentences is None:
        return False
    text = sentences.text
    return (
        text.startswith(("'s", "’s"), m.end)
        and _PREPOSITION_BEFORE_EN.search(text, max(0, m.start - 12), m.start) is not None
    )


def _antecedent(
    speakers: Sequence[Mention],
    q_start: int,
    entity_of: Mapping[tuple[str, int, int], str],
    people: set[str],
    sentences: _Sentences | None = None,
) -> str | None:
    """Whom a pronoun before or after a quote refers to: the first person named in the nearest sentence
    before the quote that names one (the subject of that sentence, in news prose), names inside quotes and in a
    genitive after a preposition (:func:`_oblique`: "capped by Gerrard's drive") aside;
    in a sentence that reports someone's words, the person beside its verb of saying, and no one when no
    person stands there (:meth:`_Sentences.reporter`).
    A sentence whose subject is itself a pronoun (:meth:`_Sentences.pronoun_led`: "He said they would not have been matched
    to Mr Houston") names its people elsewhere than as subject: the chain goes on to the sentence before."""
    prior = [m for m in speakers if m.end <= q_start and entity_of[m.key] in people and not _oblique(m, sentences)]
    indexes = sorted({m.sentence for m in prior}, reverse=True)
    if not indexes:
        return None
    chosen = next((i for i in indexes if sentences is None or not sentences.pronoun_led(i)), indexes[0])
    named = sorted((m for m in prior if m.sentence == chosen), key=lambda m: m.start)
    if sentences is not None:
        reporter = sentences.reporter(chosen, named)
        if reporter is not False:
            return entity_of[reporter.key] if isinstance(reporter, Mention) else None
    return entity_of[named[0].key]


def _closing_speaker(
    text: str,
    after: Sequence[Mention],
    s_end: int,
    entity_of: Mapping[tuple[str, int, int], str],
    people: Set[str],
    verbs: Set[str],
) -> str | None:
    """The person named after a quote right before a verb of saying, in a clause of at most
    :data:`_CLOSING_WORDS` words that ends the sentence ("..., Mr Balls told the BBC."), or None."""
    for m in after:
        if entity_of.get(m.key) not in people:
            continue
        rest = _words(text[m.end : s_end])
        if rest[:1] and rest[0] in verbs and len(rest) <= _CLOSING_WORDS:
            return entity_of[m.key]
    return None


#: The most words after the speaker's name in a sentence's closing "X told the BBC".
_CLOSING_WORDS = 6


def _speaker(
    article: Article,
    q_start: int,
    q_end: int,
    s_start: int,
    s_end: int,
    speakers: Sequence[Mention],
    verbs: set[str],
    pronouns: set[str],
    entity_of: Mapping[tuple[str, int, int], str],
    people: set[str],
    sentences: _Sentences | None = None,
) -> tuple[str | None, str]:
    """The speaker of the quote ``text[q_start:q_end]`` by the documented rules (module docstring), or None.
    ``sentences``: what the article's sentences say of their subjects (:func:`_antecedent`)."""
    text = article.text
    outside = [m for m in speakers if not (q_start <= m.start < q_end)]
    # 2. Cue after the quote: verb of saying, then a name (role words may stand between).
    after = [m for m in outside if q_end <= m.start < s_end]
    if after:
        m = after[0]
        between = _words(text[q_end : m.start])
        # '"…," he told the CBS programme': a pronoun is the subject, the name after the verb whom it was told.
        pronoun_subject = bool(between) and between[0] in pronouns
        # '"…," Souness told BBC Sport', '"…," The company told Reuters': in English a capitalised word
        # before the verb is its subject, named or not, and the name after the verb only heard the words.
        first = re.match(r"[^\w]*(\w+)", text[q_end : m.start])
        named_subject = (
            article.language == "en"
            and first is not None
            and first.group(1)[:1].isupper()
            and first.group(1).lower() not in verbs
        )
        if any(w in verbs for w in between) and len(between) <= 12 and not pronoun_subject and not named_subject:
            # "sagte der Sprecher des US-Außenministeriums, Vedant Patel": the person
            # in apposition to an organization is the speaker.
            if m.key in entity_of and entity_of[m.key] not in people:
                for n in after[1:3]:
                    gap_words = _words(text[m.end : n.start])
                    # (or a longer description in lower case: 'said Tory shadow local government secretary
                    # Caroline Spelman')
                    described = len(gap_words) <= 6 and re.fullmatch(r"[a-z -]+", text[m.end : n.start]) is not None
                    if entity_of[n.key] in people and (len(gap_words) <= 3 or described):
                        return entity_of[n.key], "after"
            noun = _MODIFIES_NOUN.match(text, m.end)
            if entity_of.get(m.key) in people or noun is None or noun.group(1) not in _PERSON_AFTER_BODY:
                return entity_of[m.key], "after"
            # '"…," said the Chelsea star.': the club only tells which star; the description speaks (below).
            # ('"…," said a Vodafone spokesman.' is the company's, as rule 7 has it.)
        # ... or the name, then the verb ('"…," state prosecutor Alexis Ortiz told Reuters').
        # A title before the name is part of how it is written, not of the gap ('"…," Mr Wong said').
        raw_gap = re.sub(
            r"\b(?:" + "|".join(sorted(TITLES)) + r")\b\.?\s*\Z", "", text[q_end : m.start], flags=re.IGNORECASE
        )
        gap = _words(raw_gap)
        tail = _words(text[m.end : m.end + 25])[:2]
        if tail[:1] == ["s"] and len(tail) > 1 and tail[1] in _STATEMENTS:
            # '"…," Mr Tanzi's statement said': the words are the person's, written.
            tail = _words(text[m.end : m.end + 40])[2:4]
        governing = _GOVERNING.get(article.language, frozenset())
        if len(gap) <= 4 and raw_gap == raw_gap.lower() and not (gap and gap[-1] in governing):
            if any(w in verbs for w in tail):
                return entity_of[m.key], "after"
            if _verb_after_apposition(text, m.end, s_end, verbs, [n for n in after[1:] if entity_of[n.key] in people]):
                return entity_of[m.key], "after"
        # ... or a longer description whose last words are the person's name, then the verb ('"…," the
        # minister for civil aviation Praful Patel said', '"…," National Bureau of Statistics chief Li
        # Deshui told Reuters'); not a name governed by a preposition ('"…," a friend of Jones said').
        person = next((n for n in after[:4] if entity_of[n.key] in people), None)
        if person is not None:
            lead = _words(text[q_end : person.start])
            opened = text[q_end : person.start].lstrip(" ,\"'”’»«“")
            if (
                0 < len(lead) <= 10
                and not re.search(r"[.!?;:]", opened)
                and not any(w in verbs or w in pronouns for w in lead)
                and lead[-1] not in governing
                and any(w in verbs for w in _words(text[person.end : person.end + 25])[:2])
            ):
                return entity_of[person.key], "after"
    # 4. Pronoun after the quote: „…“, sagte sie / "…," he added.
    tail_words = _words(text[q_end : min(s_end, q_end + 40)])[:3]
    if any(w in verbs for w in tail_words[:3]) and tail_words and tail_words[0] in pronouns | verbs:
        if any(w in pronouns for w in tail_words):
            speaker = _antecedent(outside, q_start, entity_of, people, sentences)
            if speaker is not None:
                return speaker, "pronoun"
    # 3. Cue before the quote within the sentence: name ... verb ... quote.
    before = [m for m in outside if s_start <= m.start and m.end <= q_start]
    lead_words = _words(text[s_start:q_start])
    # A pronoun subject of the verb of saying ("he bitterly said that …") refers back, whatever is named after it.
    # Only a person named before the pronoun may be what it refers to ("Asked whether the BBC should have
    # screened it he said: …" is the person of the sentences before).
    for i, w in enumerate(lead_words):
        if w in pronouns and any(v in verbs for v in lead_words[i + 1 : i + 3]):
            named_before = [
                m for m in before if entity_of[m.key] in people and len(_words(text[s_start : m.start])) <= i
            ]
            if not named_before:
                speaker = _antecedent(outside, s_start, entity_of, people, sentences)
                if speaker is not None:
                    return speaker, "pronoun"
            # A name after the pronoun's verb is whom the words were said to ("He told BBC Sport: …").
            before = [m for m in before if len(_words(text[s_start : m.start])) <= i]
            if w in _PERSONAL_PRONOUNS:
                # "O'Connor claimed Labour had …, but he said: …": "he" is a person, never the party between.
                before = [m for m in before if entity_of[m.key] in people]
            break
    else:
        # A pronoun subject opening the sentence, its verb of saying coordinated right before the quote
        # ("He hinted at discontent with the industry, and said: …"), and no person named between.
        opening = [w for w in lead_words[:2] if w not in _SENTENCE_ADVERBS][:1]
        # Or any verb and a colon right before the quote ("He also praised the film director: …"): the
        # colon gives the subject's words, unless they were written ("He read from her letter: …").
        colon_led = (
            _COLON_BEFORE.search(text, s_start, q_start) is not None
            and len(lead_words) <= 12
            and not any(w in _STATEMENTS or w in _READING for w in lead_words)
        )
        if (
            opening
            and opening[0] in pronouns
            and (any(v in verbs for v in lead_words[-2:]) or colon_led)
            and not any(entity_of[m.key] in people for m in before)
        ):
            speaker = _antecedent(outside, s_start, entity_of, people, sentences)
            if speaker is not None:
                return speaker, "pronoun"
    if before:
        # 'Leitl: "Wer eine Arbeitszeitverkürzung will, …"': a person's name opening the sentence, a colon,
        # the quote (how headlines and interviews attribute words, with no verb).
        m = before[-1]
        # (After a description of a few words with no verb or preposition: "Manchester United boss Sir Alex
        # Ferguson: …", as match reports give the managers' words.)
        lead = _words(text[s_start : m.start])
        governing = _GOVERNING.get(article.language, frozenset())
        if (
            entity_of[m.key] in people
            and _NAME_COLON.fullmatch(text[m.end : q_start])
            and (
                len(lead) <= 2
                or (len(lead) <= 6 and not any(w in verbs or w in pronouns or w in governing for w in lead))
            )
        ):
            return entity_of[m.key], "before"
        # The nearest name followed by a verb of saying ("Putin räumte ... ein, dass »…«").
        for k in range(len(before) - 1, -1, -1):
            m = before[k]
            if any(w in verbs for w in _words(text[m.end : q_start])):
                near = [w for w in _words(text[max(s_start, m.start - 20) : m.start]) if w not in ("the", "der", "die")]
                if entity_of[m.key] not in people and near and near[-1] in governing - _CONJUNCTIONS and k > 0:
                    # "Mr Nattrass, apparently talking about the EU, telling the meeting: …": a body after a
                    # preposition is no subject; the name before it may be.
                    continue
                # "Colin Asplin, Blackpool Hotel Association said:" -- the person before an
                # organization in apposition is the speaker.
                if entity_of[m.key] not in people and k > 0:
                    n = before[k - 1]
                    if entity_of[n.key] in people and _apposition(text[n.end : m.start]):
                        return entity_of[n.key], "before"
                    # "Mr Houston was quoted in the Herald newspaper saying:": the newspaper only printed it.
                    if entity_of[n.key] in people and _QUOTED_IN.search(text[n.end : m.start]):
                        return entity_of[n.key], "before"
                return entity_of[m.key], "before"
        m = before[-1]
        lead = _words(text[s_start : m.start])
        last = [i for i, w in enumerate(lead[-4:]) if w in verbs]
        # "hatte der Sprecher ..., Matthew Miller, gedroht", "according to Susanne Risse"; not a name that a
        # conjunction or a preposition after the verb governs ('The party asserts that Mr Hockney "has a moral
        # obligation"', 'one insider pointed out to the BBC News website that "…"').
        between = lead[-4:][last[-1] + 1 :] if last else []
        if between[:1] == ["to"] and lead[-4:][last[-1]] == "according":
            between = between[1:]
        if last and not any(w in _SUBORDINATING or w in _GOVERNING.get(article.language, ()) for w in between):
            return entity_of[m.key], "before"
    # 5. Same sentence: one speaker before the quote, and a verb of saying after that name; unless a person
    # after the quote says it, in the clause that ends the sentence ('Gordon Brown's decision ... was a
    # "sensible thing to do", since he was talking about skills, Mr Balls told the BBC.').
    if before:
        names = {entity_of[m.key] for m in before}
        if len(names) == 1 and any(w in verbs for w in _words(text[before[0].end : s_end])):
            closing = _closing_speaker(text, after, s_end, entity_of, people, verbs)
            return (closing, "after") if closing is not None else (names.pop(), "sentence")
    # 9. A description as the subject ('"…," said the 28-year-old', 'The prop said: "…"'), with no person
    # named in the sentence: a body may modify its noun ('"…," says the Waterford man') or stand elsewhere in
    # it ('The 31-year-old admitted interest in the Lions tour was immense, calling it "…"'), but a name is
    # no noun of a description ('"…," the letter from Qwest said').
    named_after = [m for m in outside if q_end <= m.start < s_end]
    if not any(entity_of[m.key] in people for m in [*before, *named_after]):
        head = _description_head(text[s_start:q_start], text[q_end:s_end], verbs)
        if head is not None and not any(head in m.text.lower().split() for m in [*before, *named_after]):
            speaker = _described(text, head, outside, q_start, entity_of, people, sentences)
            if (
                speaker is None
                and _body_noun(head, article.language)
                and not (article.language == "en" and head.endswith("s"))  # "the companies said": more than one
            ):
                speaker = _described_body(text, head, outside, q_start, entity_of, people)
            if speaker is not None:
                return speaker, "description"
    return None, "none"


def _described_body(
    text: str,
    head: str,
    speakers: Sequence[Mention],
    q_start: int,
    entity_of: Mapping[tuple[str, int, int], str],
    people: set[str],
) -> str | None:
    """Whom a description by a body's class noun refers to ('"…," said the firm', "the company said"): the one
    organisation the article introduced by that very noun before the quote ("copy protection firm
    Macrovision"), else the story's main organisation (:func:`_main_organisation`: an article about EMI, "the
    company added"); none where that is unclear."""
    earlier = [m for m in speakers if m.end <= q_start]
    by_noun = {
        entity_of[m.key]
        for m in earlier
        if entity_of[m.key] not in people
        and re.search(rf"\b{re.escape(head)}s?,?[ \t]+\Z", text[max(0, m.start - 40) : m.start], re.IGNORECASE)
    }
    if len(by_noun) == 1:
        return by_noun.pop()
    return _main_organisation(earlier, entity_of, people)


#: Words that open a clause whose subject is not the speaker ("asserts that Mr Hockney ...", "recalls how").
_SUBORDINATING = frozenset("that how whether if why what when dass ob wie warum".split())


#: Subject pronouns that only a person can be (German "er" and "sie" stand for nouns of any kind too).
_PERSONAL_PRONOUNS = frozenset({"he", "she"})
#: Subjects of a reporting sentence that only a person is ("er" mostly is one where a verb of saying follows).
_PERSON_SUBJECTS = _PERSONAL_PRONOUNS | {"er"}

#: A colon and an opening quotation mark ending the text before a quote.
_COLON_BEFORE = re.compile(r":\s*[\"„“”»«‚‘'’]?\s*\Z")
#: Words that make a colon's quote someone's writing, read out or shown, not the subject's words.
_READING = frozenset("read reads reading wrote writes written sign banner headline slogan words".split())

#: Between a name and its quote in a headline's attribution: a colon and an opening quotation mark.
_NAME_COLON = re.compile(r"\s*:\s*[\"„“”»«‚‘'’]?\s*")

#: What a person's written words come in, as the subject of a verb of saying ("Mr Tanzi's statement said").
#: A lower-case noun that ends the clause right after a name: the name modifies it ("the Chelsea star.",
#: "the Sale player,").
_MODIFIES_NOUN = re.compile(r"[ \t]+([a-z][\w-]*)[ \t]*[.,;!?]")
#: Nouns for a person of a body, after its name ("the Chelsea star", "the Sale player", "the Waterford man");
#: not its spokesperson, who speaks for it.
_PERSON_AFTER_BODY = (PERSON_NOUNS_EN | {"man", "woman", "player", "manager"}) - {
    "spokesman",
    "spokeswoman",
    "spokesperson",
}
_STATEMENTS = frozenset("statement letter message note email e-mail blog post tweet memo".split())

#: A description of a person as the subject of a verb of saying: the article, up to four words, the head.
_DESCRIPTION = r"(?:the|der|die)\s+((?:[\w'-]+\s+){0,4}?)([\w-]+)"


def _description_head(lead: str, tail: str, verbs: set[str]) -> str | None:
    """The head noun of a definite description that speaks: after the quote ('", said the top seed',
    '", the presenter said', '", sagte der Trainer') or before it ('The prop said: "').
    English descriptions are lower case; German ones are nouns."""
    after_pattern, before_pattern = _description_patterns(frozenset(verbs))
    after = after_pattern.match(tail)
    if after is not None:
        return (after.group(2) or after.group(4)).lower()
    lead = lead.rstrip(" \"“„»«‘'")
    before = before_pattern.search(lead)
    return before.group(2).lower() if before is not None else None


@lru_cache(maxsize=16)
def _description_patterns(verbs: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of a description after a quote and before one, for one language's verbs of saying (built
    once: every quote of a build asks)."""
    verb = "|".join(sorted(re.escape(v) for v in verbs))
    return (
        re.compile(
            rf"[\s,\"”“»«’']*(?:(?:{verb})\s+{_DESCRIPTION}\s*[.,;!?]|{_DESCRIPTION}\s+(?:{verb})\b)", re.IGNORECASE
        ),
        re.compile(rf"(?:^|[.!?]\s+|,\s+)\W*{_DESCRIPTION}\s+(?:{verb})\b[^\"“„»«]*$", re.IGNORECASE),
    )


_AGE = re.compile(r"\d+-(?:year-old|jährige|jähriger)")
#: English heads of a description that name no role, only a person, and so refer back to the person the
#: sentences before are about, as an age does ('"…," says the Waterford man'): a role ("the judge") may
#: be someone the article never named.
_ANAPHORIC_HEADS = frozenset({"man", "woman"})


def _described(
    text: str,
    head: str,
    speakers: Sequence[Mention],
    q_start: int,
    entity_of: Mapping[tuple[str, int, int], str],
    people: set[str],
    sentences: _Sentences | None = None,
) -> str | None:
    """Whom a description refers to: the person the sentences before are about (:func:`_antecedent`), when
    the article also calls them so (the head word right before their name: "England coach Andy Robinson",
    "Prop Jones") or the description is an age ("the 28-year-old") or names no role (:data:`_ANAPHORIC_HEADS`:
    "the Waterford man"). "The top seed" after a sentence about
    Federer is not the "seventh seed Feliciano Lopez" of the sentence before."""
    subject = _antecedent(speakers, q_start, entity_of, people, sentences)
    if subject is None or _AGE.fullmatch(head) or head in _ANAPHORIC_HEADS:
        return subject
    called = {
        entity_of[m.key]
        for m in speakers
        if entity_of[m.key] in people
        and m.end <= q_start
        and re.search(
            rf"\b{re.escape(head)}[\s-]+(?:\w+\.?\s+)?\Z", text[max(0, m.start - 40) : m.start], re.IGNORECASE
        )
    }
    return subject if subject in called else None


#: A person's words printed by a medium: "was quoted in the", "wurde von der ... zitiert".
_QUOTED_IN = re.compile(r"\b(?:was|were|is|are|being)\s+quoted\s+(?:in|by)\b|\bquoted\s+(?:in|by)\b", re.IGNORECASE)

#: Words after which a name is governed, not the subject: prepositions and conjunctions, by language.
_GOVERNING = {
    "en": frozenset("of to for by with from at on in about and or than like".split()),
    "de": frozenset("von vom mit für an am bei beim zu zum über und oder als wie".split()),
}

#: The words of :data:`_GOVERNING` that join names rather than govern them ("Sotherton ..., and Kluft said").
_CONJUNCTIONS = frozenset("and or than like und oder als wie".split())

#: Words that tie a person to the organization after it ("Yang Jin vom Institut …", "Keir Giles of Chatham House").
_AFFILIATION = frozenset("vom von der des am an beim of the from at with".split())


def _apposition(gap: str) -> bool:
    """A comma and at most a few words, or only words of affiliation, between a person and an organization."""
    words = _words(gap)
    return ("," in gap and len(words) <= 3) or (0 < len(words) <= 2 and all(w in _AFFILIATION for w in words))
