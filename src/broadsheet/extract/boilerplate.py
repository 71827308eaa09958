"""Boilerplate that sits *inside* an article: promos, sign-up calls, author bios, brand lines.

Both extraction paths end here: the plain-text path (``text.py``) after it found the article block,
and the HTML path (``html.py``) over the paragraphs trafilatura kept. Each rule looks at the shape
of one paragraph (length, sentence punctuation, who it addresses, what it asks the reader to do)
plus a small vocabulary of calls to action and bio phrases, never at strings of one site:

- a *call to action* names a subscription, newsletter, inbox, app, cookie ... AND has the shape of
  a pitch (short, addressed to the reader, imperative, no sentence end, a web address);
- a *pitch* is an imperative sentence addressed to the reader ("Escape your echo chamber.");
- an *author bio* starts with a name or pronoun followed by a career verb and names
  journalism roles ("... has worked as a writer and editor at ...");
- a *brand line* is the outlet's name alone on a line;
- an interface *label* is a short line made of UI words ("Advertisement", "Share this article");
- a *teaser* is a link to another story printed under a label ("Related: <headline>", "Also
  read: ...", "(Leggi anche su: ...)"); a *tag list* is the line of comma-separated tags under a
  "Tags" or "Keywords" label (both go); a *wire credit* names who reported and edited ("(Reporting
  by ...; Editing by ...)", "... contributed to this report.");
- a *repeated* paragraph is kept once; a paragraph repeated back to back (a template rendered twice)
  is dropped altogether, and a short paragraph contained in a later one (a teaser or pull quote
  of the text that follows) is dropped.

Quoted speech is never a promo: a paragraph whose reader-addressing words sit inside quotation
marks is reporting, not selling.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from broadsheet.text import (
    MONTHS,
    QUOTED,
    ends_sentence,
    normal,
    sentences,
    squash,
    word_count,
)

MAX_PITCH_WORDS = 30
MAX_PROMO_WORDS = 40
LONG_PARAGRAPH_WORDS = 25
READER_SHARE = 0.2
MIN_SENTENCE_WORDS = 6
_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|co\.uk|io|news)\b",
                          re.IGNORECASE)

# Words that only a page's machinery uses about itself: subscriptions, sharing, cookies.
_CTA_STRONG = re.compile(
    r"\b(?:sign(?:ing|ed)?[ -]up|subscrib\w*|newsletters?|inbox|unsubscribe|free trial|"
    r"click here|tap here|follow us|like us on|download (?:the|our) app|our app|"
    r"cookies?|privacy policy|terms of (?:use|service)|all rights reserved|"
    r"advertisement|sponsored content|paywall|log in to|sign in to|register now|"
    r"share this|share on|read more|see more|view more|more stories|recommended for you|"
    r"you (?:may|might) also like|related (?:stories|articles|content|coverage)|"
    r"story continues below|continue reading|post a comment|premium content|exclusive offer)\b",
    re.IGNORECASE,
)
_CTA_WEAK = re.compile(
    r"\b(?:email|e-mail|free|daily|weekly|delivered|briefing|digest|podcast|app|offer|"
    r"deals?|discount|membership|member|support us|donate|alerts?|notifications?)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_FIRST_PLURAL = re.compile(r"\b(?:our|us)\b", re.IGNORECASE)
_IMPERATIVE_VERBS = frozenset((
    "get", "sign", "subscribe", "join", "follow", "click", "tap", "download", "read", "watch",
    "listen", "try", "learn", "find", "stay", "discover", "explore", "enjoy", "register",
    "support", "become", "start", "share", "see", "check", "don't", "do", "never", "escape",
    "unlock", "upgrade", "claim", "grab", "save", "shop", "visit", "contact", "send", "tell",
    "give", "let", "keep", "receive", "add", "install", "go", "log",
))

_BIO_SUBJECT = re.compile(
    r"^(?:(?:[A-Z][\w'’.-]+\s){0,3}[A-Z][\w'’.-]+|He|She|They)\s+"
    r"(?:is|was|has|had|joined|covers|writes|reports|previously|currently|also|lives|"
    r"spent|began|started|holds|graduated)\b"
)
_BIO_ROLE = re.compile(
    r"\b(?:writer|editor|reporter|correspondent|journalist|columnist|contributor|"
    r"producer|blogger|author)s?\b",
    re.IGNORECASE,
)
_BIO_VOCAB = re.compile(
    r"\b(?:writer|editor|reporter|correspondent|journalist|columnist|contributor|producer|"
    r"blogger|contributing|freelance|staff|covers|covering|newsroom|bureau|journalism|"
    r"author of|graduated|degree|career|byline|follow (?:him|her|them)|based in|"
    r"has worked|joined|previously worked|before joining|since)\b",
    re.IGNORECASE,
)
_UI_WORDS = re.compile(
    r"^(?:advertisement|advert|ad|sponsored(?: content)?|share(?: this(?: article| story)?)?|"
    r"tweet|email|print|comments?|\d+ comments?|read more|see more|more|next|previous|"
    r"back to top|skip to (?:main )?content|loading\.*|related|related (?:stories|articles)|"
    r"most (?:read|popular)|trending|menu|search|close|home|photo|video|image|"
    r"(?:photo|image|video) (?:credit|courtesy)|(?:getty|ap|reuters|afp) images?|"
    r"facebook|twitter|linkedin|whatsapp|pinterest|reddit|copy link|story continues below|"
    r"continue reading|listen to (?:this )?article|\d+ min(?:ute)? read)[\s:.!|]*$",
    re.IGNORECASE,
)


_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_CONTACT = re.compile(
    r"\b(?:write to|(?:be |can be |may be )?reached at|reach (?:him|her|them|me|us|the \w+) at|"
    r"contact (?:him|her|them|me|us|the \w+)|e-?mail (?:him|her|them|me|us|the \w+)|"
    r"have a (?:news )?tip|send (?:us )?(?:a )?tips?|follow (?:him|her|them|me) on)\b",
    re.IGNORECASE,
)
_NOTICE = re.compile(r"\bfor your personal,? non-?commercial use\b", re.IGNORECASE)
MAX_NOTICE_WORDS = 40


def unquoted(line: str) -> str:
    """``line`` without the spans inside quotation marks (what the writer says, not a source)."""
    return QUOTED.sub(" ", line)


def is_imperative(sentence: str) -> bool:
    """A sentence that starts with a command to the reader: "Sign up ...", "Escape your ..."."""
    words = sentence.lstrip("\"'“‘(").split()
    if len(words) < 2:
        return False
    first, second = words[0].lower().strip(",:"), words[1].lower().strip(",:")
    return first in _IMPERATIVE_VERBS or (
        words[0][:1].isupper() and second == "your"
    )


def is_pitch(line: str) -> bool:
    """A short tagline of commands to the reader, outside quotes ("Escape your echo chamber.
    Get the facts behind the news."): every sentence imperative, the reader addressed."""
    text = unquoted(line)
    if text != line or word_count(line) > MAX_PITCH_WORDS or not _SECOND_PERSON.search(text):
        return False
    parts = sentences(text)
    return bool(parts) and all(is_imperative(s) for s in parts)


def promo_shape(line: str) -> int:
    """How many marks of a promo ``line`` carries: reader-addressed, imperative, no end, address."""
    text = unquoted(line)
    marks = [
        bool(_SECOND_PERSON.search(text)),
        bool(_FIRST_PLURAL.search(text)) and text == line,
        any(is_imperative(s) for s in sentences(text)),
        not ends_sentence(line),
        bool(_WEB_ADDRESS.search(text)),
        word_count(line) < 12,
    ]
    return sum(marks)


def is_call_to_action(line: str, reader_addressed: bool = False) -> bool:
    """A subscription / sharing / cookie line: promo vocabulary in the shape of a short promo.

    In an article that speaks to the reader throughout (a how-to, a deals page), "you" and
    commands are no mark of a promo, so one more mark of shape is asked for.
    """
    if word_count(line) > MAX_PROMO_WORDS:
        return False
    text = unquoted(line)
    strong = len(_CTA_STRONG.findall(text))
    weak = len(_CTA_WEAK.findall(text))
    need = 3 if reader_addressed else 2
    if strong and (promo_shape(line) >= need or (strong >= 2 and promo_shape(line) >= need - 1)):
        return True
    return weak >= 2 and promo_shape(line) >= need and (strong + weak) >= 3


def is_author_bio(line: str) -> bool:
    """A line describing the writer: "<Name> has worked as a ... writer and editor at ..."."""
    if not _BIO_SUBJECT.match(line.strip()) or QUOTED.search(line):
        return False
    if not _BIO_ROLE.search(line):
        return False
    return len(set(m.lower() for m in _BIO_VOCAB.findall(line))) >= 2


def addresses_reader(paragraphs: Sequence[str]) -> bool:
    """True when the long paragraphs of a text often speak to the reader (a how-to, a guide)."""
    long = [p for p in paragraphs if word_count(p) >= LONG_PARAGRAPH_WORDS]
    if not long:
        return False
    addressed = sum(1 for p in long if _SECOND_PERSON.search(unquoted(p)))
    return addressed / len(long) >= READER_SHARE


def is_ui_label(line: str) -> bool:
    """A short interface label: "Advertisement", "Share this article", "Photo: Getty Images"."""
    return word_count(line) <= 6 and bool(_UI_WORDS.match(line.strip()))


_STAMP = re.compile(r"(?:last\s+)?(?:updated|published|posted|modified)(?:\s+(?:on|at))?\s*:?\s*",
                    re.IGNORECASE)
_STAMP_PART = re.compile(
    rf"(?:{MONTHS})\.?,?|\d[\d/.:-]*(?:st|nd|rd|th|[ap]\.?m\.?)?,?|[ap]\.?m\.?|(?-i:[A-Z]{{2,4}})|"
    r"at|on|[-|–]",
    re.IGNORECASE)
MAX_STAMP_WORDS = 12


def is_date_stamp(line: str) -> bool:
    """A publication or update stamp: "Updated at 1:23 p.m.", "Last updated on June 2, 2025",
    "Published on May 02, 2024 07:44 PM IST", "Posted on" -- a label and then nothing but a date
    or a time (the page's metadata, which the reader finds in ``published``)."""
    label = _STAMP.match(line)
    if label is None or word_count(line) > MAX_STAMP_WORDS:
        return False
    return all(_STAMP_PART.fullmatch(part) for part in line[label.end():].split())


def is_contact_or_notice(line: str) -> bool:
    """The writer's contact line ("Write to Al Root at al@example.com", "Have a tip? ... may be
    reached at ...") or a reprint notice ("This copy is for your personal, non-commercial use
    only"): short, outside quotes, an e-mail address with a contact phrase. A copyright line is
    not one of them: the scrapinghub gold keeps "© 2019 Associated Press. All Rights Reserved"
    (3 of the 4 such lines its pages print)."""
    if ("@" not in line and "ommercial" not in line) or word_count(line) > MAX_NOTICE_WORDS:
        return False  # the plain searches first: most paragraphs hold neither
    text = unquoted(line)
    if _NOTICE.search(text):
        return True
    return bool(_EMAIL.search(text) and _CONTACT.search(text))


_TEASER = re.compile(
    r"^\(?(?:related(?: posts?| stories| articles?| reading| content)?|see also|also read|"
    r"read also|read more|also on \S+|leggi anche(?: su)?|lesen sie auch|lire aussi|"
    r"leia também|veja também|lee también)\s*[:|–—-]",
    re.IGNORECASE,
)
MAX_TEASER_WORDS = 30
_CREDIT = re.compile(r"^\(?(?i:(?:additional |with )?reporting|editing) by [A-Z]|"
                     r"\b(?i:contributed to this report)\.?\)?$")
MAX_CREDIT_WORDS = 60
_TAG_LABELS = frozenset({"tags", "tagged", "tagged with", "keywords", "topics"})


def is_teaser(line: str) -> bool:
    """A link to another story under a label: "Related: <headline>", "Also read: ...",
    "(Leggi anche su: ...)" (short: a label opening a paragraph of prose is not one)."""
    return word_count(line) <= MAX_TEASER_WORDS and bool(_TEASER.match(line.lstrip()))


def is_wire_credit(line: str) -> bool:
    """Who reported and edited the piece, as wire services print it at its end: "(Reporting by
    Ann Lee; Editing by Bo Park)", "Additional reporting by ...", "... contributed to this
    report." A sentence about "editing by hand" is not one (a name follows "by")."""
    return word_count(line) <= MAX_CREDIT_WORDS and bool(_CREDIT.search(line.strip()))


def tag_lists(paragraphs: Sequence[str]) -> set[int]:
    """The positions of each "Tags" (or "Keywords", "Topics") label line and of the list of
    tags right under it: two commas or more and no sentence end."""
    found: set[int] = set()
    for i, line in enumerate(paragraphs[:-1]):
        tags = paragraphs[i + 1]
        if (line.strip().rstrip(":").strip().lower() in _TAG_LABELS and tags.count(",") >= 2
                and not ends_sentence(tags)):
            found.update((i, i + 1))
    return found


def is_brand_line(line: str, outlet: str | None) -> bool:
    """The outlet's name alone on a line (its logo, flattened to text)."""
    if not outlet or len(line) > 4 * len(outlet) + 8:  # a logo line is short: skip the rest
        return False
    return squash(line) == squash(outlet)


def is_boilerplate(line: str, outlet: str | None = None, reader_addressed: bool = False) -> bool:
    """True when ``line`` is a promo, call to action, bio, brand line or interface label."""
    return (
        is_brand_line(line, outlet)
        or is_ui_label(line)
        or is_call_to_action(line, reader_addressed)
        or (not reader_addressed and is_pitch(line))
        or is_author_bio(line)
    )


_PAGE_CHROME = re.compile(
    r"^[-\s]*(?:"
    r"log ?in|log ?out|sign ?in|sign ?up|sign out|register|create (?:an |your )?account|my account|"
    r"(?:log ?in|sign ?in) or (?:register|sign ?up|create (?:an |your )?account)|"
    r"you are not logged in|"
    r"add(?:ed)? to (?:your )?(?:cart|bag|basket|wish ?list|favou?rites)|buy now|shop now|"
    r"view cart|checkout|out of stock|in stock|sold out|free shipping|quick ?view|"
    r"choose options|select options|notify me|write a review|see all reviews|customer reviews|"
    r"reviews|was this (?:page |article |answer )?helpful\??|submit (?:a )?correction|"
    r"edit this page|edit on github|report (?:an? )?(?:issue|problem|bug)|trending searches|"
    r"recently viewed(?: items)?|sort by|sort and filter|filters?|load more|show more|view all|"
    r"see all|loading|"
    r"(?:join(?:ed)?(?: date)?|posts|messages|reaction score|likes|points|member since)"
    r"\s*:?\s*\d[\d.,]*[km]?|"
    r"(?:join(?:ed)?(?: date)?|member since)\s*:\s*.{1,20}"
    r")[\s:.!|…]*$",
    re.IGNORECASE,
)
MAX_CHROME_WORDS = 6


def is_page_chrome(line: str) -> bool:
    """A shop's, forum's or docs site's own control or status printed as a line: "Add to cart",
    "Out of stock", "Sort by", "Sign in", "Was this helpful?", "Join Date: Aug 2008", "Posts:
    1,077" -- at most ``MAX_CHROME_WORDS`` words and nothing else. Read on pages that are not
    articles only (``without_chrome``): an article's text rarely prints them."""
    return word_count(line) <= MAX_CHROME_WORDS and bool(_PAGE_CHROME.match(line.strip()))


def without_chrome(paragraphs: Sequence[str]) -> tuple[str, ...]:
    """The text of a page that is not an article without its controls' lines
    (``is_page_chrome``); all of it when nothing else is left."""
    kept = tuple(p for p in paragraphs if not is_page_chrome(p))
    return kept or tuple(paragraphs)


def is_sentence(line: str) -> bool:
    """A whole sentence or more: at least ``MIN_SENTENCE_WORDS`` words and a sentence end."""
    return word_count(line) >= MIN_SENTENCE_WORDS and ends_sentence(line)


def drop_repeats(paragraphs: Sequence[str]) -> list[str]:
    """Keep a repeated sentence once (a pull quote, a promo printed twice) and drop a sentence a
    later paragraph contains (a teaser of the text that follows). Repeated fragments — list
    items, table rows, headings of a meal plan — are content and stay."""
    norms = [normal(p) for p in paragraphs]
    kept: list[str] = []
    seen: set[str] = set()
    for i, (para, norm) in enumerate(zip(paragraphs, norms, strict=True)):
        if is_sentence(para) and (norm in seen or _teaser_of_later(norm, norms[i + 1 :])):
            continue
        seen.add(norm)
        kept.append(para)
    return kept


def _teaser_of_later(norm: str, later: Sequence[str]) -> bool:
    """True when ``norm`` reappears inside a longer later line."""
    return any(len(other) > len(norm) and norm in other for other in later)


def clean_paragraphs(paragraphs: Sequence[str], outlet: str | None = None) -> tuple[str, ...]:
    """The article's paragraphs without in-article boilerplate, in their order."""
    tagged = tag_lists(paragraphs)
    unique = drop_repeats([p for i, p in enumerate(paragraphs) if i not in tagged])
    addressed = addresses_reader(unique)
    return tuple(p for p in unique
                 if not is_boilerplate(p, outlet, addressed) and not is_contact_or_notice(p)
                 and not is_teaser(p) and not is_wire_credit(p) and not is_date_stamp(p))
