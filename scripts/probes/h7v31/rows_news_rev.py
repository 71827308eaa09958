"""The news samples' rows, AC back to M, on the code at hand, dumps as rows.py's (argv[1]): run beside
rows.py (A to AC) so the two meet in the middle under load."""

import json
import sys
from pathlib import Path

from broadsheet.bench import voices as v

DATA = Path("/work/shared/data")
DUMP = open(sys.argv[1], "w", encoding="utf-8")  # noqa: SIM115 (the run's)
for sample in (v.POLNEAR_AC, v.POLNEAR_AB, v.POLNEAR_AA, v.ALLSIDES_Z, v.ALLSIDES_Y, v.BASIL_X, v.POLNEAR_W,
               v.BASIL_V, v.POLNEAR_U, v.ECBPLUS_T, v.BASIL_S, v.ECBPLUS_R, v.ALLSIDES_Q, v.BASIL_P, v.POLNEAR_O,
               v.ECBPLUS_N, v.BASIL_M):
    edition = v.news_voices(DATA, sample)
    for row in v.news_voice_rows(DATA, sample):
        m = row.metrics
        print(f"{row.dataset:22s} {m['share_right']:.3f} n={row.documents} speaker={m['wrong_speaker']:.0f} "
              f"role={m['wrong_role']:.0f} kind={m['wrong_kind']:.0f} lost={m['lost']:.0f} "
              f"voices={m['voices']:.0f}", flush=True)
    for voice in edition:
        DUMP.write(json.dumps({"edition": sample.path.name, "speaker": voice.speaker, "role": voice.role,
                               "organisation": voice.organisation, "kind": voice.kind,
                               "article": voice.quotes[0].article_id, "quotes": len(voice.quotes)}) + "\n")
    DUMP.flush()
