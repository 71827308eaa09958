"""basil-4's judgement, as read by hand from the drawn leads (draw.py): each claim's reports as
(article id prefix, sentence offset); writes tests/data/basil_claims_4/judged.json with the full
ids and each sentence's hash (no words of BASIL)."""

from __future__ import annotations

import json
from pathlib import Path

from draw import PATH, drawn  # type: ignore[import-not-found]

from broadsheet.bench.claims import fingerprint
from broadsheet.bench.cluster_sets import load_basil
from broadsheet.stories.corroboration import lead_sentences

OUT = Path(__file__).parents[3] / "tests" / "data" / "basil_claims_4" / "judged.json"
Refs = list[tuple[str, int]]
# (event prefix, reports, independent, optional, note)
CLAIMS: list[tuple[str, Refs, int, bool, str]] = [
    ("08bb9bee", [("1f4cce14", 534), ("4f4dc5fb", 0), ("a4389be5", 0)], 3, False,
     "Romney called on Akin to drop out of the Senate race"),
    ("08bb9bee", [("1f4cce14", 758), ("a4389be5", 369)], 2, False,
     "Romney's statement: his fellow Missourians urged him to step aside ... exit the Senate race"),
    ("08bb9bee", [("4f4dc5fb", 0), ("a4389be5", 496)], 2, False,
     "Akin refused to step down (HuffPost: in an interview on Sean Hannity's radio show)"),
    ("08bb9bee", [("4f4dc5fb", 253), ("1f4cce14", 758), ("a4389be5", 369)], 2, True,
     "Missouri Republican senators urged Akin to step aside"),
    ("96b7046f", [("d66faaee", 0), ("b65549b9", 0)], 2, False,
     "Lauten apologized for her Facebook post criticizing the Obama daughters"),
    ("96b7046f", [("d66faaee", 210), ("d66faaee", 514), ("b65549b9", 215), ("b65549b9", 466),
                  ("b65549b9", 501), ("94b195c8", 240)], 3, False,
     "Lauten wrote they should 'try showing a little class' and 'dress like you deserve respect'"),
    ("96b7046f", [("d66faaee", 210), ("b65549b9", 501), ("94b195c8", 600)], 3, True,
     "Lauten is (was) communications director for Rep. Stephen Fincher"),
    ("ed8c136f", [("6a2ea823", 0), ("09267ce5", 0), ("605bd90c", 0)], 3, False,
     "Holder was in Ferguson on Wednesday"),
    ("ed8c136f", [("6a2ea823", 276), ("09267ce5", 321)], 2, False,
     "Holder met community leaders at a community college who told him of their experiences with police"),
    ("ed8c136f", [("605bd90c", 0), ("6a2ea823", 0), ("6a2ea823", 480), ("09267ce5", 321)], 3, True,
     "an unarmed black teenager was shot by a police officer"),
    ("06ffda2d", [("c7f8467e", 0), ("c7f8467e", 51), ("369ffb5e", 0), ("369ffb5e", 186),
                  ("c16938aa", 0), ("c16938aa", 71)], 3, False,
     "Farenthold resigned from Congress (on Friday)"),
    ("06ffda2d", [("c7f8467e", 215), ("369ffb5e", 418), ("c16938aa", 191)], 3, False,
     "Farenthold had said he would not seek re-election"),
    ("06ffda2d", [("369ffb5e", 0), ("369ffb5e", 186), ("c16938aa", 191)], 2, False,
     "Farenthold used taxpayer money to settle a sexual harassment case"),
    ("472158a1", [("ded2909d", 0), ("9889aa14", 0), ("9889aa14", 583)], 2, False,
     "Bloomberg endorsed Clinton / urged voters to back her over Trump at the convention"),
    ("472158a1", [("aa0d8255", 0), ("9889aa14", 0), ("9889aa14", 309)], 2, False,
     "Bloomberg attacked Trump at the convention as a danger, not sane"),
    ("472158a1", [("aa0d8255", 282), ("9889aa14", 583), ("9889aa14", 309)], 2, True,
     "Bloomberg attacked Trump's business record"),
    ("ccf19ab6", [("9114ac9d", 0), ("e94ea105", 0)], 1, False,
     "McCarthy backs legal status for undocumented immigrants (both credit KBFX's interview)"),
    ("ccf19ab6", [("9114ac9d", 659), ("e94ea105", 549)], 1, False,
     "McCarthy: principles aren't written yet; legal status to work and pay taxes (told KBFX)"),
    ("ccf19ab6", [("e399a140", 0), ("e399a140", 284), ("9114ac9d", 467), ("e94ea105", 223)], 3, False,
     "House Republicans are about to release immigration principles"),
    ("ccf19ab6", [("e399a140", 516), ("e94ea105", 223)], 2, False,
     "the principles call for legal status (not citizenship)"),
    ("7a97de89", [("0b7469f0", 0), ("d0e3873f", 0)], 2, False,
     "LePage hinted on Tuesday he might leave office early"),
    ("7a97de89", [("d0e3873f", 0), ("d0e3873f", 296), ("3b015abd", 0)], 2, False,
     "LePage said on Wednesday he will not resign"),
    ("c6a0e65c", [("2da92159", 0), ("2da92159", 89), ("2da92159", 507), ("8fab0133", 0),
                  ("8fab0133", 67), ("f2571aa2", 0)], 3, False,
     "Democrats called on Trump to cancel the Putin summit after the indictment of 12 Russian officers"),
    ("c6a0e65c", [("8fab0133", 372), ("8fab0133", 830), ("f2571aa2", 540)], 2, True,
     "McCain: Trump must hold Putin accountable / confront him"),
    ("74708dbf", [("9495dca7", 0), ("9495dca7", 276), ("9913f8f7", 0)], 2, False,
     "Steele will announce on Monday (a call with members) whether he seeks a second term"),
    ("74708dbf", [("9913f8f7", 206), ("a782d93c", 0), ("a782d93c", 519)], 1, False,
     "Steele expected to say he will not run again (HuffPost writes up Fox News' report)"),
    ("74708dbf", [("9495dca7", 393), ("9913f8f7", 341)], 2, True,
     "Steele has lost / is struggling to find support"),
    ("3db93526", [("ff34e76d", 0), ("ff34e76d", 450), ("7003147b", 0), ("7003147b", 535),
                  ("275aec12", 0)], 3, False,
     "Perry's new TV ad vows to end Obama's war on religion"),
    ("3db93526", [("ff34e76d", 197), ("7003147b", 265), ("7003147b", 321), ("275aec12", 332)], 3, False,
     "the ad's quote: not ashamed to admit I'm a Christian ... gays serve openly ... pray in school"),
    ("3db93526", [("7003147b", 0), ("275aec12", 0)], 2, True,
     "the ad criticises gays serving openly in the military"),
    ("3db93526", [("ff34e76d", 498), ("7003147b", 535)], 2, True,
     "I'll fight against liberal attacks on our religious heritage"),
    ("d1344998", [("baa71235", 0), ("37569447", 0), ("37569447", 217), ("f004a025", 0)], 3, False,
     "federal prosecutors subpoenaed Christie's campaign and the state Republican committee"),
    ("d1344998", [("baa71235", 698), ("37569447", 460), ("f004a025", 455)], 3, False,
     "Sheridan: we can confirm ... received subpoenas"),
    ("d1344998", [("37569447", 749), ("f004a025", 750)], 2, False,
     "all three subpoenas focus on the lane closures (Sheridan's statement)"),
    ("d1344998", [("baa71235", 1027), ("f004a025", 255)], 2, True,
     "Sheridan (Patton Boggs) represents the campaign and the committee"),
    ("aab91277", [("bb209267", 271), ("77d6cf0e", 247)], 2, False,
     "a federal grand jury (Mueller) indicted Stone"),
    ("aab91277", [("bb209267", 0), ("bb209267", 271), ("77d6cf0e", 0), ("77d6cf0e", 355)], 2, False,
     "Stone was arrested by the FBI early Friday at his Florida home"),
    ("aab91277", [("77d6cf0e", 355), ("bb209267", 741)], 2, True,
     "Stone appeared in court on Friday"),
    ("38f7cbb7", [("73b9c883", 0), ("73b9c883", 268), ("9fb5214f", 0), ("333aa94a", 283)], 3, False,
     "the White House (Emanuel) used Bill Clinton to ask Sestak to drop out"),
    ("38f7cbb7", [("73b9c883", 0), ("9fb5214f", 484), ("333aa94a", 0)], 3, False,
     "Sestak was offered an unpaid advisory position"),
    ("38f7cbb7", [("73b9c883", 562), ("9fb5214f", 329)], 2, False,
     "the White House rejected claims of improper conduct"),
    ("01c59743", [("1b4d3bf4", 0), ("a174c139", 0), ("a143024b", 0)], 3, False,
     "Mattis is leaving as defense secretary (resigned)"),
    ("01c59743", [("1b4d3bf4", 0), ("1b4d3bf4", 525), ("a143024b", 0)], 2, False,
     "Mattis resigned over policy disagreements with Trump"),
    ("f11c2566", [("c39f3076", 0), ("ddfb315c", 0), ("129e1589", 0), ("129e1589", 191)], 1, False,
     "Boehner: one-in-three chance Republicans lose the House (an interview with Fox News)"),
    ("f11c2566", [("c39f3076", 379), ("ddfb315c", 209), ("ddfb315c", 292), ("129e1589", 395)], 1, False,
     "quote: two-in-three chance we win ... one-in-three chance we could lose (Fox News)"),
    ("f11c2566", [("c39f3076", 623), ("ddfb315c", 340), ("129e1589", 488)], 1, False,
     "quote: we've got a big challenge and work to do (Fox News)"),
    ("1e41e98b", [("81df3ec2", 0), ("ddf67ae7", 0), ("08fc7de9", 0)], 3, False,
     "Trump agreed on Friday to reopen the government for three weeks"),
    ("1e41e98b", [("81df3ec2", 480), ("ddf67ae7", 426), ("08fc7de9", 225)], 3, False,
     "the government funded until Feb. 15"),
    ("1e41e98b", [("ddf67ae7", 304), ("08fc7de9", 389)], 2, False,
     "the House and Senate passed the stopgap"),
    ("1e41e98b", [("08fc7de9", 305), ("ddf67ae7", 426)], 2, True,
     "federal workers will be paid"),
    ("59f2f47c", [("8eeda8bb", 0), ("72ccb51d", 140)], 2, False,
     "Cruz blamed Trump for the National Enquirer's affair story"),
    ("59f2f47c", [("8eeda8bb", 186), ("72ccb51d", 140)], 2, False,
     "the National Enquirer published a story alleging Cruz's affairs"),
    ("59f2f47c", [("180f27cd", 282), ("72ccb51d", 0)], 2, True,
     "Trump and Cruz in a war of words (over their wives)"),
    ("76810849", [("cf3767f6", 292), ("0692a19b", 0), ("0692a19b", 353)], 2, False,
     "Trump said Obama should step down"),
    ("76810849", [("cf3767f6", 292), ("0692a19b", 397)], 2, False,
     "Trump said Clinton should get out of the race if she will not say 'radical Islam'"),
    ("76810849", [("cf3767f6", 0), ("0692a19b", 253)], 2, False,
     "Trump attacked Obama for not saying 'radical Islam'"),
    ("76810849", [("cf3767f6", 0), ("f71a83f7", 651)], 2, True,
     "the deadliest (mass) shooting in U.S. history"),
    ("2ec04201", [("847d3a62", 315), ("847d3a62", 679), ("f2b98b6f", 0), ("f2b98b6f", 584),
                  ("35201557", 0)], 3, False,
     "Republicans attack Obama's Medicare cuts under his health law ($700 billion)"),
    ("2ec04201", [("35201557", 265), ("847d3a62", 315)], 2, False,
     "the Obama campaign says Ryan's plan ends Medicare as we know it (a voucher)"),
    ("2ec04201", [("35201557", 527), ("f2b98b6f", 0)], 2, False,
     "a new Republican TV ad says the Romney-Ryan plan preserves Medicare"),
    ("ad409798", [("a058510f", 0), ("01068367", 0), ("01068367", 213), ("295c19d2", 0)], 3, False,
     "Trump said social media discriminate against Republican / conservative voices"),
    ("ad409798", [("a058510f", 0), ("295c19d2", 242)], 2, False,
     "Trump: too many voices are being destroyed"),
    ("ad409798", [("a058510f", 345), ("295c19d2", 362)], 2, False,
     "Trump: let everybody participate, good & bad"),
    ("ad409798", [("a058510f", 0), ("01068367", 375)], 2, True,
     "Trump: his administration won't let that happen"),
]
NOT_CLAIMS: Refs = [("369ffb5e", 75), ("847d3a62", 0), ("295c19d2", 175)]
HOW = (
    "Hand-judged corroboration on BASIL, a fourth held-out set (corroboration round 6, 7 December 2026,"
    " helper c26), judged before any rule of this round was written or measured on it and before any"
    " claim the system shows on it was seen: 20 events drawn with random.Random(57).sample over the"
    " sorted triplet ids of basil_articles.jsonl less the 20 events of each of tests/data/basil_claims,"
    " basil_claims_2 and basil_claims_3 (40 left), their three articles (The New York Times, Fox News,"
    " HuffPost) as one story each; every claim two articles' leads state (the first four statements of"
    " six words or more, as corroboration.lead_sentences reads them on main 4d010df), with every lead"
    " sentence stating it and its independent count (the distinct sources of record of its reports),"
    " judged with the criteria of basil_claims_2 and basil_claims_3 (a report's source of record is the"
    " outlet it credits for the claim in that sentence or the whole article, such as a write-up of"
    " another outlet's report; a statement made in an interview with another outlet is credited to"
    " that outlet, so Boehner's interview with Fox News and McCarthy's with KBFX count 1; unnamed"
    " reports, the White House, campaigns' statements and pool reports credit no outlet); a sentence"
    " may state more than one claim, and a quote a lede paraphrases is its own claim; 'optional' claims"
    " are side details judged right with all their outlets or alone; 'not_claims': a photo caption and"
    " two hooks; no item reads as opinion."
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
