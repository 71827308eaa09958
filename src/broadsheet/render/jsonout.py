"""The edition as JSON (``edition.json``): exactly ``codec.to_dict(edition)``, nothing dropped.

``codec.from_dict(Edition, json.loads(text)) == edition`` holds, so the file is both the data
export of an edition and the JSON twin of the web pages.
"""

from __future__ import annotations

import json

from broadsheet.codec import to_dict
from broadsheet.model import Edition


def render_json(edition: Edition) -> str:
    """The edition as indented UTF-8 JSON with a final newline; key order follows the model."""
    return json.dumps(to_dict(edition), ensure_ascii=False, indent=2) + "\n"
