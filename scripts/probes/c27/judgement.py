"""basil-5's judgement, as read by hand from the drawn leads (draw.py): each claim's reports as
(article id prefix, sentence offset); writes tests/data/basil_claims_5/judged.json with the full
ids and each sentence's hash (no words of BASIL)."""

from __future__ import annotations

import json
from pathlib import Path

from draw import PATH, drawn  # type: ignore[import-not-found]

from broadsheet.bench.claims import fingerprint
from broadsheet.bench.cluster_sets import load_basil
from broadsheet.stories.corroboration import lead_sentences

OUT = Path(__file__).parents[3] / "tests" / "data" / "basil_claims_5" / "judged.json"
Refs = list[tuple[str, int]]
# (event prefix, reports, independent, optional, note)
CLAIMS: list[tuple[str, Refs, int, bool, str]] = [
    ("0d10341a", [("55477e16", 0), ("5f38d03e", 0), ("5f38d03e", 515)], 2, False,
     "Wednesday's White House meeting broke no impasse: the shutdown goes on with no end in sight"),
    ("0d10341a", [("cdaba747", 0), ("55477e16", 0), ("5f38d03e", 0)], 3, True,
     "the partial shutdown is over Trump's demand for border wall money"),
    ("1b96a5db", [("8895b355", 0), ("0a64117e", 0), ("8e27adc0", 0), ("8e27adc0", 369)], 3, False,
     "Congress (the Senate, Wednesday) votes to override the veto of the 9/11 families' bill"),
    ("1b96a5db", [("8895b355", 242), ("0a64117e", 202), ("8e27adc0", 0)], 3, False,
     "the first veto override of Obama's presidency"),
    ("1b96a5db", [("8895b355", 464), ("8e27adc0", 0)], 2, True,
     "the bill passed / the override is overwhelming and bipartisan"),
    ("1f99798f", [("f75f0ffe", 0), ("42699cb0", 0), ("9dd8a512", 0), ("9dd8a512", 176)], 3, False,
     "a suspect was arrested (in Florida) on Friday in the mail bomb case"),
    ("1f99798f", [("f75f0ffe", 196), ("42699cb0", 258), ("9dd8a512", 176)], 3, False,
     "the suspect is Cesar Sayoc (56) of Aventura / South Florida"),
    ("1f99798f", [("f75f0ffe", 286), ("42699cb0", 373)], 2, False,
     "the suspect has prior arrests, including for threats (a bomb threat)"),
    ("2153fb3e", [("73e9fe54", 430), ("8b81b63a", 0), ("7af8a225", 0)], 3, False,
     "Obama mocked House Republicans' vote reaffirming 'In God We Trust' instead of creating jobs"),
    ("2153fb3e", [("73e9fe54", 582), ("8b81b63a", 173)], 2, False,
     "quote: I trust in God, but God wants to see us help ourselves by putting people back to work"),
    ("2153fb3e", [("73e9fe54", 0), ("8b81b63a", 0), ("8b81b63a", 173), ("7af8a225", 287)], 3, False,
     "Obama spoke at a bridge (Key Bridge) promoting his jobs bill"),
    ("2153fb3e", [("73e9fe54", 242), ("7af8a225", 0), ("8b81b63a", 173)], 3, False,
     "Obama pressed for the infrastructure (transportation) funding part of his jobs bill"),
    ("22b6e900", [("7a35344d", 0), ("7a35344d", 512), ("4707111b", 236), ("3cee11ac", 0)], 3, False,
     "Braley derided Grassley as a farmer from Iowa who never went to law school (a video)"),
    ("22b6e900", [("4707111b", 236), ("3cee11ac", 274)], 2, False,
     "Braley apologized"),
    ("22b6e900", [("7a35344d", 0), ("4707111b", 113), ("3cee11ac", 0)], 3, True,
     "Braley is running for the Senate in Iowa"),
    ("2742e9c1", [("1a70c4b1", 0), ("1a70c4b1", 269), ("a3865e91", 0), ("a3865e91", 278)], 2, False,
     "Hutchinson on Wednesday declined to sign the bill and asked lawmakers to change it"),
    ("2742e9c1", [("1a70c4b1", 442), ("a3865e91", 546)], 2, True,
     "Indiana's similar law (criticism, changes)"),
    ("29ffd053", [("8a97c97e", 0), ("8a97c97e", 304), ("8a97c97e", 447), ("4f1c51a2", 153),
                  ("da1baeca", 286)], 3, False,
     "nearly 90 Georgetown faculty wrote to Ryan challenging his use of Catholic teaching"),
    ("29ffd053", [("8a97c97e", 304), ("4f1c51a2", 0), ("da1baeca", 286), ("da1baeca", 496)], 3, False,
     "Ryan speaks at Georgetown on Thursday (the Whittington Lecture)"),
    ("29ffd053", [("4f1c51a2", 572), ("da1baeca", 666)], 2, False,
     "the letter: we would be remiss ... misuse of Catholic teaching ... decimates food programs"),
    ("29ffd053", [("8a97c97e", 0), ("8a97c97e", 621), ("da1baeca", 0)], 2, True,
     "Ryan claimed his budget rests on Catholic teaching and Catholic leaders criticised him"),
    ("58ed2376", [("d36907c6", 0), ("d36907c6", 44), ("698db3fa", 0), ("698db3fa", 460)], 2, False,
     "Brewer is pressed (by Republicans among others) to veto the bill"),
    ("58ed2376", [("d36907c6", 359), ("698db3fa", 0), ("698db3fa", 309)], 2, False,
     "the Legislature passed a bill letting businesses refuse service to gays on religious grounds"),
    ("68748e7f", [("ce6cf2d5", 0), ("ce6cf2d5", 73), ("ce6cf2d5", 220), ("a550672c", 0), ("a550672c", 47),
                  ("e6007e79", 0), ("e6007e79", 58)], 3, False,
     "the NRA's task force released a report (Tuesday) calling for armed staff or officers in schools"),
    ("68748e7f", [("ce6cf2d5", 0), ("a550672c", 47), ("e6007e79", 0), ("e6007e79", 58)], 3, False,
     "the report urges states to let trained teachers / staff carry weapons (loosen gun laws)"),
    ("68748e7f", [("ce6cf2d5", 73), ("ce6cf2d5", 405), ("a550672c", 398)], 2, False,
     "Asa Hutchinson led the task force and released the report"),
    ("68748e7f", [("ce6cf2d5", 220), ("e6007e79", 58), ("e6007e79", 350)], 2, True,
     "in the wake of the Sandy Hook / Newtown shooting"),
    ("8385a996", [("52d0bf09", 185), ("52d0bf09", 375), ("ea716473", 455), ("ea716473", 646)], 1, False,
     "Ginsburg's quote: can't imagine the country with Trump as president (told The Times)"),
    ("8385a996", [("52d0bf09", 0), ("ea716473", 0), ("ea716473", 259), ("cd941022", 0)], 2, True,
     "Ginsburg disparaged Trump's candidacy"),
    ("8385a996", [("ea716473", 0), ("cd941022", 0), ("cd941022", 472), ("cd941022", 586)], 2, False,
     "Trump attacked Ginsburg over her remarks (highly inappropriate; resign)"),
    ("84b3c118", [("1bd4b16c", 0), ("b79beb25", 0), ("98ccf4b4", 0), ("98ccf4b4", 216)], 3, False,
     "Trump sworn in on Friday as the 45th president"),
    ("84b3c118", [("1bd4b16c", 0), ("b79beb25", 555)], 2, False,
     "Trump vowed to fight for Americans with every breath"),
    ("84b3c118", [("1bd4b16c", 208), ("b79beb25", 245)], 2, True,
     "a populist address"),
    ("97b1305c", [("5e64563a", 0), ("5e64563a", 163), ("93ba0f89", 0), ("93ba0f89", 231),
                  ("8824d4fb", 0), ("8824d4fb", 215)], 3, False,
     "the NAACP passed a resolution on Tuesday condemning racist elements in the Tea Party"),
    ("97b1305c", [("5e64563a", 163), ("93ba0f89", 231), ("8824d4fb", 215)], 3, False,
     "at its annual convention in Kansas City"),
    ("97b1305c", [("93ba0f89", 0), ("8824d4fb", 383)], 2, False,
     "Tea Party figures disputed it (a political ploy; withdraw it)"),
    ("97b1305c", [("93ba0f89", 337), ("5e64563a", 310)], 2, True,
     "the resolution does not label the whole movement racist (wording amended)"),
    ("a28a0329", [("7a5e2a48", 0), ("397c6aa0", 0), ("397c6aa0", 89), ("4d1963de", 154)], 3, False,
     "the House read the Constitution aloud on Thursday"),
    ("a28a0329", [("7a5e2a48", 562), ("4d1963de", 154), ("4d1963de", 411)], 2, False,
     "parts superseded by amendments were not read"),
    ("a28a0329", [("7a5e2a48", 0), ("397c6aa0", 410)], 2, False,
     "every House bill must cite its constitutional authority"),
    ("b5eefefb", [("3f393d4e", 0), ("70e6078e", 106), ("d9685b3e", 75)], 3, False,
     "Biden went on the attack against Ryan, grinning, scoffing, interrupting"),
    ("b5eefefb", [("3f393d4e", 0), ("3f393d4e", 498), ("70e6078e", 0), ("d9685b3e", 575)], 3, False,
     "Biden's debate a reset after Obama's poor first debate last week"),
    ("b764f81f", [("aaddc4d1", 77), ("aaddc4d1", 356), ("6b573b3f", 0), ("6b573b3f", 263),
                  ("987ca58a", 0), ("987ca58a", 83)], 3, False,
     "Nebraska and Oklahoma sued Colorado in the Supreme Court over marijuana legalization"),
    ("b764f81f", [("aaddc4d1", 77), ("6b573b3f", 0)], 2, False,
     "the suit says marijuana flows into neighbouring states"),
    ("b764f81f", [("aaddc4d1", 570), ("987ca58a", 83), ("6b573b3f", 764)], 3, False,
     "the suit argues Colorado's law violates federal law / the Constitution"),
    ("b764f81f", [("aaddc4d1", 356), ("6b573b3f", 263)], 2, True,
     "the 2012 voter-approved measure"),
    ("c9e4d35f", [("f8e82008", 0), ("fbbbf6a4", 0), ("fbbbf6a4", 289), ("1de08e6e", 0),
                  ("1de08e6e", 211)], 3, False,
     "Mueller's office disputed BuzzFeed's report that Trump directed Cohen to lie to Congress"),
    ("c9e4d35f", [("fbbbf6a4", 571), ("1de08e6e", 211), ("1de08e6e", 431)], 2, False,
     "Carr: BuzzFeed's description ... not accurate (HuffPost: told BuzzFeed)"),
    ("d3a1ce0a", [("de43e785", 0), ("de43e785", 148), ("3e600f15", 0), ("3e600f15", 82),
                  ("8b00d3db", 24), ("8b00d3db", 72)], 3, False,
     "Patrick appointed his former chief of staff William 'Mo' Cowan to Kerry's seat on Wednesday"),
    ("d3a1ce0a", [("de43e785", 0), ("3e600f15", 252), ("8b00d3db", 72)], 3, False,
     "until a special election in June"),
    ("d3a1ce0a", [("de43e785", 272), ("3e600f15", 82)], 2, True,
     "Kerry confirmed as secretary of state"),
    ("dd1e6e3b", [("a2d858d3", 0), ("a2d858d3", 398), ("8d684d7c", 0), ("8d684d7c", 62),
                  ("5eeaf107", 0), ("5eeaf107", 71), ("5eeaf107", 274)], 3, False,
     "Trump Jr. corresponded with WikiLeaks during the 2016 campaign (HuffPost: The Atlantic's report)"),
    ("dd1e6e3b", [("8d684d7c", 308), ("5eeaf107", 420), ("a2d858d3", 191)], 3, False,
     "the messages were given to congressional committees"),
    ("eb17fa36", [("85642250", 0), ("ed0e1a57", 0), ("ed0e1a57", 350), ("a1f10f4a", 0),
                  ("a1f10f4a", 152)], 3, False,
     "Hunter and his wife indicted on Tuesday for using $250,000 of campaign funds for personal expenses"),
    ("eb17fa36", [("85642250", 0), ("ed0e1a57", 350), ("a1f10f4a", 152)], 3, False,
     "and for filing false campaign finance records"),
    ("eb17fa36", [("85642250", 410), ("ed0e1a57", 0), ("a1f10f4a", 329)], 3, False,
     "the funds paid for family trips (Italy, Hawaii) and school tuition"),
    ("eb17fa36", [("85642250", 410), ("ed0e1a57", 350)], 2, True,
     "a 48-page indictment"),
    ("eb17fa36", [("ed0e1a57", 0), ("a1f10f4a", 152)], 2, True,
     "a grand jury in San Diego"),
    ("f688c56d", [("93ca4051", 0), ("b08688cf", 0), ("b08688cf", 271), ("be779b0d", 0)], 1, False,
     "Trump said he is considering an executive order to end birthright citizenship (told Axios)"),
    ("f688c56d", [("be779b0d", 0), ("93ca4051", 989)], 2, False,
     "the plan met disagreement / pushback among Republicans"),
]
NOT_CLAIMS: Refs = [("4707111b", 0), ("d9685b3e", 31), ("4d1963de", 0)]
HOW = (
    "Hand-judged corroboration on BASIL, a fifth held-out set (corroboration round 7, 7 December 2026,"
    " helper c27), judged before any rule of this round was written or measured on it and before any"
    " claim the system shows on it was seen: the 20 events of basil_articles.jsonl (its sorted triplet"
    " ids) that none of tests/data/basil_claims, basil_claims_2, basil_claims_3 and basil_claims_4"
    " holds, their three articles (The New York Times, Fox News, HuffPost) as one story each; every"
    " claim two articles' leads state (the first four statements of six words or more, as"
    " corroboration.lead_sentences reads them on main d24e21d), with every lead sentence stating it and"
    " its independent count (the distinct sources of record of its reports), judged with the criteria"
    " of basil_claims_4 (a report's source of record is the outlet it credits for the claim in that"
    " sentence or the whole article, such as HuffPost's write-up of The Atlantic's report or Fox News'"
    " Associated Press story; a statement made in an interview with another outlet is credited to that"
    " outlet, so Ginsburg's words to The Times and Trump's to Axios count 1, and a spokesman's words"
    " 'told BuzzFeed' are BuzzFeed's; unnamed reports, officials, prosecutors and the White House"
    " credit no outlet); a sentence may state more than one claim, and a quote a lede paraphrases is"
    " its own claim; 'optional' claims are side details judged right with all their outlets or alone;"
    " 'not_claims': three hooks; no item reads as opinion."
)


