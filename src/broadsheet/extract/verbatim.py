"""An input taken as an already-clean article, text kept byte for byte.

``analyze --no-extract`` uses this so that the offsets it prints point into the file itself: the
article has one paragraph, the whole text, so ``Article.text`` equals the file's text exactly.
"""

from __future__ import annotations

from broadsheet.model import Article, Page, Rejected

_TITLE_CHARS = 200


def verbatim_article(page: Page) -> Article | Rejected:
    """``page.content`` unchanged as the article text; its first non-empty line is the title."""
    if not page.content.strip():
        return Rejected.of(page, "extract", "no_text", "the input has no text")
    first_line = next(line for line in page.content.splitlines() if line.strip())
    return Article(
        id=page.id,
        source=page.source,
        title=page.title or first_line.strip()[:_TITLE_CHARS],
        paragraphs=(page.content,),
        url=page.url,
        published=page.published,
        outlet=page.outlet,
    )
