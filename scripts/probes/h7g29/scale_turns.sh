#!/bin/sh
# main (throwaway worktree) and the branch in turn: bench clustering --scale --limit 20000, load noted
for turn in 1 2; do
  for side in main branch; do
    if [ $side = main ]; then dir=/tmp/h7g29-main; else dir=/work/wt/h7g29; fi
    echo "== turn $turn $side $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
    (cd $dir && PYTHONPATH=src .venv/bin/broadsheet bench clustering --data /work/shared/data --scale --limit 20000 2>&1 | grep -v "^$" | tail -12)
  done
done
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
