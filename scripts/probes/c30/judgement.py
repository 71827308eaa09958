"""allsides-3's hand judgement (written from the leads draw.py prints, before any system output on
them was seen) -> tests/data/allsides_claims_3/judged.json (ids, offsets and hashes only)."""

from __future__ import annotations

import json
from pathlib import Path

from broadsheet.bench.claims import ALLSIDES_CLAIMS, fingerprint
from broadsheet.bench.cluster_sets import load_allsides
from broadsheet.stories.corroboration import lead_sentences

PATH = Path("/work/shared/data/clustering/allsides-neus/allsides_dev.jsonl")
OUT = ALLSIDES_CLAIMS.parents[1] / "allsides_claims_3" / "judged.json"
# the first 33 of draw.py's order: 30 held 46 claims, so three more were judged to reach 50
EVENTS = ["train-2314", "train-2207", "train-1650", "train-2127", "train-197", "train-873", "train-804",
          "train-2423", "train-1183", "train-1396", "train-1779", "train-165", "train-459", "train-1206",
          "train-2011", "train-1038", "train-562", "train-1700", "train-1559", "train-2307", "train-1630",
          "val-101", "val-283", "train-1213", "val-34", "train-1465", "train-2289", "train-1632",
          "train-1087", "val-5", "train-1924", "train-2257", "train-2021"]
