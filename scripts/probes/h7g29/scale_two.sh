#!/bin/sh
# second turn: the branch first, then main: bench clustering --scale --limit 20000
for side in branch main; do
  if [ $side = main ]; then dir=/tmp/h7g29-main; else dir=/work/wt/h7g29; fi
  echo "== $side $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd $dir && PYTHONPATH=src .venv/bin/broadsheet bench clustering --data /work/shared/data --scale --limit 20000 2>&1 | grep -v "^$" | tail -8)
done
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
