#!/bin/bash
# CPU of the scale stream's first 20,000 articles (the bench's measure), main and the branch with
# far pieces on, in turns (h7f25's turns.sh)
mkdir -p /tmp/h7f26
for who in ${@:-main branch main branch}; do
  if [ $who = main ]; then src=/work/main/src; on=False; else src=/work/wt/h7f26/src; on=True; fi
  out=$(cd /tmp/h7f26 && PYTHONPATH=$src nice -n 5 /work/main/.venv/bin/python -c "import json; from pathlib import Path
try:
    from broadsheet.stories import farpieces; farpieces.PIECES = $on
except ImportError:
    pass
from broadsheet.bench.cluster_scale import measure; print(json.dumps(measure(Path('/work/shared/data'), 20000)))")
  echo "$who $out load=$(cut -d' ' -f1-3 /proc/loadavg) $(date +%H:%M:%S)"
done
