"""Sample AA's verdicts (by hand, 2026-12-07 ~14:52-15:00 UTC, on main f7fadd8's edition of the pool)."""
import json
import re
import sys

sys.path.insert(0, "/work/wt/h7v29/src")
from broadsheet.bench.voices import quote_hash  # noqa: E402

d = json.load(open("/tmp/h7v29/aa_drawn.json"))
# index: (speakers or None = the shown one, kinds, note); EXTRA: roles, organisations
J = {
 0: (None, ["unnamed source"], "a senator's adviser speaking anonymously: right"),
 1: (None, ["former official"], "a former House speaker on the campaign manager's dismissal: right"),
 2: (None, ["official"], "the FBI director: right"),
 3: (None, ["other"], "a leak site's founder accusing the candidate: right"),
 4: (["Donald Trump", "Trump"], ["other"],
     "a clip of the rival's television interview inside her ad (he says), given to the candidate whose ad it is (wrong speaker)"),
 5: (None, ["other", "outlet"],
     "a reporter described as a university's graduate: the university shown as his organisation (wrong role) and kind expert"),
 6: (None, ["former official", "other"], "a former governor and candidate recalling a visit: right"),
 7: (None, ["unnamed source", "official"], "unnamed officials on the government's strategy: right"),
 8: (None, ["expert"], "a law professor: right"),
 9: (None, ["other"], "a donor who owns a repair shop: right"),
 10: (None, ["expert", "other"], "a fight doctor once quoted: right"),
 11: (None, ["other", "outlet"], "a television moderator's question: right"),
 12: (None, ["other"], "the gun's owner to a television station: right"),
 13: (None, ["official"], "an ambassador: right"),
 14: (["Hillary Clinton", "Clinton", "Hillary Clinton and Martin O'Malley", "Hillary Clinton and Martin O’Malley"],
      ["former official", "other"], "two candidates' pledge, the first one's title kept in the speaker's name (wrong speaker)"),
 15: (None, ["other", "former official"], "the candidate at a press conference: right"),
 16: (["Donald J. Trump", "Donald Trump", "Trump"], ["other"], "the candidate's speech: right"),
 17: (None, ["other", "outlet"], "a television moderator's question: right"),
 18: (["Donald Trump", "Trump"], ["other"],
      "the candidate, named in the sentence before, left as the description of his trade (wrong speaker)"),
 19: (["The candidates"], ["other"], "four candidates named in the paragraph before, as a group: right"),
 20: (None, ["unnamed source", "official"], "unnamed government officials: right"),
 21: (None, ["unnamed source", "official"], "a prime minister's spokesman: right"),
 22: (None, ["outlet"], "a wire agency's count: right"),
 23: (None, ["former official"], "a former senator: right"),
 24: (None, ["other"], "a super PAC's spokeswoman: right"),
 25: ([], None, "a campaign sending out releases and clips (the writer's description of them), no words (wrong speaker)"),
 26: (None, ["former official", "other"], "a former governor and candidate: right"),
 27: (None, ["other"], "a state party's announcement: right"),
 28: (None, ["official"], "a department's announced tariff: right"),
 29: (None, ["expert"], "an international relations scholar: right"),
 30: (None, ["other", "expert"], "a media adviser: right"),
 31: (None, ["outlet"], "a newspaper's report: right"),
 32: (["Donald Trump", "Trump"], ["other"],
      "the candidate, named earlier in the sentence, left as the description (wrong speaker)"),
 33: (None, ["other", "former official"], "the presumptive nominee: right"),
 34: (None, ["other"], "a voter: right"),
 35: (["Hillary Clinton", "Clinton"], ["other", "former official"],
      "the candidate (she) given to her husband, the former president named elsewhere in the article (wrong speaker)"),
 36: (["Harry M. Reid", "Harry Reid", "Reid"], ["official"],
      "the minority leader, named in the sentence before, left as the description (wrong speaker)"),
 37: (None, ["official"], "the head of the president's economic council (a relative clause says so), shown as other (wrong kind)"),
 38: (None, ["former official", "other", "expert"], "a retired general on television: right"),
 39: (None, ["official"], "the White House political director: right"),
 40: (None, ["other"], "two civil rights groups' reservation, one of them shown: right"),
 41: (None, ["other", "unnamed source"], "unnamed critics: right"),
 42: (None, ["expert", "other"], "a media consultant: right"),
 43: (None, ["official"], "a senator on social media: right"),
 44: (None, ["expert", "other"], "a strategist heading a think tank: right"),
 45: (["Jeb Bush", "Bush"], ["other", "former official"],
      "the former governor withdrawing, given to his brother named later in the article (wrong speaker)"),
 46: (None, ["other", "expert"], "a university's pollster: right"),
 47: (None, ["former official"], "a former ambassador on the radio: right"),
 48: (["Gary Casteel", "Casteel"], ["other"], "a union's officer, his title kept in the speaker's name (wrong speaker)"),
 49: ([], None, "politicians and security leaders expressing a feeling (the writer's summary), no words (wrong speaker)"),
 50: (None, ["other"], "a lobbying firm's chief executive: right"),
 51: (None, ["official"], "a foreign ministry's spokeswoman: right"),
 52: (None, ["official"], "a president condemning an attack: right"),
 53: (None, ["other"], "a party's members accusing the president: right"),
 54: (None, ["other"], "a company's announced merger: right"),
 55: (None, ["unnamed source"], "an unnamed executive familiar with the talks, shown as other (wrong kind)"),
 56: (None, ["official"], "a senator and candidate at a debate: right"),
 57: (None, ["official"], "a senator: right"),
 58: ([], None, "the writer's impression of what a party appears to be doing, no words (wrong speaker)"),
 59: (None, ["other", "unnamed source"], "an unnamed witness: right"),
}
EXTRA = {
 5: (["George Washington University grad whose aggressiveness has driven less energetic reporters (like me) off the Hill beat"], []),
 14: (["Former Secretary of State", "former Secretary of State", "Secretary of State"], ["State", "State Department"]),
 18: (["businessman"], []),
 24: (["super PAC spokeswoman"], ["PAC", "super PAC", "Keep the Promise I"]),
 32: (["U.S. presidential candidate", "presidential candidate"], []),
 36: (["Senate minority leader", "the Senate minority leader", "minority leader"], ["Senate"]),
 37: ([], ["Council of Economic Advisers"]),
 48: (["United Auto Workers Secretary-Treasurer", "Secretary-Treasurer"], ["United Auto Workers", "UAW"]),
}


