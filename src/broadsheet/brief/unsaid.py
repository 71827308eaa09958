"""Words no one said: attributions that make no voice in an edition (``no_words_said``).

The analysis reads a cue and its words wherever a sentence looks like a report; some of what it
reads is the writer's own sentence, a thing done rather than words said, or nobody's words at
all. The rules (``unsaidcues``, read off the cue; ``unsaidspeakers``, read off the speaker and
where it is written) read the attribution's cue, words and spans against the article's text (no
parse): they decide what an edition shows, not what the analysis finds (PolNeAR scores the
analysis).
"""

from __future__ import annotations

from broadsheet.brief.unsaidcues import (
    a_cited_source,
    a_feeling_expressed,
    a_quoted_name,
    a_tally_reported,
    a_thing_described_defended,
    a_thing_recalled,
    a_thing_refused,
    a_title_defended,
    a_topic_asked,
    a_vote_to_confirm,
    allegations_denied,
    an_act_refused,
    an_aim,
    an_appearance,
    an_event_ended,
    anonymity,
    does_a_thing,
    finds_a_thing,
    names_a_thing,
    not_said,
    on_a_topic,
    takes_a_thing,
    when_asked,
)
from broadsheet.brief.unsaidspeakers import (
    a_group_knows,
    a_label,
    a_table_or_a_source_after,
    a_title_or_a_modal,
    an_agent_or_a_work,
    an_empty_it,
    anyone,
    code_or_a_label,
    for_anyone_to_say,
    hangs_on_its_words,
    nothing_said,
    opens_with_its_speaker,
    passive_subject,
    the_writers_question,
)
from broadsheet.model import Attribution


