"""One process at a time: the lock file is exclusive, names its holder, and is released after."""

from __future__ import annotations

import multiprocessing
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from broadsheet.errors import StoreBusy, StoreError
from broadsheet.locks import exclusive


def _lock(path: Path, note: str = "me") -> AbstractContextManager[None]:
    return exclusive(path, note, busy=lambda holder: StoreBusy(f"held by {holder}"),
                     unopenable=lambda exc: StoreError(f"cannot open: {exc}"))


def _try_in_another_process(path: Path, answer: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    try:
        with _lock(path, "other"):
            answer.put("got it")
    except StoreBusy as exc:
        answer.put(str(exc))


def _other_process_says(path: Path) -> str:
    answer: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    child = multiprocessing.get_context("fork").Process(target=_try_in_another_process, args=(path, answer))
    child.start()
    child.join(30)
    return str(answer.get(timeout=5))


def test_a_second_process_is_refused_with_the_holders_note_then_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "x.lock"
    with _lock(path, "broadsheet (pid 1)"):
        assert _other_process_says(path) == "held by broadsheet (pid 1)"
    assert _other_process_says(path) == "got it"
    assert path.read_text() == ""  # the note goes with the holder


def test_a_lock_file_that_cannot_be_opened_is_the_callers_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open"), _lock(tmp_path / "file" / "x.lock"):
        pass
