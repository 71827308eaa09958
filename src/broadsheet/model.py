"""The plain data that flows between pipeline stages.

Every stage is a function from these values to these values (see ``pipeline.py``); only ``ingest``,
``store``, ``render`` output and ``deliver`` touch the world. All classes are frozen: a stage never
mutates what it was given, it returns a new value (``dataclasses.replace``).

    Page ──extract──▶ Article ──analyze──▶ Analysis ──cluster──▶ Story ──brief──▶ Edition
      └──────────── any stage may answer Rejected(reason, detail) instead ────────────┘

Offsets (``Span``) are ``(start, end)`` character offsets into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]
PageKind = Literal["html", "text", "record", "summary"]
AttributionKind = Literal["direct", "indirect", "mixed"]
SpeechAct = Literal["statement", "question", "request", "belief"]
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Page:
    """One input document as read at the boundary, already decoded to text.

    ``kind`` says how to read ``content``: ``html`` markup, ``text`` (a page flattened to plain text,
    boilerplate and all), ``record`` (an already-clean article, e.g. a JSONL line; ``content`` is
    its body) or ``summary`` (a feed item's summary standing in for an article page that could not
    be had: refused by robots.txt, a 403 or a paywall; it becomes a ``summary_only`` Article).
    ``title``/``outlet``/``published`` are hints the container gave (a JSONL field, a feed entry);
    extraction prefers them to guesses.
    """

    id: str
    source: str
    kind: PageKind
    content: str
    url: str | None = None
    fetched_at: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Source:
    """A feed or news sitemap the user follows (``broadsheet sources add``), with its fetch state.

    ``etag``/``last_modified`` are the validators of the last answer (conditional GET);
    ``last_error`` is the latest failure ("reason: detail"), kept on the row until a fetch
    succeeds, ``error_count`` the failures in a row, ``next_check`` when it is due again.
    """

    url: str
    title: str | None = None
    leaning: str | None = None
    site_url: str | None = None
    language: str | None = None
    kind: str | None = None  # "feed" or "sitemap" once it has been read
    etag: str | None = None
    last_modified: str | None = None
    last_error: str | None = None
    error_count: int = 0
    next_check: str | None = None
    last_checked: str | None = None
    retry_after: str | None = None  # the server asked not to be asked before this time


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed or news sitemap, whatever its format (RSS, Atom, JSON Feed, sitemap).

    ``guid`` only tells the items of one source apart (rule in ``ingest.feeds``); the article an
    item becomes is identified by its page's canonical URL, like any page. ``content`` is the
    item's full text (HTML) when the feed carries one, ``summary`` its teaser.
    """

    guid: str
    url: str | None
    title: str | None = None
    summary: str | None = None
    content: str | None = None
    published: str | None = None
    updated: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class RelatedItem:
    """One entry of a page's related-stories list: ``label`` is a section such as "Feature"."""

    title: str
    label: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class Article:
    """The clean article extracted from a Page; ``id`` is the page's id.

    ``version`` counts the texts stored under this id: a page that changed at the same URL is the
    same article in a new version (the store assigns it; extraction always says 1).
    ``not_article`` says, when ``is_article`` is false, what the page is instead (``listing``,
    ``product``, ``forum``, ``documentation``, ``service``, ``not_article``); ``opinion`` marks an
    opinion piece (column, editorial, op-ed) as the page declares or labels it.
    ``summary_only`` marks an article that is only a feed item's summary: its page was refused
    (robots.txt, 403, a paywall), so the text is the publisher's teaser, not the article.
    """

    id: str
    source: str
    title: str
    paragraphs: tuple[str, ...]
    url: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    outlet: str | None = None
    section: str | None = None
    language: str | None = None
    is_article: bool = True
    related: tuple[RelatedItem, ...] = ()
    version: int = 1
    not_article: str | None = None
    opinion: bool = False
    summary_only: bool = False

    @property
    def text(self) -> str:
        """Body paragraphs joined by a blank line: the string every ``Span`` points into."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


@dataclass(frozen=True)
class Entity:
    """A named entity; ``canonical`` is the name every mention of the same thing shares."""

    text: str
    label: str
    canonical: str
    span: Span


@dataclass(frozen=True)
class Attribution:
    """Who said what: ``speaker`` said ``content`` (cue: "said", "told", "according to" ...).

    ``via`` is the outlet or person that carried it ("told BBC News" -> "BBC News"); ``when`` is the
    time phrase attached to the cue ("Monday evening"). ``kind`` is ``direct`` for a verbatim quote,
    ``indirect`` for reported speech, ``mixed`` for a paraphrase that embeds a quotation.
    ``speaker`` is the resolved name: a person's fullest name in the article ("Donald Trump" for "Trump
    said" or "he said"); ``speaker_span`` points at the mention in the attribution's own clause (the
    pronoun "he" of "he said"), ``cue_span`` and ``content_span`` at exactly ``cue`` and ``content``.
    ``act`` is ``statement``, ``question`` ("asked if ..."), ``request`` ("called on X to ...") or
    ``belief`` ("critics fear that ..."). ``canonical`` is the key voices group by, the same across
    the articles of a story: for a person the first and last word of their name ("adam schiff" for
    "Adam B. Schiff", "Rep. Schiff" and "he"), for an organisation or a group of people its name
    ("new york times", "us officials"); None when the speaker is no person or organisation (a poll,
    a document, a thing, a pronoun left unresolved), which voices then leave out.
    """

    speaker: str
    cue: str
    content: str
    kind: AttributionKind
    role: str | None = None
    organisation: str | None = None
    via: str | None = None
    when: str | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None
    content_span: Span | None = None
    act: SpeechAct = "statement"
    canonical: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date or time phrase in the text and, when it can be resolved, its ISO value."""

    text: str
    value: str | None
    span: Span


