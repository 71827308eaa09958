cd /work/wt/h7n22
export PYTHONPATH=src
P="nice -n 5 .venv/bin/python"
$P /tmp/h7n22/final.py ecbplus,ecbplus-dated,basil
$P /tmp/h7n22/rd.py
$P /tmp/h7n22/final.py allsides,googlenews-TS,googlenews-T
