"""Stable identities, so that re-ingesting the same input changes nothing.

Fallback rules (first that applies wins):
1. a page with a URL is identified by its canonical URL (``canonical_url``): scheme and host
   lower-cased, default port, fragment and tracking parameters (``utm_*``, ``fbclid``, ``gclid`` ...)
   dropped, remaining query parameters sorted;
2. a page without one (a local file, a JSONL line with no url) by a hash of its whitespace-normalised
   content, so the same text under two file names is one page.

Ids are ``u`` or ``c`` followed by 16 hex digits of SHA-256: short enough for file names and URLs.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SPACE = re.compile(r"\s+")


def canonical_url(url: str) -> str:
    """Return the canonical form of ``url``; ``canonical_url(canonical_url(u)) == canonical_url(u)``.

    An address Python cannot split (an unclosed ``[`` IPv6 bracket, a port that is not a number)
    comes back stripped, its scheme lower-cased, otherwise as it was: an identity, not an exception."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        scheme, colon, rest = url.strip().partition(":")
        return scheme.lower() + colon + rest
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    if port and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING.match(k))
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    """A hash of ``text`` that ignores differences in white space."""
    return _digest(_SPACE.sub(" ", text).strip())


def page_id(url: str | None, content: str) -> str:
    """The stable id of a page: from its canonical URL when it has one, else from its content."""
    if url and canonical_url(url).startswith(("http://", "https://")):
        return "u" + _digest(canonical_url(url))
    return "c" + content_hash(content)
