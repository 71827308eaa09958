"""Voices round 29's rules (written on sample U's faults, each on sentences of our own): what was not
said, an apposition's owner, a plural office's pair, a body and its division, the first of a surname,
a man described after his words, a person named in their own words, and the kinds of a person's aides
and of a candidate's spokesperson."""

from __future__ import annotations

from dataclasses import replace

from broadsheet.brief.speakerof import described_again, first_of_the_surname, not_in_own_words, speaker_of
from broadsheet.brief.unsaid import no_words_said
from broadsheet.brief.voices import story_voices
from broadsheet.model import Analysis, Attribution, AttributionKind, Entity, Story, Voice
from test_brief_data import make_article


def _at(text: str, written: str, cue: str, words: str, *, speaker: str | None = None,
        key: str | None = None, nth: int = 0, role: str | None = None,
        kind: AttributionKind = "indirect") -> Attribution:
    """An attribution of ``words`` to the ``nth`` ``written`` mention of ``text`` (read as ``speaker``),
    its cue the first ``cue`` after that mention (or before the words)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(written, start + 1)
    after = text.find(cue, start)
    where = after if after >= 0 else text.index(cue)
    begin = text.index(words)
    name = speaker or written
    return Attribution(speaker=name, cue=cue, content=words, kind=kind, role=role,
                       canonical=key or name.lower(), speaker_span=(start, start + len(written)),
                       cue_span=(where, where + len(cue)), content_span=(begin, begin + len(words)))


def _entity(text: str, name: str, label: str = "PERSON", nth: int = 0,
            canonical: str | None = None) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Entity(name, label, canonical or name, (start, start + len(name)))


def _voices(text: str, attributions: tuple[Attribution, ...],
            entities: tuple[Entity, ...] = ()) -> list[Voice]:
    article = make_article("a", "Outlet", "t", [text])
    story = Story(id="s", title="t", article_ids=("a",))
    return list(story_voices(story, {"a": Analysis(article, attributions=attributions, entities=entities)}))


def test_a_cue_denied_in_the_past_or_the_perfect_says_nothing() -> None:
    for text, cue, words in (
            ("Ada Holt and her aides haven't said much about how she is preparing.", "said",
             "much about how she is preparing"),
            ("Ada Holt did not say how the plan would be paid for.", "say", "how the plan would be paid for"),
            ("Ada Holt has never said that the plan would be paid.", "said", "the plan would be paid")):
        assert no_words_said(_at(text, "Ada Holt", cue, words), text), text
    for text, cue, words in (("Ada Holt could not say whether the plan would work.", "say",
                              "whether the plan would work"),
                             ("Ada Holt doesn't deny that the plan is bold.", "deny", "the plan is bold"),
                             ("Ada Holt said she had not said so.", "said", "she had not said so")):
        assert not no_words_said(_at(text, "Ada Holt", cue, words), text), text


def test_the_cue_and_an_adverb_are_no_words_but_a_one_word_answer_is() -> None:
    text = "Pretty much the same, right? According to Plains News, basically."
    cue = _at(text, "Plains News", "According to", "According to Plains News, basically")
    assert no_words_said(cue, text)
    answer = "\"Absolutely,\" Ada Holt said."
    assert not no_words_said(_at(answer, "Ada Holt", "said", "Absolutely"), answer)


def test_an_indefinite_description_read_for_who_is_the_person_it_is_the_apposition_of() -> None:
    text = "Among them was Ivo Dahl, a clerk at the State Department who told his staff never to speak of it."
    who = _at(text, "who", "told", "his staff never to speak of it",
              speaker="a clerk at the State Department", key="a clerk at the state department")
    found = speaker_of(who, text, (_entity(text, "Ivo Dahl"),))
    assert found is not None and found[0] == "Ivo Dahl" and found[2] == "a clerk at the State Department"
    assert (speaker_of(who, text, ()) or ("",))[0] != "Ivo Dahl"
    longer = replace(who, speaker="a clerk at the State Department who told his staff")
    assert (speaker_of(longer, text, (_entity(text, "Ivo Dahl"),)) or ("", "", ""))[2] == \
        "a clerk at the State Department"
    clause = "It is a poor deal for Ivo Dahl, a second person said."
    second = _at(clause, "a second person", "said", "It is a poor deal for Ivo Dahl")
    assert (speaker_of(second, clause, (_entity(clause, "Ivo Dahl"),)) or ("",))[0] == "a second person"


def test_a_plural_office_is_the_one_pair_named_before_it_in_its_sentence() -> None:
    text = ("But Ms. Holt and Mr. Dahl said builders had stretched the rules, which the senators said "
            "was a gerrymander.")
    people = (_entity(text, "Holt"), _entity(text, "Dahl"))
    found = speaker_of(_at(text, "the senators", "said", "was a gerrymander"), text, people)
    assert found is not None and found[0] == "Ms. Holt and Mr. Dahl" and found[1] == "holt dahl"
    assert found[3] == "senator"
    officials = speaker_of(_at(text, "the senators", "said", "was a gerrymander", speaker="the officials",
                               key="officials"), text.replace("senators", "officials"), people)
    assert officials is None or officials[0] != "Ms. Holt and Mr. Dahl"


def test_the_agency_is_the_body_written_first_where_the_other_is_what_it_is_part_of() -> None:
    text = ("Officials at Holt Investigations, a division of the Plains Agency, were worried. In a memo, "
            "the agency suggested that the program end.")
    bodies = (_entity(text, "Holt Investigations", "ORG"), _entity(text, "the Plains Agency", "ORG"))
    found = speaker_of(_at(text, "the agency", "suggested", "the program end"), text, bodies)
    assert found is not None and found[0] == "Holt Investigations"
    apart = text.replace(", a division of", " and")
    bodies = (_entity(apart, "Holt Investigations", "ORG"), _entity(apart, "the Plains Agency", "ORG"))
    found = speaker_of(_at(apart, "the agency", "suggested", "the program end"), apart, bodies)
    assert found is None or found[0] == "the agency"


def test_a_bare_surname_is_the_first_of_two_named_in_full_unless_the_other_just_spoke() -> None:
    text = ("Sen. Ada Holt endorsed the plan. Critics attacked her husband, Ivo Holt. \"I will not stand "
            "for it,\" Holt said.")
    people = (_entity(text, "Ada Holt"), _entity(text, "Ivo Holt"))
    taken = _at(text, "Holt", "said", "I will not stand for it", speaker="Ivo Holt", key="ivo holt", nth=2)
    assert first_of_the_surname(taken, text, people).speaker == "Ada Holt"
    spoke = text.replace("Critics attacked her husband, Ivo Holt.", "Ivo Holt said his wife was right.")
    people = (_entity(spoke, "Ada Holt"), _entity(spoke, "Ivo Holt"))
    taken = _at(spoke, "Holt", "said", "I will not stand for it", speaker="Ivo Holt", key="ivo holt", nth=2)
    assert first_of_the_surname(taken, spoke, people).speaker == "Ivo Holt"
    titled = text.replace("\" Holt said", "\" Mr. Holt said")
    people = (_entity(titled, "Ada Holt"), _entity(titled, "Ivo Holt"))
    taken = _at(titled, "Holt", "said", "I will not stand for it", speaker="Ivo Holt", key="ivo holt", nth=2)
    assert first_of_the_surname(taken, titled, people).speaker == "Ivo Holt"
    short = text.replace("Sen. Ada Holt", "Sen. Joshua Holt").replace("her husband, Ivo Holt",
                                                                      "Josh Holt again")
    people = (_entity(short, "Joshua Holt"), _entity(short, "Josh Holt"))
    taken = _at(short, "Holt", "said", "I will not stand for it", speaker="Josh Holt", key="joshua holt",
                nth=2)
    assert first_of_the_surname(taken, short, people) is taken  # "Josh Holt" is "Joshua Holt": one person


def test_a_man_described_after_his_words_is_the_one_who_spoke_just_before() -> None:
    text = ("\"We will win,\" he said. \"They deserve better,\" said the man who built his career on "
            "the docks.")
    before = _at(text, "he", "said", "We will win", speaker="Ivo Dahl", key="ivo dahl")
    described = _at(text, "the man", "said", "They deserve better", key="man")
    assert described_again(described, before, text).speaker == "Ivo Dahl"
    plain = text.replace(" who built his career on the docks", "")
    described = _at(plain, "the man", "said", "They deserve better", key="man")
    assert described_again(described, before, plain).speaker == "the man"


def test_a_pronoun_is_not_the_person_its_own_words_speak_of() -> None:
    text = ("Few write songs for Ada Holt, which worries Ivo Dahl, head of the caucus. \"Nobody writes for "
            "her. Vale had a band,\" he said.")
    people = (_entity(text, "Ada Holt"), _entity(text, "Ivo Dahl"))
    taken = _at(text, "he", "said", "Nobody writes for her. Vale had a band", speaker="Tom Vale",
                key="tom vale", kind="direct")
    assert not_in_own_words(taken, text, people).speaker == "Ivo Dahl"
    own = _at(text, "he", "said", "Nobody writes for her. Vale had a band", speaker="Ivo Dahl",
              key="ivo dahl", kind="direct")
    assert not_in_own_words(own, text, people) is own
    ticket = text.replace("Vale had a band", "blame the Holt/Vale ticket")
    own = _at(ticket, "he", "said", "Nobody writes for her. blame the Holt/Vale ticket", speaker="Tom Vale",
              key="tom vale", kind="direct")
    assert not_in_own_words(own, ticket, people) is own
    mixed = _at(text, "he", "said", "Nobody writes for her. Vale had a band", speaker="Tom Vale",
                key="tom vale", kind="mixed")  # the writer's words and a quotation: the analysis's reading
    assert not_in_own_words(mixed, text, people) is mixed


def test_a_person_and_aides_take_the_persons_kind_and_a_candidates_spokesperson_is_no_official() -> None:
    text = ("Ada Holt spoke on Monday. Senator Holt was firm. Over the past days, Holt and her aides "
            "signalled that they would back the bill. Green Party candidate Ivo Dahl was escorted out. "
            "Dahl spokeswoman Eva Vale said the candidate had been invited.")
    aides = _at(text, "Holt and her aides", "signalled", "they would back the bill", key="holt aides")
    vale = _at(text, "Eva Vale", "said", "the candidate had been invited", role="Dahl spokeswoman")
    entities = (_entity(text, "Ada Holt"), _entity(text, "Holt", nth=1, canonical="Ada Holt"),
                _entity(text, "Holt", nth=2, canonical="Ada Holt"), _entity(text, "Ivo Dahl"),
                _entity(text, "Eva Vale"))
    kinds = {v.speaker: v.kind for v in _voices(text, (aides, vale), entities)}
    assert kinds == {"Holt and her aides": "official", "Eva Vale": "other"}
    office = text.replace("Green Party candidate Ivo Dahl", "Governor Ivo Dahl")
    vale = _at(office, "Eva Vale", "said", "the candidate had been invited", role="Dahl spokeswoman")
    assert [v.kind for v in _voices(office, (vale,), ())] == ["official"]
