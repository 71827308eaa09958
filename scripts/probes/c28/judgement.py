"""allsides-2's hand judgement (written from the leads draw.py prints, before any system output on
them was seen) -> tests/data/allsides_claims_2/judged.json (ids, offsets and hashes only)."""

from __future__ import annotations

import json
from pathlib import Path

from broadsheet.bench.claims import ALLSIDES_CLAIMS, fingerprint
from broadsheet.bench.cluster_sets import load_allsides
from broadsheet.stories.corroboration import lead_sentences

PATH = Path("/work/shared/data/clustering/allsides-neus/allsides_dev.jsonl")
OUT = ALLSIDES_CLAIMS.parents[1] / "allsides_claims_2" / "judged.json"
EVENTS = ["val-90", "train-1826", "train-1862", "train-1842", "train-1181", "train-1807", "train-701",
          "train-510", "train-296", "train-2217", "train-2090", "train-708", "train-578", "train-2199",
          "val-88", "train-1448", "train-1052", "train-882", "train-1895", "train-797"]
OPINION = ["train-1826-0", "train-1826-1", "train-296-0", "train-296-1"]
NOT_CLAIMS = [("train-1826-1", 0), ("train-296-2", 371), ("train-2217-0", 221)]
# (story, [(item, offset)], independent, optional, note)
CLAIMS = [
    ("val-90", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "the US sends about 4 million AstraZeneca doses to Mexico and Canada "
     "(the White House; an official to Reuters)"),
    ("val-90", [("0", 281), ("2", 223)], 2, True, "2.5 million to Mexico, 1.5 million to Canada"),
    ("train-1826", [("0", 29), ("1", 178), ("2", 0)], 1, False,
     "Trump claimed his State of the Union drew the largest audience in history (two opinion items count 0)"),
    ("train-1862", [("1", 0), ("2", 0)], 2, False,
     "Trump said Pentagon leaders want wars to keep defense contractors happy"),
    ("train-1862", [("0", 0), ("2", 144)], 2, False,
     "Trump again denied the reports that he called fallen troops 'losers' and 'suckers'"),
    ("train-1842", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Trump on Wednesday called on Sessions to stop the Mueller probe ('stop this rigged witch hunt')"),
    ("train-1181", [("0", 0), ("1", 0), ("2", 0), ("2", 236)], 3, False,
     "trade truce: no new tariffs on China, talks restart"),
    ("train-1181", [("0", 0), ("2", 0)], 2, False, "the curbs on Huawei eased"),
    ("train-1807", [("0", 0), ("1", 0)], 2, False,
     "the Minnesota Freedom Fund raised over $30 million but spent about $200,000 on bail"),
    ("train-701", [("1", 0), ("2", 0)], 2, False,
     "Biden said on Monday his 100-day vaccination goal may rise (1.5 million a day, 150 million)"),
    ("train-510", [("0", 0), ("0", 94), ("1", 0), ("1", 211), ("2", 0), ("2", 130)], 3, False,
     "the EPA's air chief Bill Wehrum is leaving (announced Wednesday)"),
    ("train-510", [("0", 0), ("0", 235), ("1", 0), ("2", 292)], 3, False,
     "amid an ethics probe / scrutiny of his ties to former industry clients"),
    ("train-510", [("1", 0), ("2", 0)], 2, True, "he led the rollback of Obama-era climate rules"),
    ("train-2217", [("0", 0), ("1", 0), ("2", 0), ("2", 88)], 3, False,
     "Danica Roem unseated Marshall: Virginia's first openly transgender lawmaker"),
    ("train-2090", [("0", 0), ("1", 0), ("2", 0)], 3, False, "O'Brien tested positive for Covid-19"),
    ("train-2090", [("0", 390), ("1", 121), ("2", 107)], 3, False,
     "mild symptoms, self-isolating, working off site (a White House statement: no outlet)"),
    ("train-2090", [("1", 215), ("2", 252)], 2, True,
     "no risk of exposure to the President or Vice President"),
    ("train-2090", [("1", 284), ("2", 322)], 2, True, "the NSC's work continues uninterrupted"),
    ("train-708", [("0", 0), ("0", 119), ("0", 221), ("1", 202), ("2", 0)], 4, False,
     "Pence to get the vaccine publicly on Friday (outlet 1 credits Axios and CNN: 4 sources)"),
    ("train-708", [("1", 0), ("2", 0)], 2, False, "Biden to get the vaccine publicly next week"),
    ("train-708", [("1", 0), ("2", 173)], 2, True,
     "officials seek to reassure the public the vaccine is safe"),
    ("train-578", [("0", 0), ("1", 0), ("2", 0), ("2", 338)], 3, False, "Biden picks Mayorkas to head DHS"),
    ("train-578", [("0", 321), ("1", 277), ("2", 192)], 3, False,
     "Mayorkas would be the first Latino / Hispanic and first immigrant to head DHS"),
    ("train-578", [("0", 0), ("2", 0)], 2, True, "to reverse Trump's hard-line immigration policies"),
    ("train-2199", [("0", 0), ("0", 184), ("1", 0)], 2, False,
     "Biden's budget drew criticism over its military spending"),
    ("train-2199", [("1", 0), ("2", 0)], 2, False,
     "Biden's budget asks big boosts for climate, schools, health"),
    ("train-2199", [("0", 0), ("2", 218)], 2, True, "$753 billion for defense"),
    ("train-1448", [("0", 197), ("1", 0), ("1", 202), ("2", 0)], 3, False,
     "Wisconsin (and Arizona) certified Biden's win on Monday"),
    ("train-1052", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Senate Democrats blocked the Republicans' coronavirus relief bill on Thursday"),
    ("train-1052", [("0", 196), ("0", 361), ("1", 129), ("2", 227)], 3, False,
     "the vote: 52 for, short of the 60 needed"),
    ("train-1052", [("0", 0), ("2", 0)], 2, True, "dimming hopes of relief before the November election"),
    ("train-882", [("0", 118), ("1", 375), ("2", 0), ("2", 311)], 3, False,
     "Trump told governors on a call they decide when to reopen"),
    ("train-882", [("1", 0), ("2", 0)], 2, False, "the administration's guidelines for reopening"),
    ("train-1895", [("0", 0), ("0", 201), ("1", 0), ("1", 299), ("2", 0)], 3, False,
     "a UK judge ruled on Monday Assange cannot be extradited to the US (suicide risk)"),
    ("train-1895", [("1", 215), ("2", 256)], 2, False, "the US will appeal"),
    ("train-797", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "another government shutdown looms at the week's end (talks stalled)"),
]
HOW = (
    "Hand-judged corroboration on AllSides-NEUS, a second set, held out (corroboration round 8, "
    "7 December 2026, helper c28), judged before any rule of this round was written or measured on it "
    "and before any claim the system shows on it was seen: 20 roundups drawn with "
    "random.Random(58).sample over the sorted story ids of allsides_dev.jsonl whose split is not "
    "'test', less the 20 of tests/data/allsides_claims (2,384 left), their three items (one left, "
    "one centre, one right outlet: headline and excerpt, no outlet name, date, section or address; "
    "outlets named by their place in the roundup) as one story each; every claim two articles' leads "
    "state (the first four statements of six words or more, as corroboration.lead_sentences reads "
    "them on main a8b0bdd), with every lead sentence stating it and its independent count (the "
    "distinct sources of record of its reports, an opinion item's report counting none), judged with "
    "the criteria of tests/data/allsides_claims and the BASIL sets (a report's source of record is "
    "the outlet or agency it credits for the claim in that sentence or the whole item, such as "
    "'an official told Reuters', or an item crediting Axios' and CNN's reports; unnamed reports, "
    "officials, aides and the White House credit no outlet); a sentence may state more than one "
    "claim; 'optional' claims are side details judged right with all their outlets or alone; "
    "'opinion': items that read as commentary (argument, first person, a verdict for a headline), "
    "judged by reading as there is no section (the fact check 'Trump Claims His SOTU Had The "
    "Highest Ratings In History. It Didn't.' judged news); 'not_claims': a hook and two fragments of "
    "a bad sentence split.")
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
