"""The act of an attribution: a statement, a question, a request or a belief.

From the cue's lemma and the shape of what it attributes:

- **question**: a cue of asking ("asked", "wondered", "questioned whether") whose content is an
  indirect question ("if he supported ...", "why ...") or ends with a question mark;
- **request**: a cue of demanding ("urged", "called on X to", "called for", "demanded", "asked X to")
  whose content is what should be done;
- **belief**: a cue of a state of mind rather than of speech ("critics fear that ...", "he believes",
  "officials expect", "she wants", "polls show" is not one: a poll states);
- **statement**: everything else.
"""

from __future__ import annotations

from spacy.tokens import Doc

from broadsheet.model import SpeechAct

QUESTION_CUES = frozenset({"ask", "wonder", "question", "inquire", "query", "quiz", "press"})
REQUEST_CUES = frozenset(
    {
        "urge", "demand", "request", "implore", "plead", "appeal", "order", "encourage", "invite",
        "instruct", "beg", "push", "press", "petition", "direct", "recommend", "advise", "challenge",
        "dare", "exhort", "propose"
    }
)
BELIEF_CUES = frozenset(
    {
        "think", "believe", "fear", "hope", "expect", "feel", "worry", "suspect", "assume", "doubt",
        "know", "want", "wish", "consider", "view", "understand", "realize", "realise", "guess",
        "suppose", "imagine", "trust", "sense", "conclude", "figure", "anticipate", "dread", "reckon",
        "envision", "favor", "favour", "prefer", "like", "seem", "appear", "concern", "bet", "convince"
    }
)
_QUESTION_WORDS = frozenset({"if", "whether", "why", "what", "how", "when", "where", "who", "which", "whom"})


def classify_act(doc: Doc, head: int, content: str) -> SpeechAct:
    """The act of the attribution whose cue head is token ``head`` and whose content is ``content``."""
    cue = doc[head]
    lemma = _lemma(cue.lemma_.lower(), cue.lower_)
    first = content.split(maxsplit=1)[0].lower().strip("\"“'‘") if content.split() else ""
    if lemma in QUESTION_CUES and (first in _QUESTION_WORDS or content.rstrip("\"”'’ ").endswith("?")):
        return "question"
    if lemma in REQUEST_CUES or (lemma in {"call", "ask"} and _demands(doc, head)):
        return "request"
    if lemma in BELIEF_CUES:
        return "belief"
    return "statement"


def _lemma(lemma: str, word: str) -> str:
    """The cue's lemma, mended where the small model's lemmatizer is wrong ("hoped", "hoping" ->
    "hop"; "hopping" stays "hop")."""
    return "hope" if lemma == "hop" and word.startswith(("hope", "hoping")) else lemma


def _demands(doc: Doc, head: int) -> bool:
    """ "called for ...", "called on X to ...", "asked X to ..."."""
    cue = doc[head]
    if cue.lemma_.lower() == "call":
        return head + 1 < len(doc) and doc[head + 1].lower_ in {"for", "on", "upon"}
    return any(c.dep_ == "xcomp" and c.i > head for c in cue.children)
