"""Model values to JSON-able dicts and back, for the store, the JSON renderers and the CLI.

``to_dict`` is ``dataclasses.asdict`` with tuples turned into lists; ``from_dict`` rebuilds any
model dataclass from such a dict by reading its type hints, so a value survives a JSON round trip
unchanged (``from_dict(T, to_dict(x)) == x``).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

T = TypeVar("T")


def to_dict(value: Any) -> Any:
    """A JSON-able copy of a model value (dataclasses become dicts, tuples become lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_dict(v) for v in value]
    if isinstance(value, dict):
        return {k: to_dict(v) for k, v in value.items()}
    return value


@functools.cache
def _fields(cls: type) -> dict[str, Any]:
    """The type hint of every field of dataclass ``cls`` (read once per class: it is slow)."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a model dataclass ``cls`` from ``to_dict`` output; unknown keys are ignored."""
    hints = _fields(cls)  # type: ignore[arg-type]  # a class is hashable
    kwargs = {k: _convert(hints[k], v) for k, v in data.items() if k in hints}
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        return dict(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return from_dict(hint, value)
    return value
