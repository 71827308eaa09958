#!/bin/bash
# measure_store (20,000 in four ingests of 5,000), main (d24e21d, /tmp/h7s27/mainsrc) and the branch
# in turns: per-ingest wall rate of the first and last ingest, the process's CPU s (stream built
# included), the load average before and after each run.
PY=/work/main/.venv/bin/python
for who in ${@:-main branch main branch}; do
  if [ $who = main ]; then src=/tmp/h7s27/mainsrc/src; else src=/work/wt/h7s27/src; fi
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  out=$(cd /tmp/h7s27 && PYTHONPATH=$src $PY -c "import json, time; from pathlib import Path; from broadsheet.bench.cluster_scale import measure_store; c=time.process_time(); r=measure_store(Path('/work/shared/data'), 20000); r['cpu']=round(time.process_time()-c, 1); r['first_per_s']=round(5000/r['first']); r['last_per_s']=round(5000/r['last']); print(json.dumps({k: r[k] for k in ('first_per_s', 'last_per_s', 'cpu', 'stories')}))")
  echo "$who $out load_before=$before load_after=$(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)"
done
