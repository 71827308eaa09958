"""Debugging aid (round 36): the analysis's attribution behind drawn voices of sample AB (indices as argv), printed
with the words around its speaker and the entities near it; reads the drawn file kept outside the repository."""
import json, sys
from pathlib import Path
from broadsheet.bench import voices as v
import broadsheet.brief.voices as bv
d = json.load(open("/tmp/h7v30/ab_drawn.json"))
idx = [int(x) for x in sys.argv[1:]]
keys = [d["drawn"][i]["article_id"].removeprefix("polnear-") for i in idx]
snips = [d["drawn"][i]["content"][:30] for i in idx]
orig = bv.speaker_of
def spy(a, text, entities=()):
    r = orig(a, text, entities)
    if any(s in a.content for s in snips):
        print("ATTR", a.speaker, a.speaker_span, "cue", a.cue, a.cue_span, "canon", a.canonical, "->", r)
        s0 = a.speaker_span[0] if a.speaker_span else 0
        print("   ", repr(text[max(0, s0-200):s0+80]))
        print("   ents", [(e.text, e.label, e.span) for e in entities if abs(e.span[0]-s0) < 300])
    return r
bv.speaker_of = spy
pages = v.polnear_train_pages(Path("/work/shared/data"), keys)
v.edition_voices([], pages, created="2026-12-01T00:00:00+00:00")
