"""The newsletter: an edition as one multipart e-mail per subscriber. Pure: no I/O, no clock.

    compose(edition, base_url)          -> Letter  the edition rendered once: subject, HTML (CSS
                                                   inlined), plain text, a placeholder for the token
    address(letter, token=, recipient=, -> EmailMessage  one subscriber's copy: their unsubscribe
            sender=, date=)                        link in the body and in the headers
    render_email(edition, base_url=, token=, ...)  both at once

The message is ``multipart/alternative``: a ``text/plain`` part, then the ``text/html`` part (the
one clients prefer). The HTML is rendered with the edition templates' Jinja environment (autoescape
on: titles, names and quotes from the open web cannot open a tag or break out of the part), then
its stylesheet is inlined into ``style`` attributes by css-inline (mail clients ignore
``<style>``), with remote stylesheets never loaded. Every link is absolute, under ``base_url``
(the web reader of ``broadsheet serve``), except a citation of an article with a safe http(s) url,
which links to the article itself.

Headers: ``Subject`` (the edition title, the day and the top story), ``From``, ``To``, ``Date``, a
``Message-ID`` that is the same for the same edition and recipient (so a copy sent twice after a
crash can be recognised), ``List-Unsubscribe`` (the subscriber's one-click link) and
``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058: the link takes a POST), and
``Auto-Submitted: auto-generated`` (no vacation replies). A value derived from a source is made one
line first, and any RFC 2047 encoded-word in it defused (``header_text``): Python's email package
decodes ``=?utf-8?b?...?=`` in a header value it is given, and on Python before 3.11.10 writes a
CR/LF hidden that way out as a new header (CVE-2024-6923). The sender's name is kept short and
free of characters that need quoting (``display_name``), since the package loses the quotes when it
folds a long one. ``_checked`` refuses a message whose header values still hold a line break.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from functools import cache, partial
from importlib.resources import files
from urllib.parse import urlsplit

import css_inline

from broadsheet.deliver.addresses import domain_of, normalise_address
from broadsheet.errors import ConfigError
from broadsheet.model import Edition, EditionStory, Section
from broadsheet.render.email_text import dateline, one_line, render_text
from broadsheet.render.html import TEMPLATES, cite_href, environment, safe_url, stories_of
from broadsheet.render.routes import Routes
from broadsheet.timestamps import display_date, instant

MAX_SUBJECT = 140
_ENCODED_WORD = re.compile(r"=\?")
_SPECIALS = re.compile(r'["(),.:;<>@\[\\\]]')
MAX_NAME = 48
# The letter carries the edition's top stories; the rest are a link away. Ten stories make about
# 40 KB of HTML: Gmail clips a message whose HTML passes 102 KB.
EMAIL_STORIES = 10
GOOD_NEWS = "good-news"  # the key of the Good News section (``brief.edition.SECTIONS``)
# Where ``broadsheet serve`` listens by default: the links of a letter when base_url is empty.
DEFAULT_BASE_URL = "http://127.0.0.1:8000/"
_TOKEN = re.compile(r"[0-9]{1,18}\.[A-Za-z0-9_-]{16,128}")
Groups = tuple[tuple[str | None, tuple[EditionStory, ...]], ...]


def base_address(base_url: str) -> str:
    """``base_url`` checked (absolute http or https, no query or fragment) and ending in "/";
    ``DEFAULT_BASE_URL`` when it is empty."""
    base = base_url.strip() or DEFAULT_BASE_URL
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or safe_url(base) is None:
        raise ConfigError(f"base_url must be an absolute http(s) address such as "
                          f"https://news.example.org/, not {base_url!r}")
    return base if base.endswith("/") else base + "/"


@dataclass(frozen=True)
class Letter:
    """An edition rendered as a newsletter, not yet addressed: ``placeholder`` stands where each
    subscriber's token goes (once in the HTML, once in the text; nowhere else)."""

    edition_id: str
    title: str
    subject: str
    html: str
    text: str
    placeholder: str
    routes: Routes