def locate(o):
    if o["start"] >= 0:
        return o["start"], o["end"]
    pattern = r"\s+".join(re.escape(w) for w in o["content"].split())
    m = re.search(pattern, o["text"])
    return m.start(), m.end()


items, articles = [], []
right = 0
for i, o in enumerate(d["drawn"]):
    speakers, kinds, note = J[i]
    shown = {k: o[k] for k in ("speaker", "role", "organisation", "kind")}
    sp = [o["speaker"]] if speakers is None else speakers
    words = o["speaker"].split()
    if speakers is None and o["kind"] != "outlet" and len(words) in (2, 3) and all(w[:1].isupper() for w in words) \
            and words[0].lower() not in ("the", "a", "u.s.", "mexican", "government"):
        sp = [o["speaker"], words[-1]]  # a person's full name and surname, as M to Z keep
    start, end = locate(o)
    item = {"sample": "AA", "article_id": o["article_id"], "start": start, "end": end,
            "hash": quote_hash(o["text"][start:end]), "shown": shown, "speakers": sp,
            "roles": [o["role"]] if o["role"] else [], "organisations": [o["organisation"]] if o["organisation"] else [],
            "kinds": kinds if kinds else [o["kind"]], "note": note}
    right += note.endswith("right")
    if i in EXTRA:
        item["roles"], item["organisations"] = EXTRA[i]
    items.append(item)
    key = o["article_id"].removeprefix("polnear-")
    if key not in articles:
        articles.append(key)
print("right by notes", right, len(items), len(articles))
about = open("/work/wt/h7v29/scripts/probes/h7v29/about_aa.txt").read().strip()
lic = json.load(open("/work/wt/h7v29/tests/data/polnear_voices/judged_w.json"))["licence"]
out = {"about": about, "licence": lic, "articles": articles, "items": items}
open("/work/wt/h7v29/tests/data/polnear_voices/judged_aa.json", "w").write(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
