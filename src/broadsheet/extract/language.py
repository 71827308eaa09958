"""Guess the language of a text from its most common function words.

Used when a page does not declare its language (plain text never does). Each language has a
short list of words that are frequent in any of its texts and rare in the others; the language
whose words make up the largest share of the text's tokens wins, if that share is large enough to
be more than chance. Returns an ISO 639-1 code, or None when no language is convincing.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
MIN_SHARE = 0.12
MIN_WORDS = 20
SAMPLE_CHARS = 20_000


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words("the of and to in is that for it was on with as by at from his her they this "
                    "be are have has had not but said were which"),
    "fr": _words("le la les des est et un une du dans que qui pour sur au pas avec ce il elle "
                    "sont ont par plus"),
    "de": _words("der die das und ist nicht ein eine zu den von mit sich des auf für im dem "
                    "auch es an sie"),
    "es": _words("el la los las de que y en un una es por con para del se al lo como su más "
                    "pero sus"),
    "it": _words("il di che e la per un una non sono con del della si le gli anche più nel "
                    "alla ma"),
    "pt": _words("o a os as de que e do da em um uma para com não por se mais dos das como "
                    "mas foi ao"),
    "nl": _words("de het een en van in is dat op te zijn met voor niet die aan er ook als bij "
                    "om maar"),
}


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is most likely in, or None if unsure."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    if len(words) < MIN_WORDS:
        return None
    shares = {code: sum(w in vocabulary for w in words) / len(words)
              for code, vocabulary in FUNCTION_WORDS.items()}
    best = max(shares, key=shares.__getitem__)
    return best if shares[best] >= MIN_SHARE else None
