"""Sample AC's row on the code at hand (the gate's edition of its 57 articles), each judged voice's verdict."""
import time
from pathlib import Path

from broadsheet.bench import voices as v

DATA = Path("/work/shared/data")
began = time.time()
edition = v.news_voices(DATA, v.POLNEAR_AC)
items = v.load_located(v.POLNEAR_AC.path, v.POLNEAR_AC.texts(DATA))
for index, item in enumerate(items):
    shown = v.describe(item, v.find_voice(item, edition))
    if shown["verdict"] != "right":
        print(index, shown["verdict"], shown["shown"])
(row,) = v.news_voice_rows(DATA, v.POLNEAR_AC)
m = row.metrics
print(f"{row.dataset} {m['share_right']:.3f} n={row.documents} speaker={m['wrong_speaker']:.0f} role={m['wrong_role']:.0f} "
      f"kind={m['wrong_kind']:.0f} lost={m['lost']:.0f} voices={m['voices']:.0f} ({time.time() - began:.0f} s)")
