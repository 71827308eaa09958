#!/bin/sh
# usage: run.sh TAG LEAST [FLOOR [TITLES]]: ECB+ rows with headnames.LEAST (0: main's behaviour), shipped and held-out model
cd /work/wt/h7e28
cat > /tmp/h7e28/site-$1.py <<PY
from broadsheet.stories import headnames
headnames.LEAST = $2
headnames.FLOOR = ${3:-0.25}
headnames.TITLES = ${4:-1}
PY
export PYTHONPATH=src:/tmp/h7e28/sitedir-$1
mkdir -p /tmp/h7e28/sitedir-$1 && cp /tmp/h7e28/site-$1.py /tmp/h7e28/sitedir-$1/sitecustomize.py
TAG=$1 .venv/bin/python scripts/probes/h7e28/ecbrows.py
TAG=$1-lodo MODEL=/tmp/h7e28/lodo-ecbplus.pkl .venv/bin/python scripts/probes/h7e28/ecbrows.py
