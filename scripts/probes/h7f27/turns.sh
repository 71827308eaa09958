#!/bin/bash
# main (d24e21d, a copy) and the branch in turns, the same interpreter and load: the bench's
# measure on the scale stream's first 20,000 in memory (mem) or measure_store's four ingests
# (store), the process's CPU s; the branch's src is a copy too (BR, default /tmp/h7f27/br-src).
what=${WHAT:-mem}
BR=${BR:-/tmp/h7f27/br-src}
for who in ${@:-main branch main branch}; do
  if [ $who = main ]; then src=/tmp/h7f27/main/src; else src=$BR; fi
  if [ $what = mem ]; then fn=measure; else fn=measure_store; fi
  out=$(cd /tmp/h7f27 && PYTHONPATH=$src /work/main/.venv/bin/python -c "import json, time; from pathlib import Path; from broadsheet.bench.cluster_scale import $fn; c=time.process_time(); r=$fn(Path('/work/shared/data'), 20000); r['cpu']=round(time.process_time()-c, 1); print(json.dumps(r))")
  echo "$what $who $out load=$(cut -d' ' -f1-3 /proc/loadavg) $(date +%H:%M:%S)"
done
