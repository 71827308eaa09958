"""allsides-4's hand judgement (written from the leads draw.py prints, before any system output on
them was seen) -> tests/data/allsides_claims_4/judged.json (ids, offsets and hashes only)."""

from __future__ import annotations

import json
from pathlib import Path

from broadsheet.bench.claims import ALLSIDES_CLAIMS, fingerprint
from broadsheet.bench.cluster_sets import load_allsides
from broadsheet.stories.corroboration import lead_sentences

PATH = Path("/work/shared/data/clustering/allsides-neus/allsides_dev.jsonl")
OUT = ALLSIDES_CLAIMS.parents[1] / "allsides_claims_4" / "judged.json"
# the first 31 of draw.py's order: the 31st (train-718) brought the claims to 51, past 50
EVENTS = ["train-960", "train-1781", "val-48", "train-1934", "train-240", "train-2278", "train-2400",
          "train-1123", "train-925", "train-358", "train-365", "train-129", "train-567", "train-814",
          "train-2443", "train-1719", "train-26", "train-1022", "val-0", "train-140", "train-1745",
          "train-273", "train-1119", "train-685", "train-1620", "train-1556", "train-554", "train-2294",
          "train-2272", "train-286", "train-718"]
OPINION = ["train-2400-0", "train-365-2", "train-814-0", "val-0-2", "train-140-2", "train-1620-0",
           "train-718-2"]