@cache
def stylesheet() -> str:
    """The newsletter's stylesheet (``templates/email.css``)."""
    return (files("broadsheet") / TEMPLATES / "email.css").read_text(encoding="utf-8")


def _inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(keep_style_tags=False, keep_at_rules=True,
                                 load_remote_stylesheets=False, keep_link_tags=False)


def groups(edition: Edition) -> Groups:
    """The stories the letter shows, by section in the edition's reading order, as (section title
    or None, stories): at most ``EMAIL_STORIES`` in all, Good News never cut (it is what the
    weekly letter is for); an edition without sections is one untitled group."""
    sections = edition.sections or (Section("all", "", tuple(s.story_id for s in edition.stories)),)
    room = EMAIL_STORIES - sum(len(s.story_ids) for s in sections if s.key == GOOD_NEWS)
    shown: list[tuple[str | None, tuple[EditionStory, ...]]] = []
    for section in sections:
        stories = stories_of(edition, section.story_ids)
        if section.key != GOOD_NEWS:
            stories = stories[:max(0, room)]
            room -= len(stories)
        if stories:
            shown.append((section.title or None, tuple(stories)))
    return tuple(shown)


def left_out(edition: Edition) -> int:
    """How many stories of the edition the letter does not show (``EMAIL_STORIES``)."""
    return len(edition.stories) - sum(len(stories) for _, stories in groups(edition))


def _when(edition: Edition) -> str:
    """"18 November 2019", or "week to 18 November 2019" for a weekly edition; the day it was
    made for an edition of everything stored (the subject says when the letter was sent)."""
    day = display_date(edition.date or edition.created)
    return f"week to {day}" if edition.kind == "weekly" else day


def header_text(text: str | None) -> str:
    """``text`` safe as a header value: one line (``one_line``), its ``=?`` openers of encoded
    words broken (``= ?``), so the email package takes it as the text it shows."""
    return _ENCODED_WORD.sub("= ?", one_line(text))


def display_name(title: str) -> str:
    """The sender's display name for ``title``: ``header_text`` without the characters that
    would need quoting (``"(),.:;<>@[\\]``), at most ``MAX_NAME`` long. Python's email package
    drops the quotes of a long quoted display name when it folds the line, after which an ``@`` or
    ``:`` in it reads as another address; a name that needs no quotes and no folding cannot."""
    plain = " ".join(_SPECIALS.sub(" ", header_text(title)).split())
    return plain[:MAX_NAME].rstrip()


def _checked(message: EmailMessage) -> EmailMessage:
    """``message``, after making sure no header value holds a line break (one header each)."""
    for name, value in message.items():
        if "\r" in str(value) or "\n" in str(value):
            raise ValueError(f"the {name} header would hold a line break")
    return message


def subject(edition: Edition) -> str:
    """The edition's title and day, then its lead (the first Good News story of a weekly edition,
    else the top story), on one line of at most ``MAX_SUBJECT`` characters."""
    title = header_text(edition.title) + (" weekly" if edition.kind == "weekly" else "")
    text = f"{title}, {_when(edition)}"
    good = next((s for s in edition.sections if s.key == GOOD_NEWS), None)
    lead = stories_of(edition, good.story_ids[:1]) if good else list(edition.stories[:1])
    if lead:
        text += f": {header_text(lead[0].title)}"
    return text if len(text) <= MAX_SUBJECT else text[: MAX_SUBJECT - 1].rstrip() + "…"


def _render(edition: Edition, routes: Routes, placeholder: str) -> tuple[str, str]:
    """The HTML (CSS inlined) and the text of the edition, ``placeholder`` as the token."""
    unsubscribe = routes.unsubscribe(placeholder)
    shown, more = groups(edition), left_out(edition)
    page = environment().get_template("email.html").render(
        edition=edition, routes=routes, groups=shown, more=more, dateline=dateline(edition),
        subject=subject(edition), preheader=_preheader(edition), css=stylesheet(),
        unsubscribe_url=unsubscribe)
    text = render_text(edition, dateline(edition), shown, more, cite=partial(cite_href, routes),
                       story_link=routes.story, edition_link=routes.edition(edition.id),
                       unsubscribe_link=unsubscribe)
    return _inliner().inline(page), text