@dataclass(frozen=True)
class Analysis:
    """An Article with what ``analyze`` found in its ``text``."""

    article: Article
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    dates: tuple[DateMention, ...] = ()


@dataclass(frozen=True)
class Story:
    """Articles from one or more outlets about the same event.

    ``duplicates`` holds ``(article_id, duplicate_of)`` pairs: an article that nearly duplicates
    another (wire copy, syndicated or re-published text) stays a member but is not counted twice.
    ``merged_from`` lists the ids of stories this one absorbed (each now redirects here);
    ``roundup`` marks a digest of unrelated items ("10 things to know today") or a page of figures
    (a team's snap counts, a ranking), a story of its own.
    """

    id: str
    title: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()
    first_published: str | None = None
    last_published: str | None = None
    merged_from: tuple[str, ...] = ()
    roundup: bool = False


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of a story summary, taken verbatim from version ``version`` of ``article_id``."""

    text: str
    article_id: str
    outlet: str | None = None
    url: str | None = None
    version: int = 1


@dataclass(frozen=True)
class Quote:
    """One thing a voice said, with the article (and its version) that carried it."""

    content: str
    kind: AttributionKind
    cue: str
    article_id: str
    outlet: str | None = None
    url: str | None = None
    via: str | None = None
    version: int = 1


@dataclass(frozen=True)
class Voice:
    """A speaker in a story and everything they were reported to say.

    ``kind`` is the kind of speaker (official, former official, expert, outlet, unnamed source,
    organisation, person; ``stories/speakers.py`` writes the rules down).
    """

    speaker: str
    quotes: tuple[Quote, ...]
    role: str | None = None
    organisation: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Coverage:
    """One article of a story as an edition shows it: enough to cite and link it without the store.

    ``duplicate_of`` names the member this one nearly duplicates (wire copy); ``leaning`` is the
    leaning the user gave the article's source (left, centre, right), None when unknown.
    """

    article_id: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    duplicate_of: str | None = None
    leaning: str | None = None
    version: int = 1


@dataclass(frozen=True)
class StoryEntity:
    """A person, organisation or place a story's articles name, with how many articles name it."""

    name: str
    label: str
    articles: int


