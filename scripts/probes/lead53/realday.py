"""The real day's rows (bench/realday.py) alone: pair and BCubed F1, with and without entities.

    PYTHONPATH=src .venv/bin/python scripts/probes/lead53/realday.py /work/shared/data
"""
import sys
from pathlib import Path

from broadsheet.bench.realday import rows

for row in rows(Path(sys.argv[1]), baselines=False):
    print(row)