def _preheader(edition: Edition) -> str:
    """The line an inbox shows under the subject: the top story's first summary sentence."""
    first = next((s.summary[0].text for s in edition.stories if s.summary), "")
    return one_line(first)


def compose(edition: Edition, base_url: str) -> Letter:
    """The edition as a newsletter, rendered once for every subscriber (see ``Letter``)."""
    routes = Routes.web(base_address(base_url))
    seed = hashlib.sha256(edition.id.encode("utf-8")).hexdigest()[:12]
    for attempt in range(100):
        placeholder = f"token-{seed}-{attempt}"
        html, text = _render(edition, routes, placeholder)
        if html.count(placeholder) == 1 and text.count(placeholder) == 1:
            return Letter(edition.id, header_text(edition.title), subject(edition), html, text,
                          placeholder, routes)
    raise ConfigError("the edition's text holds every placeholder tried for the unsubscribe token")


def message_id(edition_id: str, recipient: str, sender: str) -> str:
    """The Message-ID of an edition's copy for ``recipient``: the same on every attempt."""
    digest = hashlib.sha256(f"{edition_id}\n{recipient}".encode()).hexdigest()[:32]
    return f"<{digest}@{domain_of(sender)}>"


def address(letter: Letter, *, token: str, recipient: str, sender: str, date: str) -> EmailMessage:
    """``letter`` as the message to ``recipient`` (a normalised address) from ``sender``, dated
    ``date`` (an ISO instant), with the unsubscribe link of ``token``."""
    if not _TOKEN.fullmatch(token):
        raise ValueError("not a subscriber token")
    if normalise_address(recipient) != recipient or normalise_address(sender) != sender:
        raise ValueError("addresses must be normalised (deliver.addresses) before they are used")
    when = instant(date)
    if when is None:
        raise ValueError(f"not an ISO instant: {date!r}")
    unsubscribe = letter.routes.unsubscribe(token)
    message = EmailMessage()
    message["Subject"] = letter.subject
    message["From"] = Address(display_name=display_name(letter.title), addr_spec=sender)
    message["To"] = recipient
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id(letter.edition_id, recipient, sender)
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(letter.text.replace(letter.placeholder, token), cte="quoted-printable")
    message.add_alternative(letter.html.replace(letter.placeholder, token), subtype="html",
                            cte="quoted-printable")
    return _checked(message)


def render_email(edition: Edition, *, base_url: str, token: str, recipient: str, sender: str,
                 date: str) -> EmailMessage:
    """One subscriber's copy of the edition (``compose`` then ``address``)."""
    return address(compose(edition, base_url), token=token, recipient=recipient, sender=sender,
                   date=date)


CONFIRMATION = """Hello,

someone, probably you, asked for {address} to get {title}: a daily email of the
biggest stories, each told by every outlet that covered it.

To confirm, open this link and press the button on the page:

{link}

If you did not ask for it, ignore this email: nothing more will be sent to you,
and the link stops working in {days} days.
"""


def confirmation_email(*, title: str, base_url: str, token: str, recipient: str, sender: str,
                       date: str, days: int) -> EmailMessage:
    """The double opt-in mail: plain text, the confirmation link of ``token`` (valid ``days``)."""
    if not _TOKEN.fullmatch(token):
        raise ValueError("not a subscriber token")
    when = instant(date)
    if when is None or normalise_address(recipient) != recipient:
        raise ValueError("a confirmation needs an ISO date and a normalised address")
    name = header_text(title)
    message = EmailMessage()
    message["Subject"] = f"Confirm your subscription to {name}"
    message["From"] = Address(display_name=display_name(name), addr_spec=sender)
    message["To"] = recipient
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id(f"confirm {token}", recipient, sender)
    message["Auto-Submitted"] = "auto-generated"
    link = Routes.web(base_address(base_url)).confirm(token)
    message.set_content(CONFIRMATION.format(address=recipient, title=name, link=link, days=days),
                        cte="quoted-printable")
    return _checked(message)
