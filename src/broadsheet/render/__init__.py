"""The render stage: an Edition (plus its articles) in, the files of a static site out.

``render_site`` is pure: it returns ``{relative path: contents}``. ``write_site`` is the one
function here that touches the disk; it writes each file atomically (a temporary file in the same
folder, then ``os.replace``), so a reader or web server never sees a half-written page.

    index.html               ranked stories: outlets, cited summary, top voices
    stories/<story_id>.html  one page per story: full summary, every voice, the coverage list
    edition.md               the index as Markdown
    edition.json             the Edition itself (``codec.to_dict``), round-trips with ``from_dict``
    style.css                the one stylesheet (no external assets, no JavaScript)
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from broadsheet.errors import OutputError
from broadsheet.model import Article, Edition
from broadsheet.render.html import render_index, render_story, story_file, stylesheet
from broadsheet.render.jsonout import render_json
from broadsheet.render.markdown import render_markdown

__all__ = ["render_site", "write_site"]


def render_site(edition: Edition, articles: Mapping[str, Article]) -> dict[str, str]:
    """Every file of the edition's site, by path relative to the site root (see module docstring)."""
    files = {"index.html": render_index(edition)}
    for story in edition.stories:
        files[story_file(story.story_id)] = render_story(edition, story, articles)
    files["edition.md"] = render_markdown(edition)
    files["edition.json"] = render_json(edition)
    files["style.css"] = stylesheet()
    return files


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
