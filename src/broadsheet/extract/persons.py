"""Is a name a person's? The entity recogniser of the analysis model, asked only when the
rules cannot tell: a byline that names the site could be the site's own name (a company, which
is the outlet and never an author) or the name of the person whose site it is.

The model is loaded on the first question only (most pages never ask) and shared with the
analysis stage (``broadsheet.analyze.nlp.load_model``). When it is not installed or is broken,
no name reads as a person's here: the site's name then stays the outlet, as before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from broadsheet.errors import AnalyzeError


@lru_cache(maxsize=1)
def _model() -> Any:
    """The analysis model, or None when it cannot be loaded (asked once per process)."""
    from broadsheet.analyze.nlp import load_model

    try:
        return load_model()
    except AnalyzeError:
        return None


@lru_cache(maxsize=4096)
def reads_as_person(name: str) -> bool:
    """True when the recogniser reads the whole of ``name``, on its own, as one person."""
    nlp = _model()
    if nlp is None:
        return False
    return any(ent.label_ == "PERSON" and ent.text == name for ent in nlp(name).ents)
