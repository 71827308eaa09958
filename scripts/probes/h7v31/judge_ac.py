"""Sample AC's verdicts (by hand, 2026-12-07 20:55-20:57 UTC, on main 5f0b26a's edition of the pool)."""
import json
import re
import sys

sys.path.insert(0, "/work/wt/h7v31/src")
from broadsheet.bench.voices import quote_hash  # noqa: E402

d = json.load(open("/tmp/h7v31/ac_drawn.json"))
ROGAN = ["James E. Rogan", "James Rogan", "Rogan"]
# index: (speakers or None = the shown one, kinds, note); EXTRA: roles, organisations
J = {
 0: (["Stefan K\u00c3\u0083 rner", "Stefan K\u00f6rner", "K\u00f6rner", "K\u00c3\u0083 rner"], ["other"],
     "a party chairman, his surname cut at a space the text's encoding put inside it (wrong speaker)"),
 1: (None, ["other", "unnamed source"], "an unnamed commenter online: right"),
 2: (None, ["unnamed source"], "people familiar with a candidate's thinking: right"),
 3: (None, ["outlet", "other"], "a news site's poll average (as P and V judge one): right"),
 4: (["Ralph Nader", "Nader"], ["other", "former official"],
     "the last third-party candidate, named in the sentence after, left as a cut description (wrong speaker)"),
 5: (None, ["other", "official"], "a party leader: speaker and kind right, the party's name cut inside it (wrong role)"),
 6: (None, ["official", "other"], "a House committee chairman's spokesman: right"),
 7: (["Donald Trump", "Trump"], ["other"],
     "the candidate, named as the subject of the sentence before, left as a description (wrong speaker)"),
 8: (None, ["official"], "a congressman who chairs a committee: right"),
 9: (None, ["unnamed source", "other"], "unnamed party insiders in two states: right"),
 10: (None, ["official"], "the FBI director: right"),
 11: ([], None, "the writer's own words after a clause of a candidate announcing his candidacy, no one's words (wrong speaker)"),
 12: (None, ["other"], "a conservative fundraiser's name for someone: right"),
 13: (None, ["other"], "a voter: right"),
 14: (None, ["expert"], "a university professor: right"),
 15: (None, ["official"], "the US government (its capital) accusing another country: right"),
 16: (None, ["other", "unnamed source"], "a businessman's friends: right"),
 17: (None, ["official"], "a congressman: right"),
 18: (None, ["official", "other"], "a senator and candidate at a debate: right"),
 19: (None, ["other"], "a poll respondent: right"),
 20: (None, ["expert", "other"], "a research director of a consultancy: right"),
 21: (["Debbie Wasserman Schultz", "Wasserman Schultz"], ["other", "official"],
      "a party chair: the speaker right by her surname, her first name shown inside her role (wrong role)"),
 22: (None, ["other"], "a plaintiff who waited in line: right"),
 23: (None, ["other"], "a candidate's words in a clip of his stump speech: right"),
 24: (None, ["official"], "the White House press secretary: right"),
 25: (None, ["other"], "a campaign chairman: right"),
 26: (None, ["official", "other"], "a senator and candidate: right"),
 27: (None, ["official", "former official", "other"], "a senator described as a former party chairman: right"),
 28: (None, ["other", "former official"],
      "a third-party presidential nominee, a former governor, shown as an official (wrong kind)"),
 29: (None, ["official", "other"], "a senator and former candidate: right"),
 30: (None, ["other"], "an activist's statement: right"),
 31: (None, ["other"], "the candidate to a television anchor: right"),
 32: (None, ["unnamed source"], "people familiar with a meeting: right"),
 33: (None, ["official"], "a Supreme Court justice: right"),
 34: (ROGAN, ["former official", "other"],
      "a former congressman's account ('he said', the man named before) given to the woman it tells of (wrong speaker)"),
 35: (None, ["official"], "a state representative: right"),
 36: (None, ["outlet"], "a newspaper: right"),
 37: (None, ["official", "other"], "a senator and candidate: right"),
 38: (None, ["official"], "a congressman: right"),
 39: (None, ["other"], "a campaign's communications adviser: right"),
 40: (None, ["other"], "a campaign spokesman: right"),
 41: (["The Hill", "Hill"], ["outlet"], "a newspaper, shown without its article as other (wrong kind)"),
 42: (None, ["other"], "a candidate's daughter on social media: right"),
 43: (None, ["official", "other"], "a governor and candidate, written as the candidate: right"),
 44: (None, ["official"], "a senator: right"),
 45: (None, ["official", "other"], "a senator and candidate: right"),
 46: (None, ["other", "former official"], "the candidate: right"),
 47: (None, ["other"], "a team owner: right"),
 48: (["Bernie Sanders", "Sanders"], ["official", "other"],
      "a senator's suggestion ('he will ...') given to his wife, who shares his surname (wrong speaker)"),
 49: (None, ["other"], "a community centre's coordinator: right"),
 50: (None, ["expert", "other"], "a party strategist: right"),
 51: (None, ["other"], "a campaign spokesman: right"),
 52: (None, ["other"], "a survey respondent: right"),
 53: (None, ["former official", "other"], "a former president on his wife: right"),
 54: (None, ["outlet"], "a magazine on its own list: right"),
 55: (None, ["unnamed source", "other"], "an unnamed representative of a businessman, shown as an official (wrong kind)"),
 56: (None, ["other"], "some party members: right"),
 57: (None, ["other"], "a convention host committee's president (a private fund-raising body), shown as an official (wrong kind)"),
 58: (None, ["other"], "an organiser with an activists' coalition: right"),
 59: (None, ["official"], "the vice president (a headline): right"),
}
EXTRA = {
 5: (["leader of the anti-immigration UK Independence Party"],
     ["UK Independence Party", "the anti-immigration UK Independence Party"]),
 21: (["DNC Chair", "Chair", "chair of the Democratic National Committee"],
      ["DNC", "Democratic National Committee", "the Democratic National Committee"]),
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
            and words[0].lower() not in ("the", "a", "one", "huffpost"):
        sp = [o["speaker"], words[-1]]  # a person's full name and surname, as M to AB keep
    start, end = locate(o)
    item = {"sample": "AC", "article_id": o["article_id"], "start": start, "end": end,
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
about = open("/work/wt/h7v31/scripts/probes/h7v31/about_ac.txt").read().strip()
lic = json.load(open("/work/wt/h7v31/tests/data/polnear_voices/judged_ab.json"))["licence"]
out = {"about": about, "licence": lic, "articles": articles, "items": items}
open("/work/wt/h7v31/tests/data/polnear_voices/judged_ac.json", "w").write(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
