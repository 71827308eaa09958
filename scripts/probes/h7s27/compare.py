"""Compare two dumps of ``outputs.py`` (main's and the branch's): each part identical or not, and
the stories (ids and member sets) in each."""

import json
import sys

one, other = (json.load(open(path)) for path in sys.argv[1:3])
for key in sorted(set(one) | set(other)):
    a, b = one.get(key), other.get(key)
    size = len(a) if isinstance(a, (list, dict)) else a
    if isinstance(a, list) and a and isinstance(a[0], list):  # (id, title, members) per story
        stories = len(a)
    elif isinstance(a, list):  # labels per article: stories = distinct labels
        stories = len(set(a))
    elif isinstance(a, dict) and key.endswith("redirects"):
        stories = f"{len(a)} redirects"
    else:
        stories = len(a) if a is not None else None
    print(f"{key:28s} {'IDENTICAL' if a == b else 'DIFFERENT'}  items={size} stories={stories}")
