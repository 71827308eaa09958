"""lead53's real-day probe with the full-names knobs: LEAST=n SURNAMES=1 realday_knobs.py DATA."""
import os
import runpy
import sys

from broadsheet.stories import features, fullnames

fullnames.LEAST = int(os.environ.get("LEAST", "0"))
features.SURNAMES = os.environ.get("SURNAMES", "0") == "1"
print("# LEAST", fullnames.LEAST, "SURNAMES", features.SURNAMES, flush=True)
sys.argv = ["realday.py", sys.argv[1]]
runpy.run_path("scripts/probes/lead53/realday.py", run_name="__main__")
