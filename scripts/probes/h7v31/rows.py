"""Every voices sample's row (A-AC) on the code at hand: the demo (A-F), WCXB (G-L) and the news samples
(M-AA), as the attribution bench prints them, one line per row as each is built; with argv[1], every
edition's voices (speaker, role, organisation, kind, first quote's article) written there as JSON lines
(outside the repository: the quotes' words are not kept) to read the changes one by one."""

import json
import sys
from pathlib import Path

from broadsheet.bench import voices as v

DATA = Path("/work/shared/data")
DUMP = open(sys.argv[1], "w", encoding="utf-8") if sys.argv[1:] else None  # noqa: SIM115 (the run's)


def show(rows, edition, name):
    for row in rows:
        m = row.metrics
        print(f"{row.dataset:22s} {m['share_right']:.3f} n={row.documents} speaker={m['wrong_speaker']:.0f} "
              f"role={m['wrong_role']:.0f} kind={m['wrong_kind']:.0f} lost={m['lost']:.0f} "
              f"voices={m['voices']:.0f}", flush=True)
    if DUMP:
        for voice in edition:
            row = {"edition": name, "speaker": voice.speaker, "role": voice.role,
                   "organisation": voice.organisation, "kind": voice.kind,
                   "article": voice.quotes[0].article_id, "quotes": len(voice.quotes)}
            DUMP.write(json.dumps(row) + "\n")
        DUMP.flush()


demo = v.demo_voices()
show(v.voice_rows(demo), demo, "demo")
for path in (v.WCXB_FIXTURE, v.WCXB_H_FIXTURE, v.WCXB_I_FIXTURE, v.WCXB_J_FIXTURE, v.WCXB_K_FIXTURE,
             v.WCXB_L_FIXTURE):
    show(v.wcxb_voice_rows(DATA, path), v.wcxb_voices(DATA, path), path.name)
for sample in (v.BASIL_M, v.ECBPLUS_N, v.POLNEAR_O, v.BASIL_P, v.ALLSIDES_Q, v.ECBPLUS_R, v.BASIL_S,
               v.ECBPLUS_T, v.POLNEAR_U, v.BASIL_V, v.POLNEAR_W, v.BASIL_X, v.ALLSIDES_Y, v.ALLSIDES_Z, v.POLNEAR_AA, v.POLNEAR_AB, v.POLNEAR_AC):
    show(v.news_voice_rows(DATA, sample), v.news_voices(DATA, sample), sample.path.name)
