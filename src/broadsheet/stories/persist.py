"""A story's running state as bytes, and back: what the store keeps so ``ingest`` can add to it.

Layout (then zlib): a 4-byte length, a JSON header (members, time buckets, merged ids, the roundup
flag, which member each sketch row belongs to, the publication order of each exemplar), the title,
lead and names vectors (``Sparse.to_bytes``), the exemplars' title + lead vectors, and the members'
MinHash sketches as one uint32 matrix. ``FORMAT`` names this
layout together with the features it stores (hashing, fields, folding): a store written with
another format is re-clustered from its articles rather than read wrongly. Pure: no I/O.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, fields

import numpy as np

from broadsheet.model import Story
from broadsheet.stories.dedup import SKETCH_PERM
from broadsheet.stories.engine import to_story
from broadsheet.stories.index import Member, StoryIndex, StoryState
from broadsheet.stories.sparse import Idf, Sparse

FORMAT = "stories-2"
_MEMBER_FIELDS = fields(Member)


def encode_state(state: StoryState) -> bytes:
    """``state`` as compressed bytes (``decode_state`` reads them back)."""
    header = json.dumps({
        "id": state.id,
        "members": [_member_row(m) for m in state.members],
        "buckets": sorted(state.buckets),
        "merged_from": state.merged_from,
        "roundup": state.roundup,
        "sketch_ids": state.sketch_ids,
        "exemplars": [list(order) for order, _ in state.exemplars],
    }, ensure_ascii=False).encode("utf-8")
    sketches = state.sketches if state.sketches is not None else np.zeros((0, SKETCH_PERM), np.uint32)
    parts = [len(header).to_bytes(4, "little"), header, state.title.to_bytes(),
             state.lead.to_bytes(), state.names.to_bytes(),
             *(vector.to_bytes() for _, vector in state.exemplars),
             np.ascontiguousarray(sketches, dtype=np.uint32).tobytes()]
    return zlib.compress(b"".join(parts), 1)


def _member_row(member: Member) -> dict[str, object]:
    """A member as its header row; no ``dates`` key when it names none (most members), so such
    states read as before stories round 46."""
    row = {f.name: getattr(member, f.name) for f in _MEMBER_FIELDS}  # ``asdict``'s, without its deep copy
    if not member.dates:
        del row["dates"]
    return row


def decode_state(data: bytes) -> StoryState:
    """The ``StoryState`` that ``encode_state`` wrote."""
    raw = zlib.decompress(data)
    size = int.from_bytes(raw[:4], "little")
    header = json.loads(raw[4 : 4 + size].decode("utf-8"))
    offset = 4 + size
    title, offset = Sparse.from_bytes(raw, offset)
    lead, offset = Sparse.from_bytes(raw, offset)
    names, offset = Sparse.from_bytes(raw, offset)
    exemplars = []
    for day, tie in header["exemplars"]:
        vector, offset = Sparse.from_bytes(raw, offset)
        exemplars.append(((float(day), str(tie)), vector))
    rows = np.frombuffer(raw, dtype=np.uint32, offset=offset).reshape(-1, SKETCH_PERM).copy()
    members = [Member(**{**m, "dates": tuple(m.get("dates", ()))}) for m in header["members"]]
    state = StoryState(
        id=header["id"], members=members, title=title, lead=lead, names=names,
        merged_from=list(header["merged_from"]), roundup=bool(header["roundup"]),
        buckets=set(header["buckets"]), sketches=rows if len(rows) else None,
        sketch_ids=list(header["sketch_ids"]),
        days=[m.day for m in members if m.day is not None],
        undated=any(m.day is None for m in members),
        exemplars=exemplars,
    )
    return state


@dataclass(frozen=True)
class Saved:
    """What a clustering pass changed, encoded for the store."""

    stories: list[tuple[Story, bytes]]
    absorbed: dict[str, str]  # absorbed id -> surviving id
    postings: list[tuple[int, int, str]]  # (term, bucket, story id)
    meta: dict[str, bytes]


def open_index(meta: Mapping[str, bytes], *, window_days: float) -> StoryIndex | None:
    """An index over the stored document frequencies, or None when the store holds states of
    another ``FORMAT`` (they must be rebuilt from the articles)."""
    stored = meta.get("format")
    if stored is not None and stored.decode("utf-8") != FORMAT:
        return None
    idf = Idf.from_bytes(meta["idf"]) if "idf" in meta else None
    return StoryIndex(window_days=window_days, idf=idf)


def saved(index: StoryIndex) -> Saved:
    """The stories a pass changed (with their states), the ids it merged away, the new postings
    and the document frequencies."""
    changed = sorted(index.changed - index.absorbed)
    live = {s: index.resolve(s) for s in {s for _, _, s in index.new_postings}}
    return Saved(
        stories=[(to_story(index.stories[s]), encode_state(index.stories[s])) for s in changed],
        absorbed={a: index.resolve(a) for a in sorted(index.absorbed)},
        postings=[(t, b, live[s]) for t, b, s in index.new_postings],
        meta={"format": FORMAT.encode("utf-8"), "idf": index.idf.to_bytes()},
    )
