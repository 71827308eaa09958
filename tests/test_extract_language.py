"""Language guessing from function words, for pages that do not declare one (plain text)."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract import extract
from broadsheet.extract.language import guess_language
from broadsheet.model import Page

FRENCH = ("Le gouvernement a annoncé mardi que les élections auront lieu en mai, et il a précisé que "
          "la date sera confirmée par le conseil dans les prochains jours pour tous les électeurs.")
GERMAN = ("Die Regierung hat am Dienstag angekündigt, dass die Wahl im Mai stattfinden wird, und sie "
          "hat auch gesagt, dass der Rat das Datum in den nächsten Tagen für die Wähler bestätigt.")


def test_guesses_the_language_of_prose() -> None:
    assert guess_language(FRENCH) == "fr"
    assert guess_language(GERMAN) == "de"


def test_unsure_on_short_or_non_prose_text() -> None:
    assert guess_language("Breaking news") is None
    assert guess_language(" ".join(["XJ-9", "Q4", "NASDAQ", "FTSE", "DAX"] * 10)) is None


def test_plain_text_pages_get_a_language(seed_path: Path) -> None:
    page = Page(id="s", source="seed.txt", kind="text", content=seed_path.read_text(encoding="utf-8"))
    assert extract(page).language == "en"  # type: ignore[union-attr]
