"""The render stage: an Edition in, the files of a static site out (and the pages of the web app).

``render_site`` is pure: it returns ``{relative path: contents}`` rendered from the edition value
alone (it holds every coverage entry and date its pages show). ``write_site`` is the one function
here that touches the disk; it writes each file atomically (a temporary file in the same folder,
then ``os.replace``), so a reader or web server never sees a half-written page.

    index.html               the edition: contents, Features, Speed Reads, Good News, In Brief
    stories/<story_id>.html  one page per story: Speed Read, what they're saying, coverage by
                             outlet, timeline, voices, entities; its JSON twin stories/<id>.json
    edition.json             the Edition itself (``codec.to_dict``), the twin of index.html
    edition.md               the edition as Markdown
    feed.atom, feed.json     the stories of the edition (Atom, JSON Feed 1.1)
    feed/editions.atom/.json the editions given (newest first), when some are
    style.css, favicon.svg   the one stylesheet (no external assets, no JavaScript) and the icon

The same templates serve the web app (``broadsheet.web``): only the ``Routes`` differ.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from broadsheet.codec import to_dict
from broadsheet.errors import OutputError
from broadsheet.model import Edition
from broadsheet.render import feeds
from broadsheet.render.html import icon, render_edition, render_story, stylesheet
from broadsheet.render.jsonout import render_json
from broadsheet.render.markdown import render_markdown
from broadsheet.render.routes import Routes, slug, story_file

__all__ = ["Routes", "render_site", "write_site"]


def _story_twin(routes: Routes, story_id: str) -> str:
    return routes.base + f"stories/{slug(story_id)}.json"


def render_site(edition: Edition, *, base_url: str = "",
                editions: Sequence[Edition] = ()) -> dict[str, str]:
    """Every file of the edition's site, by path relative to the site root (see module docstring).

    ``base_url`` makes every link absolute (the ``base_url`` setting); ``editions`` fills the feed
    of editions.
    """
    root = Routes.static(base_url)
    files = {"index.html": render_edition(edition, root, twin=root.base + "edition.json")}
    below = root.down(1)
    for story in edition.stories:
        files[story_file(story.story_id)] = render_story(
            story, below, edition=edition, twin=_story_twin(below, story.story_id))
        files[f"stories/{slug(story.story_id)}.json"] = _json(to_dict(story))
    files["edition.json"] = render_json(edition)
    files["edition.md"] = render_markdown(edition, root)
    files["feed.atom"] = feeds.atom_stories(edition, root)
    files["feed.json"] = feeds.json_stories(edition, root)
    if editions:
        files["feed/editions.atom"] = feeds.atom_editions(editions, root, site=edition.title)
        files["feed/editions.json"] = feeds.json_editions(editions, root, site=edition.title)
    files["style.css"] = stylesheet()
    files["favicon.svg"] = icon()
    return files


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _target(out_dir: Path, relative: str) -> Path:
    """``out_dir / relative``, refusing a path that is absolute or climbs out of ``out_dir``."""
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts or "\\" in relative:
        raise OutputError(f"refusing to write {relative!r}: not a path inside the site")
    return out_dir.joinpath(*parts)


def _write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to a temporary file next to ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_site(files: Mapping[str, str], out_dir: Path) -> list[Path]:
    """Write ``files`` (from ``render_site``) under ``out_dir``, creating folders; the paths written."""
    written: list[Path] = []
    for relative, content in files.items():
        path = _target(out_dir, relative)
        try:
            _write_atomic(path, content)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
        written.append(path)
    return written
