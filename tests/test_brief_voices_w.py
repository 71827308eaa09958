"""Voices round 31's rules (written on sample W's faults, each on sentences of our own): a name's
lower-case particle, a memory opening a sentence, a title's word read into a body, a kind of body
written as a common noun, an office once served in, a party committee's staff, and a clause of time in
a description."""

from __future__ import annotations

from dataclasses import replace

from broadsheet.brief.speakernames import clean_speaker
from broadsheet.brief.speakerof import speaker_of
from broadsheet.brief.unsaid import no_words_said
from broadsheet.brief.voiceorgs import not_a_common_noun, not_cut_in
from broadsheet.stories.speakers import speaker_kind
from test_brief_voices_u import _at, _entity, _voices


def test_a_lower_case_particle_is_part_of_the_name() -> None:
    assert clean_speaker("Omar bin Hadi") == ("Omar bin Hadi", None)
    assert clean_speaker("Ibrahim al Dahl") == ("Ibrahim al Dahl", None)
    assert clean_speaker("Data storage provider Lumio Soft") == ("Lumio Soft", None)  # a description still
    text = "Omar bin Hadi declared war on the council. The council did not answer."
    found = speaker_of(_at(text, "Omar bin Hadi", "declared", "war on the council", key="omar hadi"), text)
    assert found is not None and found[0] == "Omar bin Hadi"


def test_a_memory_opening_a_sentence_is_no_words() -> None:
    text = "The vote is near. Recalling the losses of the last campaign, the party began spending early."
    assert no_words_said(_at(text, "the party", "Recalling", "the losses of the last campaign"), text)
    for text, words in (
            ("The vote is near. Recalling that the plan had failed, Ada Holt urged caution.",
             "that the plan had failed"),
            ("The vote is near. Recalling \"the worst night of my life,\" Ada Holt urged caution.",
             "\"the worst night of my life,\"")):
        assert not no_words_said(_at(text, "Ada Holt", "Recalling", words), text), text


def test_a_titles_first_word_is_no_part_of_the_body_before_it() -> None:
    assert not_cut_in("Plains Party Research Director", "Plains Party Research") == "Plains Party"
    union = "Lumio Workers Union"
    assert not_cut_in(f"{union} Policy Chief", f"{union} Policy") == union
    assert not_cut_in("Holt Research Center Director", "Holt Research Center") == "Holt Research Center"
    assert not_cut_in("Plains Party Research Director", "Plains Party") == "Plains Party"


def test_a_kind_of_body_written_only_as_a_common_noun_is_no_organisation() -> None:
    texts = ["Super PAC money grows.\nIvo Dahl runs a super PAC. The super PAC's spring ads ran."]
    assert not_a_common_noun("PAC", texts) is None
    assert not_a_common_noun("PAC", [*texts, "The PAC said it would spend more."]) == "PAC"
    assert not_a_common_noun("NASA", ["Ada Holt is a former NASA engineer."]) == "NASA"
    assert not_a_common_noun("EPA", ["Ivo Dahl spoke for the EPA."]) == "EPA"
    assert not_a_common_noun("PNA", ["Ada Holt told PNA. Ivo Dahl also told PNA."]) == "PNA"
    assert not_a_common_noun("PNA", ["A PNA analyst said so. Ivo Dahl told PNA."]) == "PNA"
    role = "adviser who runs the super PAC's spring campaign"
    said = (_at(texts[0], "Ivo Dahl", "runs", "a super PAC", role=role),)
    (voice,) = _voices(texts[0] + " Ivo Dahl said the ads would run.", (
        replace(said[0], content="the ads would run", content_span=None, cue="said", cue_span=None,
                organisation="PAC"),), (_entity(texts[0], "Ivo Dahl"),))
    assert voice.organisation is None


def test_an_office_once_served_in_is_a_former_officials() -> None:
    role = "economist who served as director of the Plains Budget Office and is now head of Lumio Forum"
    assert speaker_kind("Ada Holt", role, "the Plains Budget Office") == "former official"
    assert speaker_kind("Ada Holt", "economist who once served as deputy mayor") == "former official"
    assert speaker_kind("Ada Holt", "senator who served as governor") == "official"
    assert speaker_kind("Ada Holt", "economist who served as a Marine") != "former official"


def test_a_party_committees_staff_is_no_official_and_no_expert() -> None:
    assert speaker_kind("Ivo Dahl", "Green National Committee Research Director",
                        "Green National Committee") == "other"
    assert speaker_kind("Ivo Dahl", "Libertarian Campaign Committee chairman") == "other"
    assert speaker_kind("Ivo Dahl", "chair of the Senate Democratic Policy Committee") == "official"
    assert speaker_kind("Ivo Dahl", "Green National Committee chairman and Maine senator",
                        "Green National Committee") == "official"


def test_a_clause_of_time_in_a_description_is_not_the_persons() -> None:
    text = ("In 1992, Ada Holt, an accomplished lawyer by the time her husband moved into the White House, "
            "said she would keep working.")
    assert speaker_kind("Ada Holt", context=[text]) == "other"
    held = "In 1992, Ada Holt, a senator when the law passed, said she would keep working."
    assert speaker_kind("Ada Holt", context=[held]) in ("official", "former official")
