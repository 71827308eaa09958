"""Sample Z's verdicts (by hand, 2026-12-07 ~11:50-12:00 UTC, on main a8b0bdd's edition of the pool)."""
import json, sys
sys.path.insert(0, "/work/wt/h7v28/src")
from broadsheet.bench.voices import quote_hash

d = json.load(open("/tmp/h7v28/z_drawn.json"))
# index: (speakers or None = the shown one, kinds or None = the shown one, note)
J = {
 0: (None, ["official"], "an agency's director: right"),
 1: (None, ["official"], "a secretary of state describing a strike: right"),
 2: (["Joe Biden", "Biden"], ["former official", "other"],
     "a candidate's video, written as the description 'the former vice president' after a sentence naming him, left unresolved (wrong speaker)"),
 3: (["three people familiar with his identity", "The New York Times", "New York Times"], ["unnamed source", "outlet"],
     "a newspaper's report citing unnamed people (F judges either): right"),
 4: (None, ["unnamed source", "official"], "unnamed officials: right"),
 5: (None, ["official"], "a department: right"),
 6: (None, ["outlet"], "a newspaper: right"),
 7: (None, ["official"], "a senator's call on Congress: right"),
 8: ([], None, "a country's count of deaths (a statistic compiled by a university), no one's words: no voice should show them (wrong speaker)"),
 9: (None, ["official"], "an appeals court's ruling: right"),
 10: (None, ["official"], "the vice president: right"),
 11: (None, ["official"], "a Senate committee: right"),
 12: (None, ["unnamed source", "official"], "unnamed officials: right"),
 13: (None, ["official"], "a governor: right"),
 14: (None, ["official"], "the president's threat: right"),
 15: (None, ["other", "unnamed source"], "a whistleblower's lawyers: right"),
 16: (None, ["former official"], "a former congressman; the role runs on from the headline into his title (wrong role)"),
 17: (None, ["official"], "the president's warning: right"),
 18: (None, ["expert", "other"], "a hospital's head of trauma: right"),
 19: (None, ["official", "unnamed source"], "diplomats' memo: right"),
 20: (None, ["other", "official"], "a senator and candidate at a debate: right"),
 21: (None, ["unnamed source"], "unnamed people: right"),
 22: (None, ["official"], "the president: right"),
 23: (None, ["official"], "the president: right"),
 24: (None, ["other", "official"], "a party's members: right"),
 25: (None, ["other", "expert"], "an advocacy group's manager, shown as an official (wrong kind)"),
 26: (["Elizabeth Warren of Massachusetts and her colleagues", "Elizabeth Warren and her colleagues", "Elizabeth Warren", "Warren"],
      ["official", "other"], "a senator and her fellow candidates, as the writer sums them up: right"),
 27: (None, ["official"], "a senator: right"),
 28: (None, ["official"], "the White House's accusation: right"),
 29: (["Joe Biden", "Biden"], ["former official", "other"],
      "a candidate's words in a clip ('the former vice president ... said'), given to the aide who posted the clip (wrong speaker)"),
 30: (None, ["unnamed source"], "unnamed people: right"),
 31: ([], None, "a police force declaring a state of emergency: an act, no words (wrong speaker)"),
 32: ([], None, "the president praising a congressman: the words are the one praised (the writer's description), not his (wrong speaker)"),
 33: (None, ["official"], "the supreme court: right"),
 34: (None, ["official"], "the House speaker, written so in the next sentence, shown as other (wrong kind)"),
 35: (None, ["outlet"], "a news network: right"),
 36: (None, ["official"], "a department: right"),
 37: (None, ["outlet"], "a news network: right"),
 38: (["a Trump spokesperson", "Jason Miller"], ["unnamed source", "other"], "an unnamed spokesperson: right"),
 39: (None, ["official"], "a department's watchdog: right"),
 40: (None, ["outlet"], "a newspaper: right"),
 41: (None, ["official"], "the president's tweets: right"),
 42: (None, ["other", "expert"], "a ratings company: right"),
 43: (None, ["unnamed source", "former official"], "an unnamed former official: right"),
 44: (None, ["official"], "an ethics office: right"),
 45: (None, ["former official", "other"], "a former vice president: right"),
 46: (None, ["official"], "the president (no title written), shown as other (wrong kind)"),
 47: (["Chuck Schumer", "Schumer"], ["official"],
      "a minority leader, shown as his title with the name cut off (wrong speaker)"),
 48: (None, ["official"], "a state auditor, shown as other (wrong kind)"),
 49: (None, ["official"], "the president's letter: right"),
 50: (None, ["official"], "a majority leader: right"),
 51: (None, ["official"], "a senator: right"),
 52: (None, ["official"], "a governor criticising a council's move, with his quoted question: right"),
 53: (None, ["outlet"], "a news network: right"),
 54: (None, ["official"], "the president: right"),
 55: (None, ["outlet"], "a wire agency: right"),
 56: (None, ["outlet"], "a newspaper's report: right"),
 57: (["The New York Times", "New York Times"], ["outlet"],
      "the president denying a newspaper's report: the words are the report's, not his (wrong speaker)"),
 58: (None, ["official"], "the White House: right"),
 59: ([], None, "a judge denying a request (a ruling turned down, no words; the reason after it is another voice): wrong speaker"),
}
EXTRA = {
 2: (["the former vice president", "former vice president", "Former Vice President"], []),
 16: (["Former Texas Representative", "Texas Representative", "Former Representative"], []),
 29: (["the former vice president", "former vice president", "Democratic front-runner"], []),
 34: (["House Speaker", "the powerful House Speaker", "Speaker"], ["House"]),
 47: (["Senate Minority Leader", "Minority Leader"], ["Senate"]),
 57: ([], []),
}
items, articles = [], []
right = 0
for i, o in enumerate(d["drawn"]):
    speakers, kinds, note = J[i]
    shown = {k: o[k] for k in ("speaker", "role", "organisation", "kind")}
    sp = [o["speaker"]] if speakers is None else speakers
    words = o["speaker"].split()
    if speakers is None and o["kind"] != "outlet" and len(words) in (2, 3) and all(w[:1].isupper() for w in words) \
            and words[0].lower() not in ("the", "a", "u.s.", "major"):
        sp = [o["speaker"], words[-1]]  # a person's full name and surname, as M to Y keep
    if speakers is None and o["speaker"] == "Trump":
        sp = ["Trump", "Donald Trump"]
    text = o["text"]
    item = {"sample": "Z", "article_id": o["article_id"], "start": o["start"], "end": o["end"],
            "hash": quote_hash(text[o["start"]:o["end"]]), "shown": shown, "speakers": sp,
            "roles": [o["role"]] if o["role"] else [], "organisations": [o["organisation"]] if o["organisation"] else [],
            "kinds": kinds if kinds else [o["kind"]], "note": note}
    ok = note.endswith("right")
    right += ok
    if i in EXTRA:
        item["roles"], item["organisations"] = EXTRA[i]
    items.append(item)
    key = o["article_id"].removeprefix("allsides-")
    if key not in articles:
        articles.append(key)
print("right by notes", right, len(items), len(articles))
about = open("/work/wt/h7v28/scripts/probes/h7v28/about_z.txt").read().strip()
lic = json.load(open("/work/wt/h7v28/tests/data/allsides_voices/judged_q.json"))["licence"]
out = {"about": about, "licence": lic, "articles": articles, "items": items}
open("/work/wt/h7v28/tests/data/allsides_voices/judged_z.json", "w").write(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
