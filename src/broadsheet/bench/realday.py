"""(placeholder)"""

from __future__ import annotations

from pathlib import Path

from broadsheet.bench import BenchRow


def rows(data: Path | None = None, *, baselines: bool = True) -> list[BenchRow]:
    return []
