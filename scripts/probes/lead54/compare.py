"""Compare a run of leads.py (--json) with the judged leads: print each event whose lead changed,
with the old verdict, so only the new leads need judging. Usage: compare.py JUDGED SET NEW.json TEXT"""

from __future__ import annotations

import json
import sys


def main() -> None:
    judged = json.load(open(sys.argv[1], encoding="utf-8"))[sys.argv[2]]
    new = json.load(open(sys.argv[3], encoding="utf-8"))
    text = open(sys.argv[4], encoding="utf-8").read().split("== ")
    leads = {block.split(" |")[0]: block.splitlines()[1] if len(block.splitlines()) > 1 else ""
             for block in text[1:]}
    same = changed = 0
    for event, verdict in sorted(judged.items()):
        now = new.get(event, {})
        if now.get("sha1") == verdict["sha1"]:
            same += 1
            continue
        changed += 1
        print(f"{event} was {'right' if verdict['right'] else 'wrong'}: {leads.get(event, '')[:230]}")
    print(f"same {same}, changed {changed}")


if __name__ == "__main__":
    main()
