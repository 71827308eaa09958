"""atheris fuzz target: raw bytes through feed parsing, extraction, rendering and the e-mail.

    .venv/bin/python fuzz/fuzz_inputs.py fuzz/corpus -max_total_time=60   # a time budget
    .venv/bin/python fuzz/fuzz_inputs.py fuzz/corpus -runs=200            # what CI runs

The target is ``broadsheet.bench.fuzzing.one_input`` (its docstring lists the invariants); an
``AssertionError`` or any exception other than a refusal (``BroadsheetError``) is a finding, and
libFuzzer writes the input that caused it to ``crash-*`` in the working folder. ``fuzz/corpus``
holds the seeds (``python fuzz/fuzz_inputs.py --write-seeds`` writes them again).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["broadsheet"]):
    import broadsheet.extract
    import broadsheet.identity
    import broadsheet.ingest.decode
    import broadsheet.ingest.discover
    import broadsheet.ingest.feeds
    import broadsheet.render
    import broadsheet.render.email  # noqa: F401 (instrumented)
    from broadsheet.bench.fuzzing import SEEDS, one_input

CORPUS = Path(__file__).resolve().parent / "corpus"


def test_one_input(data: bytes) -> None:
    one_input(data)


def write_seeds() -> None:
    CORPUS.mkdir(exist_ok=True)
    for name, data in SEEDS.items():
        (CORPUS / name).write_bytes(data)


if __name__ == "__main__":
    if "--write-seeds" in sys.argv:
        write_seeds()
    else:
        atheris.Setup(sys.argv, test_one_input)
        atheris.Fuzz()
