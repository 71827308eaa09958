"""Faithful by construction: every sentence and quote of an edition is checked against its source.

Before an edition is written, ``verify_edition`` looks up the text of the very article version each
item cites (``SummarySentence.version``, ``Quote.version``: what the article said when it was
quoted, even if it changed since) and keeps an item only when
- a summary sentence occurs **verbatim** in that text (``sentence_not_in_source``);
- a quote's content occurs **verbatim** in that text (``quote_not_in_source``) and the speaker it is
  given to is named there — one word of the name of three letters or more, case aside
  (``speaker_not_in_source``);
- the cited version is stored at all (``source_missing``).
An item that fails is dropped and its ``Rejected(reason, detail)`` kept in ``Edition.rejected``
(stage ``verify``); a voice left with no quote is dropped with it. Nothing is repaired: an edition
shows fewer items rather than one that its source does not bear out.

Pure: the texts come in as a mapping ``{(article_id, version): text}`` that the caller read from the
store (``Store.version_texts``); ``cited_versions`` says which to read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from broadsheet.model import Edition, EditionStory, Quote, Rejected, SummarySentence, Voice
from broadsheet.text import collapse, words

SourceTexts = Mapping[tuple[str, int], str]
STAGE = "verify"
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "the", "and", "of", "u.s"}


def cited_versions(edition: Edition) -> set[tuple[str, int]]:
    """Every ``(article_id, version)`` the edition cites, in summaries and quotes."""
    return {key for story in edition.stories for key in story_versions(story)}


def _rejected(reason: str, article_id: str, detail: str) -> Rejected:
    return Rejected(source=article_id, stage=STAGE, reason=reason, detail=detail, page_id=article_id)


def check_sentence(story_id: str, sentence: SummarySentence, texts: SourceTexts) -> Rejected | None:
    """None when ``sentence`` is verbatim in the version it cites, else why not."""
    where = f"story {story_id}: summary sentence {collapse(sentence.text)[:80]!r}"
    return _verbatim(where, "sentence_not_in_source", sentence.text,
                     (sentence.article_id, sentence.version), texts)[1]


def _verbatim(where: str, reason: str, words_cited: str, cited: tuple[str, int],
              texts: SourceTexts) -> tuple[str, Rejected | None]:
    """The text of the cited version and, when it is not stored (``source_missing``) or does not
    hold ``words_cited`` verbatim (``reason``), why the item is rejected."""
    article_id, version = cited
    source = texts.get(cited)
    if source is None:
        return "", _rejected("source_missing", article_id,
                             f"{where} cites version {version}, which is not stored")
    if not words_cited.strip() or words_cited not in source:
        return source, _rejected(reason, article_id, f"{where} is not in version {version} of its article")
    return source, None


def _speaker_named(speaker: str, source: str) -> bool:
    folded = source.casefold()
    names = [w.casefold() for w in words(speaker) if len(w) >= 3 and w.casefold() not in _TITLES]
    return not names or any(name in folded for name in names)


def check_quote(story_id: str, speaker: str, quote: Quote, texts: SourceTexts) -> Rejected | None:
    """None when ``quote`` is verbatim in the version it cites and names ``speaker``, else why not."""
    where = f"story {story_id}: quote of {speaker} {collapse(quote.content)[:80]!r}"
    source, rejected = _verbatim(where, "quote_not_in_source", quote.content,
                                 (quote.article_id, quote.version), texts)
    if rejected is not None:
        return rejected
    if not _speaker_named(speaker, source):
        return _rejected("speaker_not_in_source", quote.article_id,
                         f"{where}: the article never names {speaker}")
    return None


@dataclass
class _Checker:
    """Collects the rejections of one edition while its stories are checked."""

    texts: SourceTexts
    rejected: list[Rejected]

    def keep(self, found: Rejected | None) -> bool:
        if found is not None and found not in self.rejected:
            self.rejected.append(found)
        return found is None

    def voices(self, story_id: str, voices: tuple[Voice, ...]) -> tuple[Voice, ...]:
        kept = []
        for voice in voices:
            quotes = tuple(q for q in voice.quotes
                           if self.keep(check_quote(story_id, voice.speaker, q, self.texts)))
            if quotes:
                kept.append(replace(voice, quotes=quotes))
        return tuple(kept)

    def story(self, story: EditionStory) -> EditionStory:
        summary = tuple(s for s in story.summary
                        if self.keep(check_sentence(story.story_id, s, self.texts)))
        return replace(story, summary=summary, voices=self.voices(story.story_id, story.voices),
                       saying=self.voices(story.story_id, story.saying))


def story_versions(story: EditionStory) -> set[tuple[str, int]]:
    """Every ``(article_id, version)`` one story cites."""
    cited = {(s.article_id, s.version) for s in story.summary}
    for voice in (*story.voices, *story.saying):
        cited.update((q.article_id, q.version) for q in voice.quotes)
    return cited


def verify_story(story: EditionStory, texts: SourceTexts) -> tuple[EditionStory, tuple[Rejected, ...]]:
    """One story checked like an edition's (the web reader's live story page)."""
    checker = _Checker(texts, [])
    return checker.story(story), tuple(checker.rejected)


def verify_edition(edition: Edition, texts: SourceTexts) -> Edition:
    """``edition`` with every item its sources do not bear out dropped, and why, in ``rejected``."""
    checker = _Checker(texts, list(edition.rejected))
    stories = tuple(checker.story(story) for story in edition.stories)
    return replace(edition, stories=stories, rejected=tuple(checker.rejected))
