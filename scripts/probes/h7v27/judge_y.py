"""Sample Y's verdicts (by hand, 2026-12-07 ~09:00-09:10 UTC, on main d24e21d's edition of the pool)."""
import json, sys
sys.path.insert(0, "/work/wt/h7v27/src")
from broadsheet.bench.voices import quote_hash

d = json.load(open("/tmp/h7v27/y_drawn.json"))
R = "right"
# index: (speakers or None = the shown one, kinds or None = the shown one, note)
J = {
 0: ([], None, "a press secretary defending a retweet: the words are the thing defended (a video's description), not hers; no voice should show them (wrong speaker)"),
 1: (["Republican senators", "senators"], ["official"], "senators in a closed meeting: right"),
 2: (None, ["other", "expert"], "scientific organisations denouncing a plan: right"),
 3: ([], None, "what the president plans to do (an aim; the plan's description is officials'), no words of his: no voice should show them (wrong speaker)"),
 4: (None, ["expert", "unnamed source"], "unnamed experts: right"),
 5: (["Gilead", "Gilead Sciences", "Gilead Sciences, Inc."], ["other"], "the drug maker in a release: right"),
 6: ([], None, "the writer's generalisation of what some people think: no one's words (wrong speaker)"),
 7: (None, ["official"], "a border agency: right"),
 8: (["Mike Bloomberg", "Bloomberg", "Michael Bloomberg"], ["former official", "other"], "a former mayor and candidate, shown as an outlet (the wire's dateline before his name; wrong kind)"),
 9: ([], None, "the vice president ending a briefing: an act, no words (wrong speaker)"),
 10: (None, ["outlet"], "a wire agency: right"),
 11: (["Francis", "Pope Francis"], ["other", "official"], "the pope: right"),
 12: (None, ["official"], "an immigration agency announcing arrests, shown as other, an official (wrong kind)"),
 13: (None, ["official", "unnamed source"], "border agency officials: right"),
 14: (None, ["unnamed source", "official"], "unnamed senior officials: right"),
 15: (None, ["official"], "the supreme court's ruling: right"),
 16: (None, ["other"], "a campaign spokesman: right"),
 17: (None, ["outlet"], "a newspaper: right"),
 18: (["Cory Booker's campaign", "Booker's campaign", "Booker campaign", "Cory Booker", "Booker"], ["other"],
      "a candidate's campaign, written as the description 'the campaign' after a sentence naming the one candidate, left unresolved (wrong speaker)"),
 19: (None, ["official"], "the government reporting jobless claims: right"),
 20: ([], None, "protesters citing concerns: a reason cited, no words (wrong speaker)"),
 21: (None, ["unnamed source", "official"], "unnamed officials: right"),
 22: (None, ["other"], "a company's chief executive: right"),
 23: (None, ["official"], "a government: right"),
 24: (["Court", "the Court", "the Supreme Court", "Supreme Court"], ["official"], "the supreme court (capitalised short form): right"),
 25: (None, ["official"], "a federal records agency apologising, shown as other, an official (wrong kind)"),
 26: (None, ["official"], "the minority leader's letter: right"),
 27: (["Robert Redfield", "Redfield", "Dr. Robert Redfield"], ["former official"],
      "a former agency director, named with 'The former official' in apposition in the next sentence, left as the description (wrong speaker)"),
 28: (None, ["official"], "the president: right"),
 29: (None, ["outlet"], "a newspaper: right"),
 30: (None, ["official"], "a senator: right"),
 31: (None, ["former official"], "a former governor: right"),
 32: (None, ["official"], "the president: right"),
 33: (None, ["official"], "a drug agency ('It said', resolved): right"),
 34: (None, ["official"], "the president's threat: right"),
 35: (None, ["official"], "the president: right"),
 36: (None, ["unnamed source", "official"], "an unnamed official: right"),
 37: (None, ["official"], "the attorney general: right"),
 38: (None, ["unnamed source", "official"], "unnamed defence officials: right"),
 39: (None, ["official"], "the administration: right"),
 40: (None, ["other"], "a sports league: right"),
 41: (None, ["official"], "a police department: right"),
 42: ([], None, "the writer's generalisation of what a candidate rarely admits: no words (wrong speaker)"),
 43: (None, ["outlet"], "a news site: right"),
 44: ([], None, "citizens expressing feelings (a thing expressed online, no words; wrong speaker)"),
 45: (None, ["unnamed source", "official", "other"], "unnamed officials of the president: right"),
 46: (None, ["official"], "the administration: right"),
 47: (["Gilead Sciences, Inc.", "Gilead Sciences", "Gilead"], ["other"],
      "the drug's maker, named in apposition right after the description, left as the description (wrong speaker)"),
 48: (None, ["outlet"], "a news site: right"),
 49: (None, ["unnamed source"], "unnamed people briefed: right"),
 50: (["Donald Trump", "Trump"], ["official"],
      "the president's announcement (that a congressman is his nominee), given to 'Republican' of a description of the congressman who thanked him (wrong speaker)"),
 51: (None, ["official", "unnamed source"], "an unnamed official: right"),
 52: (None, ["official"], "a mayor: right"),
 53: (["House Democrats", "Democrats"], ["official", "other"], "members of the House calling for impeachment: right"),
 54: (None, ["official"], "an appeals court's order: right"),
 55: (None, ["official"], "the federal police's finding: right"),
 56: (["Richard Donoghue", "Donoghue"], ["official"],
      "a federal prosecutor noting a fact (the subject of the sentence's 'said ... while noting'), given to the officer named in the words before (wrong speaker)"),
 57: (None, ["official"], "the president's statement: right"),
 58: (None, ["official", "other"], "a career government employee: right"),
 59: (None, ["official"], "a governor: right"),
}
EXTRA = {
 27: (["The former director of the Centers for Disease Control and Prevention",
       "former director of the Centers for Disease Control and Prevention", "former director", "The former official",
       "former official", "director"], ["the Centers for Disease Control and Prevention",
       "Centers for Disease Control and Prevention", "CDC"]),
 47: (["the drug's manufacturer", "drug's manufacturer", "manufacturer", "California-based"], []),
 50: (["President", "the president"], []),
 56: (["US Attorney", "U.S. Attorney", "Brooklyn's top prosecutor", "top prosecutor"], ["Department of Justice"]),
 18: ([], []),
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
        sp = [o["speaker"], words[-1]]  # a person's full name and surname, as M to X keep
    if speakers is None and o["speaker"] == "Trump":
        sp = ["Trump", "Donald Trump"]
    text = o["text"]
    item = {"sample": "Y", "article_id": o["article_id"], "start": o["start"], "end": o["end"],
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
about = open("/tmp/h7v27/about_y.txt").read().strip()
lic = json.load(open("/work/wt/h7v27/tests/data/allsides_voices/judged_q.json"))["licence"]
out = {"about": about, "licence": lic, "articles": articles, "items": items}
open("/work/wt/h7v27/tests/data/allsides_voices/judged_y.json", "w").write(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
