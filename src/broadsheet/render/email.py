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
line first (``one_line``), so it can never add a header.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from functools import cache
from importlib.resources import files
from urllib.parse import quote, urlsplit

import css_inline

from broadsheet.deliver.addresses import domain_of, normalise_address
from broadsheet.errors import ConfigError
from broadsheet.model import Edition, EditionStory
from broadsheet.render.email_text import count_line, one_line, render_text
from broadsheet.render.html import TEMPLATES, article_anchor, environment, safe_url
from broadsheet.timestamps import display_date, instant

MAX_SUBJECT = 140
# The letter carries the edition's top stories; the rest are a link away. Ten stories make about
# 40 KB of HTML: Gmail clips a message whose HTML passes 102 KB.
EMAIL_STORIES = 10
_TOKEN = re.compile(r"[0-9]{1,18}\.[A-Za-z0-9_-]{16,128}")
Groups = tuple[tuple[str | None, tuple[EditionStory, ...]], ...]


def base_address(base_url: str) -> str:
    """``base_url`` checked (absolute http or https, no query or fragment) and ending in "/"."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or safe_url(base_url) is None:
        raise ConfigError(f"base_url must be an absolute http(s) address such as "
                          f"https://news.example.org/, not {base_url!r}")
    base = base_url.strip()
    return base if base.endswith("/") else base + "/"


@dataclass(frozen=True)
class Links:
    """Absolute links into the web reader at ``base`` (which ends in "/")."""

    base: str

    def home(self) -> str:
        return self.base

    def story(self, story_id: str) -> str:
        return f"{self.base}stories/{quote(story_id, safe='')}"

    def edition(self, edition_id: str) -> str:
        return f"{self.base}editions/{quote(edition_id, safe='')}"

    def cite(self, story_id: str, article_id: str, url: str | None) -> str:
        """An article's own url when it is safe, else its entry on the story's page."""
        return safe_url(url) or f"{self.story(story_id)}#{article_anchor(article_id)}"

    def unsubscribe(self, token: str) -> str:
        return f"{self.base}unsubscribe/{token}"

    def confirm(self, token: str) -> str:
        return f"{self.base}subscribe/confirm/{token}"


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
    links: Links


@cache
def stylesheet() -> str:
    """The newsletter's stylesheet (``templates/email.css``)."""
    return (files("broadsheet") / TEMPLATES / "email.css").read_text(encoding="utf-8")


def _inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(keep_style_tags=False, keep_at_rules=True,
                                 load_remote_stylesheets=False, keep_link_tags=False)


def groups(edition: Edition) -> Groups:
    """The stories the letter shows, in reading order, as (section title or None, stories):
    the first ``EMAIL_STORIES``."""
    return ((None, edition.stories[:EMAIL_STORIES]),)


def left_out(edition: Edition) -> int:
    """How many stories of the edition the letter does not show (``EMAIL_STORIES``)."""
    return len(edition.stories) - sum(len(stories) for _, stories in groups(edition))


def dateline(edition: Edition) -> str:
    """"Daily briefing · 19 November 2019 · 12 stories"."""
    return f"Daily briefing · {display_date(edition.created)} · {count_line(len(edition.stories))}"


def subject(edition: Edition) -> str:
    """The edition's title and day, then its top story, on one line of at most ``MAX_SUBJECT``."""
    text = f"{one_line(edition.title)}, {display_date(edition.created)}"
    if edition.stories:
        text += f": {one_line(edition.stories[0].title)}"
    return text if len(text) <= MAX_SUBJECT else text[: MAX_SUBJECT - 1].rstrip() + "…"


def _render(edition: Edition, links: Links, placeholder: str) -> tuple[str, str]:
    """The HTML (CSS inlined) and the text of the edition, ``placeholder`` as the token."""
    unsubscribe = links.unsubscribe(placeholder)
    page = environment().get_template("email.html").render(
        edition=edition, links=links, groups=groups(edition), more=left_out(edition),
        dateline=dateline(edition),
        subject=subject(edition), preheader=_preheader(edition), css=stylesheet(),
        unsubscribe_url=unsubscribe)
    text = render_text(edition, dateline(edition), groups(edition), left_out(edition), cite=links.cite,
                       story_link=links.story, edition_link=links.edition(edition.id),
                       unsubscribe_link=unsubscribe)
    return _inliner().inline(page), text


def _preheader(edition: Edition) -> str:
    """The line an inbox shows under the subject: the top story's first summary sentence."""
    first = next((s.summary[0].text for s in edition.stories if s.summary), "")
    return one_line(first)


def compose(edition: Edition, base_url: str) -> Letter:
    """The edition as a newsletter, rendered once for every subscriber (see ``Letter``)."""
    links = Links(base_address(base_url))
    seed = hashlib.sha256(edition.id.encode("utf-8")).hexdigest()[:12]
    for attempt in range(100):
        placeholder = f"token-{seed}-{attempt}"
        html, text = _render(edition, links, placeholder)
        if html.count(placeholder) == 1 and text.count(placeholder) == 1:
            return Letter(edition.id, one_line(edition.title), subject(edition), html, text,
                          placeholder, links)
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
    unsubscribe = letter.links.unsubscribe(token)
    message = EmailMessage()
    message["Subject"] = letter.subject
    message["From"] = Address(display_name=letter.title, addr_spec=sender)
    message["To"] = recipient
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id(letter.edition_id, recipient, sender)
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(letter.text.replace(letter.placeholder, token), cte="quoted-printable")
    message.add_alternative(letter.html.replace(letter.placeholder, token), subtype="html",
                            cte="quoted-printable")
    return message


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
    name = one_line(title)
    message = EmailMessage()
    message["Subject"] = f"Confirm your subscription to {name}"
    message["From"] = Address(display_name=name, addr_spec=sender)
    message["To"] = recipient
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id(f"confirm {token}", recipient, sender)
    message["Auto-Submitted"] = "auto-generated"
    link = Links(base_address(base_url)).confirm(token)
    message.set_content(CONFIRMATION.format(address=recipient, title=name, link=link, days=days),
                        cte="quoted-printable")
    return message