NOT_CLAIMS = [("train-1934-2", 0), ("train-2294-0", 0)]
# (story, [(item, offset)], independent, optional, note)
CLAIMS = [
    ("train-960", [("0", 0), ("1", 0)], 2, False,
     "Democrats move to pass Biden's $1.9 trillion plan without Republican support (budget process)"),
    ("train-1781", [("0", 0), ("0", 188), ("1", 0), ("2", 341)], 3, False,
     "January's deficit about $163 billion, several times a year earlier, on aid payments (the Treasury "
     "credits no outlet)"),
    ("train-1781", [("0", 325), ("2", 0), ("2", 199)], 2, False,
     "the deficit of the fiscal year's first four months, $736 billion, a record, far above 2020's"),
    ("val-48", [("1", 0), ("2", 0)], 2, True, "the chemical plant is flooded (Harvey)"),
    ("train-1934", [("0", 0), ("1", 0)], 2, False,
     "states push back against the Trump commission's request for voter data"),
    ("train-240", [("0", 0), ("0", 163), ("0", 296), ("2", 0)], 2, False,
     "Cuomo on Sunday answered the harassment claims, allowing his remarks may have offended"),
    ("train-240", [("0", 0), ("1", 0), ("2", 0)], 3, True, "Cuomo faces sexual harassment allegations"),
    ("train-2278", [("1", 0), ("2", 0)], 2, False, "September unemployment fell to a near 50-year low"),
    ("train-2400", [("0", 0), ("1", 0), ("1", 257), ("2", 0)], 2, False,
     "closing arguments in Chauvin's murder trial this Monday (outlet 1 an opinion item)"),
    ("train-2400", [("0", 238), ("1", 0), ("2", 0)], 2, True,
     "fear of unrest after the verdict (outlet 1 an opinion item)"),
    ("train-1123", [("0", 0), ("0", 80), ("0", 266), ("1", 0), ("2", 0)], 3, False,
     "Julian Castro ended his presidential campaign on Thursday (outlet 3 credits the NYT)"),
    ("train-1123", [("1", 0), ("2", 109)], 2, True, "Castro was HUD secretary"),
    ("train-925", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Trump Jr. met a Russian lawyer in 2016 on the promise of information helpful to the campaign "
     "(he said so Sunday)"),
    ("train-358", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Zuckerberg defended free expression (no ban on political ads, no fact-checks of politicians)"),
    ("train-358", [("0", 161), ("2", 228)], 2, True, "in a speech at Georgetown University"),
    ("train-365", [("0", 0), ("1", 0)], 2, False,
     "Trump on Monday hailed his Saturday meeting with Xi as a success (outlet 3 an opinion item)"),
    ("train-129", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Biden will withdraw all US troops from Afghanistan by September 11 ('multiple outlets' names none)"),
    ("train-129", [("1", 0), ("2", 287)], 2, True, "about 2,500 US troops remain"),
    ("train-129", [("1", 0), ("2", 0)], 2, True, "the 20th anniversary of the September 11 attacks"),
    ("train-567", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "China grounded its airlines' Boeing 737 MAX 8s after the Ethiopian crash"),
    ("train-567", [("0", 220), ("2", 262)], 2, True, "the second crash of the jet"),
    ("train-814", [("0", 0), ("1", 0), ("2", 0), ("2", 236)], 2, False,
     "Swalwell announced a presidential run on Colbert's Late Show Monday (outlet 1 an opinion item)"),
    ("train-814", [("1", 109), ("2", 411)], 2, True, "the show released a clip"),
    ("train-2443", [("0", 0), ("1", 0), ("2", 0), ("2", 454)], 3, False,
     "Buttigieg ended his presidential campaign Sunday ('numerous reports' name none; outlet 3 CNN)"),
    ("train-2443", [("0", 140), ("1", 228)], 2, True, "after a poor showing in South Carolina"),
    ("train-1719", [("0", 0), ("1", 0)], 2, False,
     "the Justice Department on Monday indicted six Russian military intelligence officers for hacks"),
    ("train-26", [("0", 0), ("1", 0), ("2", 146), ("2", 306)], 3, False,
     "Biden directed states to make all adults eligible for vaccines by May 1"),
    ("train-26", [("0", 0), ("1", 0), ("2", 0), ("2", 146)], 3, False,
     "a goal of normal life, small gatherings, by the Fourth of July"),
    ("train-26", [("1", 0), ("2", 0)], 2, True, "Biden's first prime-time address, Thursday"),
    ("train-1022", [("0", 0), ("2", 0)], 2, True,
     "border crossings surge to highs (February's 76,000; families' record)"),
    ("val-0", [("0", 0), ("0", 106), ("0", 409), ("1", 0), ("2", 0)], 2, False,
     "Democrats panic at Sanders' rise to front-runner (outlet 3 an opinion item)"),
    ("val-0", [("0", 106), ("0", 202), ("1", 212)], 2, False, "Sanders won Nevada decisively"),
    ("train-140", [("0", 0), ("1", 0)], 2, False, "Nike pulled its Fourth of July Betsy Ross flag sneaker"),
    ("train-140", [("0", 280), ("2", 271)], 1, True,
     "Nike made a Fourth of July sneaker with the Betsy Ross flag (outlet 3 an opinion item)"),
    ("train-1745", [("0", 0), ("1", 0), ("1", 368), ("2", 0), ("2", 137)], 3, False,
     "a federal judge blocked the Trump rule rolling back transgender health protections (Monday)"),
    ("train-1745", [("0", 0), ("1", 160)], 2, True, "just before it was to take effect"),
    ("train-273", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "Trump removed Tillerson and named Pompeo secretary of state"),
    ("train-1119", [("0", 0), ("1", 0), ("2", 0), ("2", 190)], 3, False,
     "Trump said Tuesday he misspoke and accepts that Russia meddled in 2016"),
    ("train-685", [("0", 0), ("0", 122), ("1", 0), ("2", 0)], 3, False,
     "the US lost jobs in September, the first decline in seven years, after the hurricanes"),
    ("train-685", [("0", 170), ("1", 0)], 2, False, "unemployment fell to 4.2 percent"),
    ("train-1620", [("0", 0), ("1", 0), ("2", 0)], 2, False,
     "former Ohio State wrestlers say Jim Jordan knew of the abuse and did nothing (outlet 1 opinion)"),
    ("train-1556", [("0", 0), ("0", 139), ("1", 130), ("1", 232), ("2", 0), ("2", 376)], 3, False,
     "Trump on Tuesday said Congress should pass the USMCA trade deal before infrastructure"),
    ("train-1556", [("1", 232), ("2", 177)], 2, True, "in a letter to Pelosi and Schumer"),
    ("train-1556", [("1", 0), ("2", 177)], 2, True, "a White House meeting on infrastructure Wednesday"),
    ("train-554", [("0", 0), ("0", 171), ("1", 0), ("2", 0)], 3, False,
     "Twitter suspended Project Veritas' account on Thursday"),
    ("train-554", [("0", 0), ("1", 150), ("2", 0)], 3, False,
     "citing its rules against posting private information"),
    ("train-554", [("0", 171), ("2", 0)], 2, True, "O'Keefe's own account restricted"),
    ("train-2272", [("0", 0), ("2", 0)], 2, False, "a suspect is in custody (school officials)"),
    ("train-2272", [("0", 0), ("1", 0), ("2", 0)], 3, True, "a shooting at a Texas high school"),
    ("train-286", [("0", 0), ("1", 0), ("2", 0)], 3, False,
     "the CDC said Friday fully vaccinated people can travel at low risk"),
    ("train-718", [("0", 0), ("1", 0), ("1", 273), ("2", 0), ("2", 121)], 2, False,
     "at a North Carolina rally Wednesday Trump attacked the congresswomen and the crowd chanted "
     "'send her back' (outlet 3 an opinion item)"),
]
HOW = (
    "Hand-judged corroboration on AllSides-NEUS, a fourth set, held out (corroboration round 11, "
    "7 December 2026, helper c31), judged before any rule of this round was written or measured on it "
    "and before any claim the system shows on it was seen: random.Random(61).sample of 40 over the "
    "sorted story ids of allsides_dev.jsonl whose split is not 'test', less the 40 of "
    "tests/data/allsides_claims and tests/data/allsides_claims_2 and the 40 allsides-3's draw drew "
    "(random.Random(60).sample, judged or not); roundups judged in that order until 50 claims (31 "
    "roundups, 51 claims); their three items (one left, one centre, one right outlet: headline and "
    "excerpt, no outlet name, date, section or address; outlets named by their place in the roundup) "
    "as one story each; every claim two articles' leads state (the first four statements of six words "
    "or more, as corroboration.lead_sentences reads them on main 5f0b26a), with every lead sentence "
    "stating it and its independent count (the distinct sources of record of its reports, an opinion "
    "item's report counting none), judged with the criteria of tests/data/allsides_claims_3 (a "
    "report's source of record is the outlet or agency it credits for the claim in that sentence or "
    "the whole item, such as 'The New York Times reported' or '(CNN)' with 'aides tell CNN'; unnamed "
    "reports ('multiple outlets', 'numerous reports'), officials, the Treasury and school officials "
    "credit no outlet); a sentence may state more than one claim; 'optional' claims are side details "
    "judged right with all their outlets or alone; 'opinion': items that read as commentary "
    "(argument, first person, a verdict for a headline: a column on the Chauvin trial, one on the "
    "Trump-Xi deal, a gun-rights post on Swalwell, an analysis arguing Democrats' panic over Sanders "
    "is unfounded, 'Betsy Ross is Canceled', a column on Jim Jordan's accusers, 'Send her back! chant "
    "shows Trump's ugly plan'); 'not_claims': a hook ('A sweeping, alarming request ...') and a "
    "headline of another story.")
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