def no_words_said(attribution: Attribution, text: str) -> bool:
    """Whether an attribution reports no words of its speaker, so it makes no voice:

    - its content is the writer's sentence around the cue, opening with the speaker ("Gregory
      Barber reported on how ...", "The Texas Newsroom's Sergio Martinez-Beltran explains."): the
      speaker's mention inside the content, before the cue, opening it (a few words at most before
      it, no comma or quotation mark), the cue not followed by a comma (not the parenthetical "The
      museum, Mr. Obama said, would ...", nor "“...,” Bradstock said.", nor "VIENNA — The house
      ..., Austria's interior minister said");
    - its cue names, knows or promotes something, boasts of something (not "boasting that ..."),
      or pleads guilty (no statement); "the paper" that shows or finds is a study, no newspaper;
    - its cue tells a story or reports on a topic, not words ("tell the story of those eight
      days"; "..., Elise Cutts tells the story of how ...", "reported on how a team ...", read
      whole as the words, or "wrote about the fold-and-cut problem"); "Saying that, ...", the idiom;
      a thing a generic group asks for ("When veterans ask for help");
    - its cue does a thing, not speech: supports something, shows or demonstrates something,
      discusses a topic ("Tableau supports drag-and-drop", "They show you how to prompt",
      "experts discuss various topics");
    - its cue hopes, prefers or wants to do something ("is hoping to change that", "some pet owners
      prefer to use ..."): an aim, no words;
    - its cue finds oneself or finds a thing so ("Adeline finds herself navigating ...", "finds this
      development intriguing"), or it is the writer's generalisation ("Many people find that ...",
      "Most organizations find that ...");
    - its speaker is anyone ("Any financial advisor will tell you", "your husband still claims"),
      or the subject of a passive ("Brother Diaz has been recalled to the Sacred City", "Trump is
      also expected to unveil ...");
    - its speaker is a list's label before a colon or a dash, with no quotation ("- Carpet
      Cleaning: Essential for ...", "1More Q20: This inexpensive set ...", "- Claims Adjusters –
      Investigate and process insurance claims to ensure ...");
    - its cue takes a thing, not words: adds, continues, claims or demands a thing ("JavaScript adds
      interactivity so ...", "Huawei claims market share", "Season 2 continued that legacy",
      "Large organizations demand a ... system that ...", "Page continued her modeling work") or
      continues to be something ("fans continue to be enraged"); understands or endorses something
      ("critics understand that ...");
    - its cue is the passive "when asked" (the one asked is no asker: "what Steve said when asked,
      \"...\""), or the participle "Asked" opening its sentence ("Asked whether ..., Ada Holt said"),
      or its words are the clause a subordinate clause holding the speaker hangs on ("My story begins
      on Friday, when Discord announced ..."), or it is what anyone would say ("It is common for ...
      actuarial students to say, \"...\"");
    - its speaker is a passive's agent ("the RSL Standard, announced in September by a coalition"),
      or what is written is a thing ("Anything this author writes I will pick up"), or a work's
      title ("she also wrote \"Make Ahead Bread,\" which ..."), or a participle's agent after
      its subject ("This article was originally written by Jamie Johnson");
    - its cue is written with a capital inside a line, a title's word ("Kent Beck, whose Extreme
      Programming Explained: Embrace Change was ...", "What Reviewers Say | ..."); or a modal stands
      between the speaker and the cue, a possibility or a future, no words yet ("AI might suggest a
      matching moisturizer", "Shoppers ... will expect to get support", "lawyers can argue that ...";
      not "police can confirm", said as it is written);
    - its speaker is a name in code ("numberOfFrames tells the loader how many ..."), or a list's
      label before a colon that opens its line, the cue further on ("- Algae: A standout in the
      survey, 68% of consumers said ...");
    - its cue weighs a thing ("considering not just their achievements");
    - its speaker opens a cell of a table's row ("| Group 2 Variety | ... | Pruning Nuance for UK"),
      or inside its own words before "as explained in" (or "as reported by") a source after the cue
      ("... to be included in PubMed Search, as explained in this guide");
    - its cue takes only a thing, never a clause without "that", and no "that", colon or quotation
      comes before the words, nor "as" after them: a thing touted, described, shared, highlighted,
      listed, proposed or promised, or a response by a deed ("They tout their deep understanding of
      ...", "Jonathan shared a seasoned take on ...", "the authors propose an iterative solver that
      ...", "Hoka responded by tuning the Speedgoat 7"; not "described the video as satire");
    - its words are a topic, an indirect question after the cue ("GIM estimates how components would
      behave", "Customer Acquisition Cost tells you how much ...", "explaining how founders take
      ..."; not after "asked" or "wondered", whose question is the words);
    - its speaker is a generic group that knows or learns ("Companies recognize that ...",
      "Republicans learned again that ...": a class of people, no determiner; not "Anthony Lynn
      recognizes that ...", a named speaker conceding, nor "the researchers learned that ..."), or
      its cue fears a thing ("Japanese people fear being seen as ..."; fearing "that ..." is a
      belief and stays);
    - its speaker is the empty "it" of a passive with a clause ("It is often speculated that ..."):
      no one's words, whatever the "it" was read as;
    - its words hold nothing but its cue and its speaker ("According to the McKinsey Global…", a
      teaser cut off after the source's name): nothing was said;
    - its words are the reason for the anonymity the speaker asked for, right after it ("insisted on
      anonymity to describe the talks"), and a passive's subject may have a party and state beside
      it ("Rep. Ada Holt (D-Mass.) is expected to announce ...");
    - its words are allegations the speaker denies ("denies allegations that she took the money": the
      allegations' words, not hers);
    - its words are what the participle "citing" takes ("..., citing U.S. and allied officials"): a
      source, a document or a reason, not words the speaker said, or what the cited thing says
      ("citing an article that said ..."); or a thing hoped for, described ("hoping for a plan that
      would ..."); or the nominees a vote confirms ("The Senate confirmed two cabinet nominations");
      or a thing praised ("praising his statements");
    - its words are a prize a contest is won for ("defended the WBA and IBF titles against ..."), or
      a name in quotation marks that an owner opens and a noun for a thing named closes ("reported to
      the agency's "Did you feel it?" site");
    - its cue is denied with a past or a perfect ("haven't said much about ...", "did not say how
      ...", "has never said that ..."): what the speaker has not said (not the modal "could not say
      whether ...", nor "declined to say", an answer);
    - its words are a thing "reject", "decline", "refuse" or "deny" takes ("rejected a subpoena for
      documents", "declined the committee's invitation", "denied a request to ..."): a request turned
      down, not words;
    - its cue is the participle "Recalling" (or "Remembering") opening its sentence and its words a
      thing, no clause ("Recalling the losses of the last campaign, the party began ..."): a memory
      acted on, not words;
    - its cue is "refuse" or "decline" and its words "to" and a verb of a deed ("refusing to sign the
      bill", "declined to pay the fine"): a deed turned down, not words ("refused to answer" stays);
    - its cue is "conclude" or "end" and its words "it" or a meeting ("concluded it without taking
      questions"): an event ended; an aim's cue with "to" and the aim described ("plans to act Tuesday
      that would ..."), "citing concerns that ..." and a cue after "rarely" or "seldom" are no words
      either, nor is "report" with a count of deaths or cases ("reported 400 deaths"), a tally,
      nor "defend" or "praise" with a thing described by a relative before any quotation
      ("defended Holt's post in which she shared ..."), the thing;
    - it is the writer's question, an auxiliary opening the sentence right before the speaker and a
      question mark closing it ("Would Adam Schiff have pleaded to keep ... secret?");
    - its cue is "appear" or "seem" with "to" opening the words ("appear to be salivating over ..."): how
      the speaker looks to the writer; or the participle "expressing" with a feeling after it ("...,
      expressing dismay at ..."; not "that" after the feeling, nor a quotation): the writer's summary.
    """
    return any(rule(attribution, text) for rule in _RULES)


_RULES = (anonymity, does_a_thing, opens_with_its_speaker, on_a_topic, an_aim, finds_a_thing, anyone,
          passive_subject, a_label, takes_a_thing, when_asked, hangs_on_its_words, for_anyone_to_say,
          an_agent_or_a_work, a_title_or_a_modal, code_or_a_label, a_table_or_a_source_after,
          names_a_thing, a_topic_asked, an_empty_it, a_group_knows, nothing_said, allegations_denied,
          a_cited_source, a_vote_to_confirm, a_title_defended, a_quoted_name, not_said, a_thing_refused,
          a_thing_recalled, an_act_refused, an_event_ended, a_tally_reported, a_thing_described_defended,
          the_writers_question, an_appearance, a_feeling_expressed)
