#!/bin/bash
# measure_store (20,000 in four ingests), main and the branch in turns: the process's CPU s (stream built included)
PY=${PY:-/tmp/h7s26/venv/bin/python}
for who in ${@:-main branch main branch}; do
  if [ $who = main ]; then src=/tmp/h7s26/mainsrc/src; else src=/work/wt/h7s26/src; fi
  out=$(cd /tmp/h7s26 && PYTHONPATH=$src nice -n 5 $PY -c "import json, time; from pathlib import Path; from broadsheet.bench.cluster_scale import measure_store; c=time.process_time(); r=measure_store(Path('/work/shared/data'), 20000); r['cpu']=time.process_time()-c; print(json.dumps(r))")
  echo "$who $out load=$(cut -d' ' -f1-3 /proc/loadavg) $(date +%H:%M:%S)"
done