def main() -> None:
    events = drawn()
    articles, stories = load_basil(PATH)
    ours = {a.id: (a, s) for a, s in zip(articles, stories, strict=True) if s in events}

    def full(event: str | None, prefix: str) -> str:
        found = [k for k, (_, s) in ours.items() if k.startswith(prefix) and (event is None or s == event)]
        assert len(found) == 1, (prefix, found)
        return found[0]

    def ref(prefix: str, at: int) -> dict[str, object]:
        page = full(None, prefix)
        article = ours[page][0]
        text = next(article.text[a:b] for a, b in lead_sentences(article) if a == at)
        return {"page": page, "at": at, "sha1": fingerprint(text)}

    def event_of(prefix: str) -> str:
        found = [e for e in events if e.startswith(prefix)]
        assert len(found) == 1
        return found[0]

    claims = []
    for event, reports, independent, optional, note in CLAIMS:
        story = event_of(event)
        refs = [ref(p, at) for p, at in reports]
        assert all(ours[str(r["page"])][1] == story for r in refs), note
        assert len({r["page"] for r in refs}) >= 2, note
        claims.append({"story": story, "reports": refs, "independent": independent,
                       "optional": optional, "note": note})
    labels = {"licence": "BASIL (clustering/basil) states no licence: this file keeps none of its words,"
                         " only article ids, offsets and a hash of each sentence; the labels are ours",
              "how": HOW, "events": events, "opinion": [], "not_claims": [ref(p, at) for p, at in NOT_CLAIMS],
              "claims": claims}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    keys = sum(not c["optional"] for c in claims)
    print(f"{len(claims)} claims, {keys} key, {len(labels['not_claims'])} not claims")


if __name__ == "__main__":
    main()
