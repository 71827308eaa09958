"""The matrix products of the spaCy model on numpy's BLAS, on one thread: ``use_blas_ops``.

thinc's ``NumpyOps`` multiplies matrices with its own ``blis`` build, which on the machines we measure
(AMD EPYC with AVX-512, blis 1.3) runs at about 22 GFLOPS on one core where numpy's OpenBLAS runs
the same products at 80-90 (the shapes of the small English model: a few hundred to a few thousand
rows, 96 to 576 columns). Those products are most of the two ``tok2vec`` networks (the shared one and
the entity recogniser's own), so the parse of a BASIL-length article takes about a third less CPU
time with ``BlasOps``. Only the ``gemm`` moves; every other operation stays thinc's. The parser's
and the recogniser's step loops keep ``blis`` for their small products (``steps``). On 100 BASIL articles
(71,359 tokens) every tag, dependency, head, entity and sentence start is the same as with blis
(``tests/test_analyze_tagging.py`` compares the shipped pipeline with spaCy's own on real pages).

OpenBLAS would spread one product over every core; ``one_blas_thread`` keeps it on one (the
measure is articles per CPU second, and the cores are shared with the rest of the pipeline).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps


class BlasOps(NumpyOps):  # type: ignore[misc]
    """``NumpyOps`` whose ``gemm`` is ``numpy.matmul`` (numpy's BLAS) instead of blis."""

    name = "broadsheet-blas"

    def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        """``x @ y`` (each transposed when asked), into ``out`` when given."""
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        if out is None:
            return numpy.matmul(left, right)
        numpy.matmul(left, right, out=out)
        return out


def use_blas_ops(nlp: Language) -> Language:
    """Give every layer of every trained component of ``nlp`` the ``BlasOps`` (idempotent);
    returns ``nlp``."""
    ops = BlasOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps:
                layer.ops = ops
    return nlp


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread inside the block (as it was after it)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield
