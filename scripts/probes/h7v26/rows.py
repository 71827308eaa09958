"""Every voices sample's row (A-X) on the code at hand: the demo (A-F), WCXB (G-L) and the news samples
(M-X), as the attribution bench prints them. Prints one line per row."""

from pathlib import Path

from broadsheet.bench import voices as v

DATA = Path("/work/shared/data")
rows = v.voice_rows()
for path in (v.WCXB_FIXTURE, v.WCXB_H_FIXTURE, v.WCXB_I_FIXTURE, v.WCXB_J_FIXTURE, v.WCXB_K_FIXTURE,
             v.WCXB_L_FIXTURE):
    rows += v.wcxb_voice_rows(DATA, path)
for sample in (v.BASIL_M, v.ECBPLUS_N, v.POLNEAR_O, v.BASIL_P, v.ALLSIDES_Q, v.ECBPLUS_R, v.BASIL_S,
               v.ECBPLUS_T, v.POLNEAR_U, v.BASIL_V, v.POLNEAR_W, v.BASIL_X):
    rows += v.news_voice_rows(DATA, sample)
for row in rows:
    m = row.metrics
    print(f"{row.dataset:22s} {m['share_right']:.3f} n={row.n} speaker={m['wrong_speaker']:.0f} "
          f"role={m['wrong_role']:.0f} kind={m['wrong_kind']:.0f} lost={m['lost']:.0f} "
          f"voices={m['voices']:.0f}")
