"""The rows of the news samples named in argv[1] (comma-separated letters, e.g. "M,P,U,V,O,Z,AA") on the code at
hand, as rows.py prints them (R7c's re-measure of the samples its change could reach)."""

import sys
from pathlib import Path

from broadsheet.bench import voices as v

DATA = Path("/work/shared/data")
SAMPLES = {"M": v.BASIL_M, "N": v.ECBPLUS_N, "O": v.POLNEAR_O, "P": v.BASIL_P, "Q": v.ALLSIDES_Q, "R": v.ECBPLUS_R,
           "S": v.BASIL_S, "T": v.ECBPLUS_T, "U": v.POLNEAR_U, "V": v.BASIL_V, "W": v.POLNEAR_W, "X": v.BASIL_X,
           "Y": v.ALLSIDES_Y, "Z": v.ALLSIDES_Z, "AA": v.POLNEAR_AA}
for name in sys.argv[1].split(","):
    for row in v.news_voice_rows(DATA, SAMPLES[name]):
        m = row.metrics
        print(f"{row.dataset:22s} {m['share_right']:.3f} n={row.documents} speaker={m['wrong_speaker']:.0f} "
              f"role={m['wrong_role']:.0f} kind={m['wrong_kind']:.0f} lost={m['lost']:.0f} "
              f"voices={m['voices']:.0f}", flush=True)