@dataclass(frozen=True)
class Claim:
    """A key claim of a story: the first sentence that stated it, every outlet that states it,
    and its independent sources of record (copies, opinion pieces and reports citing the same
    original counted once; ``stories/corroboration.py`` writes the rules down)."""

    text: str
    article_id: str
    outlets: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def independent(self) -> int:
        """How many independent sources report the claim."""
        return len(self.sources)


@dataclass(frozen=True)
class OutletCoverage:
    """One outlet of a story: the leaning its source was given, and its articles."""

    outlet: str
    leaning: str  # left, centre, right or unknown
    article_ids: tuple[str, ...]
    copies: int = 0  # of ``article_ids``: near-duplicates of another member


@dataclass(frozen=True)
class TimelineEntry:
    """One article of a story in time order."""

    published: str | None
    article_id: str
    outlet: str | None
    title: str
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Perspectives:
    """Who covered a story from which side, who spoke, when, and how well its claims stand.

    ``coverage`` counts the outlets of each leaning; ``blindspot`` names the side (left or right)
    that did not cover a story the other side did (``stories/perspectives.py`` has the rule).
    """

    outlets: tuple[OutletCoverage, ...]
    coverage: tuple[tuple[str, int], ...]
    blindspot: str | None
    timeline: tuple[TimelineEntry, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class EditionStory:
    """A story as it appears in an edition: ranked, summarised, with its outlets and voices.

    ``section`` is where the edition shows it (``feature``, ``speed-read``, ``good-news`` or
    ``brief``); ``saying`` is the "What they're saying" selection of a feature (one quote per
    voice, chosen by the rule in ``brief.features``); ``coverage`` lists every member article, so
    the story can be rendered from the edition alone; ``new_articles`` counts the members that
    appeared since the previous edition of the same kind; ``positivity`` is the good-news score.
    """

    story_id: str
    title: str
    rank: int
    outlets: tuple[str, ...]
    summary: tuple[SummarySentence, ...]
    voices: tuple[Voice, ...]
    article_ids: tuple[str, ...] = ()
    published: str | None = None
    duplicates: tuple[tuple[str, str], ...] = ()  # (article_id, duplicate_of), as in Story
    section: str = "speed-read"
    saying: tuple[Voice, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    first_published: str | None = None
    last_published: str | None = None
    new_articles: int = 0
    positivity: float | None = None
    entities: tuple[StoryEntity, ...] = ()
    perspectives: Perspectives | None = None


@dataclass(frozen=True)
class Section:
    """A part of an edition, in reading order: its key, its heading and its stories' ids."""

    key: str
    title: str
    story_ids: tuple[str, ...]


@dataclass(frozen=True)
class Edition:
    """A published briefing: ranked stories, each traceable to its sources.

    ``kind`` is ``daily`` or ``weekly``; ``date`` the last local day it covers (``2019-11-18``, in
    ``timezone``), ``window_start``/``window_end`` the UTC instants of its window (start included,
    end excluded; None for an edition of everything stored). ``rejected`` keeps every item the
    verbatim check dropped, with the reason, and ``previous`` the id of the edition before it.
    """

    id: str
    title: str
    created: str
    stories: tuple[EditionStory, ...]
    kind: str = "daily"
    date: str | None = None
    timezone: str = "UTC"
    window_start: str | None = None
    window_end: str | None = None
    sections: tuple[Section, ...] = ()
    previous: str | None = None
    rejected: tuple[Rejected, ...] = ()


@dataclass(frozen=True)
class Rejected:
    """An input a stage could not process. Stored and shown, never dropped.

    ``reason`` is a short stable code (``empty``, ``binary``, ``truncated``, ``unsupported``,
    ``parse_error``, ``no_text`` ...); ``detail`` is the human sentence.
    """

    source: str
    stage: str
    reason: str
    detail: str
    page_id: str | None = None

    @classmethod
    def of(cls, page: Page, stage: str, reason: str, detail: str) -> Rejected:
        """The rejection of ``page`` by ``stage``: its source and id, ``reason`` and ``detail``."""
        return cls(page.source, stage, reason, detail, page.id)
