"""Benchmarks: ``broadsheet bench <stage> --data DIR``.

One module per stage (``bench/extraction.py`` ...), each exposing
``run(data: Path, *, limit: int | None = None) -> BenchReport``. A report holds one row per system —
ours and the baselines run in the same process — scored with the metric the benchmark's anchors
publish, so our figures sit beside theirs. The CI quality gate (``tests/test_quality_gate.py``)
compares the same numbers to pinned floors in ``benchmarks/floors.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BenchRow:
    """One system's scores on one dataset."""

    dataset: str
    system: str
    metrics: dict[str, float]
    documents: int
    seconds: float = 0.0


@dataclass
class BenchReport:
    """Everything one benchmark run measured, plus notes (published figures, caveats)."""

    stage: str
    rows: list[BenchRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def score(self, dataset: str, system: str, metric: str) -> float:
        """The value of ``metric`` for ``system`` on ``dataset``; KeyError if it was not measured."""
        for row in self.rows:
            if row.dataset == dataset and row.system == system:
                return row.metrics[metric]
        raise KeyError(f"{dataset}/{system}")

    def format(self) -> str:
        """A plain-text table: one line per (dataset, system), metrics in a fixed column order."""
        names = sorted({m for row in self.rows for m in row.metrics})
        head = f"{'dataset':<28} {'system':<26} {'docs':>5} " + " ".join(f"{n:>9}" for n in names)
        lines = [f"== bench {self.stage} ==", head, "-" * len(head)]
        for row in self.rows:
            cells = " ".join(
                f"{row.metrics[n]:>9.3f}" if n in row.metrics else f"{'':>9}" for n in names
            )
            lines.append(f"{row.dataset:<28} {row.system:<26} {row.documents:>5} {cells}"
                         f"  ({row.seconds:.1f}s)")
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)
