"""Score a run of leads.py (--json) by the verdicts judged so far (verdicts.json: each event's
leads by SHA-1, right or wrong); print the leads not judged yet. Usage: score.py SET NEW.json TEXT"""

from __future__ import annotations

import json
import sys
from pathlib import Path

VERDICTS = Path(__file__).with_name("verdicts.json")


def main() -> None:
    verdicts = json.loads(VERDICTS.read_text(encoding="utf-8"))[sys.argv[1]]
    new = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    blocks = Path(sys.argv[3]).read_text(encoding="utf-8").split("== ")[1:]
    leads = {b.split(" |")[0]: (b.splitlines()[1:2] or [""])[0] for b in blocks}
    right = unknown = 0
    for event, judged in sorted(verdicts.items()):
        sha1 = new.get(event, {}).get("sha1") or "none"
        if sha1 not in judged:
            unknown += 1
            print(f"NOT JUDGED {event}: {leads.get(event, '')[:240]}")
        else:
            right += judged[sha1]["right"]
    print(f"{sys.argv[1]}: {right} / {len(verdicts)} right, {unknown} not judged")


if __name__ == "__main__":
    main()