OPINION = ["train-1183-0", "train-1183-2", "train-562-1", "val-101-2", "train-2021-2"]
NOT_CLAIMS = [("train-1650-2", 173), ("train-1779-1", 0)]
# (story, [(item, offset)], independent, optional, note)
CLAIMS = [
    ("train-2314", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Democrats call for a further ('phase four') relief bill (outlet 1's Pelosi told CNBC: CNBC's)"),
    ("train-2207", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Pope Francis changed church teaching to oppose the death penalty in all cases (Thursday)"),
    ("train-1650", [("0", 0), ("1", 0)], 2, False, "Deerfield, Illinois, banned assault weapons"),
    ("train-2127", [("0", 0), ("1", 0)], 2, False, "Trump said Friday he would testify under oath"),
    ("train-2127", [("1", 0), ("2", 0)], 2, False, "Trump disputed Comey's account (called him a liar)"),
    ("train-197", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Democrats sought to have Trump's interpreter at the Putin summit testify (subpoena)"),
    ("train-873", [("0", 0), ("1", 0), ("2", 280)], 3, False, "Shake Shack returns its $10 million PPP loan"),
    ("train-873", [("0", 0), ("0", 224), ("1", 199)], 2, True, "the PPP's funds ran out last week"),
    ("train-2423", [("0", 0), ("2", 73)], 2, False, "the House passed the $3 trillion relief bill on Friday"),
    ("train-2423", [("0", 0), ("1", 177), ("2", 73), ("2", 253)], 3, False,
     "Republicans reject it: dead on arrival in the Senate"),
    ("train-2423", [("1", 325), ("2", 253)], 2, True, "the bill runs to 1,800 pages"),
    ("train-1183", [("0", 0), ("1", 99), ("2", 0)], 1, False,
     "Martin Luther King Jr. was killed 50 years ago (two opinion items count 0)"),
    ("train-1396", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Trump asked his advisers to look at rejoining the TPP"),
    ("train-1779", [("0", 0), ("2", 0)], 2, False,
     "Trump was booed at the Al Smith dinner for attacking Clinton (Thursday)"),
    ("train-165", [("0", 0), ("1", 0), ("1", 166), ("2", 0)], 3, False,
     "the Senate voted 50-50, Harris breaking the tie, to begin debate on the $1.9T relief bill (Thursday)"),
    ("train-165", [("0", 139), ("1", 0), ("2", 275)], 3, True, "the debate is expected to last days"),
    ("train-459", [("0", 0), ("1", 0), ("1", 206), ("2", 0), ("2", 167)], 3, False,
     "Powell warned on Tuesday that the recovery needs more government support"),
    ("train-1206", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Pfizer says its vaccine is 100% effective in ages 12 to 15"),
    ("train-1206", [("0", 200), ("1", 187)], 2, True, "the trial's 2,200-odd participants"),
    ("train-1206", [("0", 327), ("1", 187)], 2, True, "the response exceeded that of ages 16 to 25"),
    ("train-2011", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Trump threatened on Monday to move the RNC out of North Carolina"),
    ("train-2011", [("0", 186), ("1", 257)], 2, True,
     "Trump's tweet 'I love the Great State of North Carolina ...' (two outlets quoting it)"),
    ("train-1038", [("0", 0), ("1", 0), ("2", 192)], 3, False,
     "Trump's budget will ask at least $8.6 billion for the wall (outlet 2 credits Reuters)"),
    ("train-1038", [("0", 0), ("2", 0)], 2, True, "a new fight with Congress over the wall"),
    ("train-1038", [("0", 241), ("2", 321)], 2, True, "$5 billion of it from Homeland Security"),
    ("train-562", [("0", 0), ("1", 0), ("2", 0)], 2, False,
     "California voters recalled Judge Persky (outlet 3 credits the AP; outlet 2 an opinion item)"),
    ("train-1700", [("1", 0), ("1", 231), ("2", 0), ("2", 265)], 2, False,
     "new polls show Biden close to Trump in Texas, Georgia and Iowa (outlet 2 credits the NYT/Siena poll)"),
    ("train-1559", [("0", 0), ("1", 259), ("1", 446), ("2", 0)], 3, False,
     "Trump's lawyers opened his impeachment defense on Saturday (outlet 3 Reuters)"),
    ("train-2307", [("1", 0), ("2", 0)], 2, False,
     "Bill Shine named White House communications chief (outlet 3 credits ABC News)"),
    ("val-101", [("0", 185), ("1", 0)], 2, False, "Donald Trump Jr. published a new book"),
    ("val-283", [("0", 123), ("1", 0), ("2", 0)], 3, False,
     "the Secret Service cannot pay agents it needs, its director said (outlet 1 credits USA Today's "
     "interview; outlet 3, 'Exclusive:', names none, so counted its own)"),
    ("train-1213", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Merkel will not seek another term as chancellor in 2021"),
    ("val-34", [("0", 0), ("0", 230), ("1", 0), ("2", 0), ("2", 325)], 3, False,
     "the House passed the $1.4 trillion spending package on Tuesday, averting a shutdown"),
    ("val-34", [("0", 0), ("2", 0)], 2, False, "it funds the border wall and raises the tobacco age"),
    ("val-34", [("0", 360), ("2", 445)], 2, True, "it goes to the Senate next"),
    ("val-34", [("1", 201), ("2", 0)], 2, True, "domestic increases Democrats wanted"),
    ("train-1465", [("1", 0), ("2", 0)], 2, False, "Nauert said the last two months were grueling"),
    ("train-2289", [("0", 0), ("1", 215), ("2", 0)], 3, False,
     "Congress meets Wednesday in joint session to count the electoral votes"),
    ("train-2289", [("0", 202), ("2", 0), ("2", 338)], 2, False,
     "GOP lawmakers will object, making the routine count contentious"),
    ("train-1632", [("0", 0), ("0", 178), ("1", 0), ("2", 0)], 3, False,
     "Gallagher acquitted of murder on Tuesday (outlet 1 AP, outlet 3 Reuters)"),
    ("train-1632", [("0", 178), ("1", 168), ("2", 0)], 3, False,
     "convicted only of posing with the corpse"),
    ("train-1632", [("0", 369), ("1", 118), ("2", 261)], 3, True, "the jury's short deliberation"),
    ("train-1087", [("0", 0), ("1", 0), ("1", 186), ("2", 0)], 3, False,
     "Trump's lawyer wrote urging the IRS / Treasury to reject Democrats' demand for his tax returns"),
    ("train-1087", [("0", 259), ("2", 275)], 2, True, "'a gross abuse of power'"),
    ("val-5", [("0", 0), ("1", 0), ("2", 0)], 3, False, "Trump's second impeachment trial opens Tuesday"),
    ("val-5", [("0", 0), ("0", 306), ("0", 381), ("1", 0)], 2, False,
     "acquittal is all but certain (outlet 1's Rand Paul on 'Fox News Sunday')"),
    ("train-1924", [("0", 0), ("1", 0)], 2, False,
     "the House Intelligence Committee found no collusion and is ending its inquiry"),
    ("train-2257", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Trump says a GOP health plan vote will wait until after the 2020 election"),
    ("train-2257", [("0", 0), ("2", 238)], 2, True, "the court battle over the ACA"),
    ("train-2021", [("0", 0), ("1", 0), ("2", 0)], 2, False,
     "Trump says Putin again denied meddling and he believes him (outlet 3 an opinion item)"),
]
HOW = (
    "Hand-judged corroboration on AllSides-NEUS, a third set, held out (corroboration round 10, "
    "7 December 2026, helper c30), judged before any rule of this round was written or measured on it "
    "and before any claim the system shows on it was seen: random.Random(60).sample of 40 over the "
    "sorted story ids of allsides_dev.jsonl whose split is not 'test', less the 40 of "
    "tests/data/allsides_claims and tests/data/allsides_claims_2 (2,364 left); the first 30 of that "
    "order judged, then the next in order until 50 claims (33 roundups); their three items (one left, "
    "one centre, one right outlet: headline and excerpt, no outlet name, date, section or address; "
    "outlets named by their place in the roundup) as one story each; every claim two articles' leads "
    "state (the first four statements of six words or more, as corroboration.lead_sentences reads "
    "them on main b225a06), with every lead sentence stating it and its independent count (the "
    "distinct sources of record of its reports, an opinion item's report counting none), judged with "
    "the criteria of tests/data/allsides_claims_2 (a report's source of record is the outlet or "
    "agency it credits for the claim in that sentence or the whole item, such as '(Reuters)', "
    "'according to The Associated Press', 'ABC News, citing multiple sources, reports', an interview "
    "'told CNBC's Jim Cramer' or 'on \"Fox News Sunday\"', a poll 'A New York Times/Siena College poll'; "
    "unnamed reports, officials, aides, the White House and a statement of Fox News as the newsmaker "
    "credit no outlet); a sentence may state more than one claim; 'optional' claims are side details "
    "judged right with all their outlets or alone; 'opinion': items that read as commentary "
    "(argument, first person, a verdict for a headline: two essays on Martin Luther King, a column "
    "on Judge Persky's recall, a book review, 'Trump chooses Putin's word over the US intelligence "
    "community - again'); 'not_claims': two hooks.")
LICENCE = ("AllSides-NEUS (clustering/allsides-neus) states no licence: this file keeps none of its "
           "words, only article ids, offsets and a hash of each sentence; the labels are ours")


def main() -> None:
    articles = {a.id: a for a, story in zip(*load_allsides(PATH), strict=True) if story in EVENTS}

    def ref(page: str, at: int) -> dict[str, object]:
        article = articles[page]
        text = next(article.text[s:e] for s, e in lead_sentences(article) if s == at)
        return {"page": page, "at": at, "sha1": fingerprint(text)}

    claims = [{"story": story, "reports": [ref(f"{story}-{item}", at) for item, at in reports],
               "independent": independent, "optional": optional, "note": note}
              for story, reports, independent, optional, note in CLAIMS]
    labels = {"licence": LICENCE, "how": HOW, "events": EVENTS, "opinion": OPINION,
              "not_claims": [ref(p, at) for p, at in NOT_CLAIMS], "claims": claims}
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(len(claims), "claims,", sum(not c["optional"] for c in claims), "key")


if __name__ == "__main__":
    main()
