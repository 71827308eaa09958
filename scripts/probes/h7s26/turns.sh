#!/bin/bash
# CPU of the scale stream's first 20,000 articles (the bench's measure), main and the branch in turns
# main: a snapshot of main's src (b75cf58) in /tmp/h7s26/mainsrc; the same interpreter for both
PY=${PY:-/tmp/h7s26/venv/bin/python}
for who in ${@:-main branch main branch}; do
  if [ $who = main ]; then src=/tmp/h7s26/mainsrc/src; else src=/work/wt/h7s26/src; fi
  out=$(cd /tmp/h7s26 && PYTHONPATH=$src nice -n 5 $PY -c "import json; from pathlib import Path; from broadsheet.bench.cluster_scale import measure; print(json.dumps(measure(Path('/work/shared/data'), 20000)))")
  echo "$who $out load=$(cut -d' ' -f1-3 /proc/loadavg) $(date +%H:%M:%S)"
done
