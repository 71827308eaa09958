"""Sample AB's verdicts (by hand, 2026-12-07 17:44-17:48 UTC, on main b225a06's edition of the pool)."""
import json
import re
import sys

sys.path.insert(0, "/work/wt/h7v30/src")
from broadsheet.bench.voices import quote_hash  # noqa: E402

d = json.load(open("/tmp/h7v30/ab_drawn.json"))
# index: (speakers or None = the shown one, kinds, note); EXTRA: roles, organisations
J = {
 0: (None, ["official"], "a president on refugees: right"),
 1: (None, ["other"], "a party committee member's belief: right"),
 2: (None, ["expert", "other"], "a party strategist: right"),
 3: (None, ["official"], "a senator on the floor: right"),
 4: (None, ["official"], "the president's deputy national security adviser: right"),
 5: (None, ["outlet"], "a wire agency's report: right"),
 6: (None, ["other"], "a company founder at a conference, as a newspaper reported: right"),
 7: (None, ["unnamed source"], "an unnamed employee of a company's plant to television, shown as other (wrong kind)"),
 8: (None, ["other", "outlet"], "a television host's question: right"),
 9: (None, ["other"], "a candidate on a rival: right"),
 10: (None, ["other"], "abortion opponents: right"),
 11: (None, ["official", "other"], "a governor and candidate expressing concern that ...: right"),
 12: (None, ["unnamed source", "other"], "unnamed analysts' claim: right"),
 13: (None, ["other"], "superdelegates' statements, counted: right"),
 14: (None, ["other", "former official"], "the candidate to reporters: right"),
 15: (None, ["other"], "a party committee member: right"),
 16: (None, ["other", "official"], "a congressman's worry (no office written near it): right"),
 17: (None, ["expert"], "a think tank's analyst: right"),
 18: (None, ["other", "unnamed source"], "a former vice president's friends: right"),
 19: (None, ["outlet"], "a wire agency's count: right"),
 20: (None, ["unnamed source", "other"], "a candidate's aides, unnamed: right"),
 21: (None, ["official"], "the president: right"),
 22: (["Bret Baier", "Baier"], ["other", "outlet"],
      "a television anchor's comment (he, right after the sentence naming him) given to the candidate named before (wrong speaker)"),
 23: (None, ["official"], "the secretary general of an alliance: right"),
 24: (None, ["official"], "the White House: right"),
 25: (None, ["other", "former official"], "a former president's claim: right"),
 26: (None, ["other"], "a former campaign manager: right"),
 27: (None, ["other"], "a company's announced layoffs: right"),
 28: (None, ["other"], "an advocacy group's president: right"),
 29: (None, ["other"], "a victim's relative: right"),
 30: (None, ["other"], "a ruling party's member: right"),
 31: (None, ["former official"], "a former representative's e-mail: right"),
 32: (["Mike Pence", "Pence"], ["official", "other"],
      "a governor named in the sentences before, left as a description of him (wrong speaker)"),
 33: (None, ["other", "official"], "a candidate on television: right"),
 34: (None, ["other"], "a blogger: right"),
 35: ([], None, "a company declining to renew a sponsorship (a deed turned down), no words (wrong speaker)"),
 36: (None, ["other"], "a company's spokesman: right"),
 37: (None, ["unnamed source", "official", "other"], "lawmakers calling on the government: right"),
 38: (None, ["other"], "a channel's head of programming: right"),
 39: ([], None, "an actress honoured for exemplifying something (an award's reason), no words (wrong speaker)"),
 40: (None, ["unnamed source"], "a congressman's spokeswoman: right"),
 41: (None, ["former official", "other"], "a former state party chairman: right"),
 42: (None, ["other"], "a lawyer once quoted: right"),
 43: (None, ["official"], "a public bank's president: right"),
 44: (["Ben Carson", "Carson"], ["other"],
      "the candidate, named in the sentence before, left as the description (wrong speaker)"),
 45: (None, ["other", "official"], "a senator and candidate: right"),
 46: (None, ["official"], "a White House director: speaker and kind right, the organisation cut inside its name (wrong role)"),
 47: (None, ["unnamed source"], "a senior adviser who requested anonymity, shown as other (wrong kind)"),
 48: (["George Will", "Will"], ["other", "outlet", "expert"],
      "a columnist's description of a governor (whom he describes as ...) given to the governor (wrong speaker)"),
 49: (None, ["other"], "the candidate: right"),
 50: (None, ["other"], "the candidate bemoaning a failure: right"),
 51: (None, ["other"], "a retiree in a town: right"),
 52: (None, ["other", "former official"], "the candidate's claim: right"),
 53: (None, ["other"], "a campaign's operative: right"),
 54: (None, ["other"], "a rally's organiser: right"),
 55: (None, ["unnamed source", "official", "other"], "unnamed politicians and officials: right"),
 56: (None, ["other", "unnamed source"], "a state delegation's chairman, never named, announcing votes: right"),
 57: (["Hillary Clinton", "Clinton"], ["former official", "other"],
      "the candidate, named in the sentence before, left as the description of her (wrong speaker)"),
 58: (None, ["unnamed source", "other"], "an unnamed woman in a town, shown as an official (wrong kind)"),
 59: (None, ["former official"], "a former governor: right"),
}
EXTRA = {
 22: ([], ["Fox News"]),
 46: (["assistant to the president and director of the White House's Office of Political Strategy and Outreach"],
      ["the White House's Office of Political Strategy and Outreach", "Office of Political Strategy and Outreach",
       "White House", "the White House"]),
 57: (["Democratic presidential front-runner and former secretary of state",
       "former secretary of state", "The Democratic presidential front-runner and former secretary of state"], []),
 32: (["Trump’s potential VP", "potential VP"], []),
 44: (["candidate", "former neurosurgeon", "retired neurosurgeon"], []),  # widened after R1 (his other voice's role)
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
            and words[0].lower() not in ("the", "a", "u.s.", "arab", "abortion", "ukrainian"):
        sp = [o["speaker"], words[-1]]  # a person's full name and surname, as M to AA keep
    start, end = locate(o)
    item = {"sample": "AB", "article_id": o["article_id"], "start": start, "end": end,
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
about = open("/work/wt/h7v30/scripts/probes/h7v30/about_ab.txt").read().strip()
lic = json.load(open("/work/wt/h7v30/tests/data/polnear_voices/judged_aa.json"))["licence"]
out = {"about": about, "licence": lic, "articles": articles, "items": items}
open("/work/wt/h7v30/tests/data/polnear_voices/judged_ab.json", "w").write(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
