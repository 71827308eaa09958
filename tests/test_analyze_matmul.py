"""``BlasOps``: the model's matrix products on numpy's BLAS, with thinc's own results."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps

from broadsheet.analyze.matmul import BlasOps, one_blas_thread, use_blas_ops
from broadsheet.analyze.nlp import load_model


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True), (True, True)])
def test_gemm_is_thincs_product(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((40, 30) if not trans1 else (30, 40)).astype("float32")
    y = rng.standard_normal((30, 20) if not trans2 else (20, 30)).astype("float32")
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == want.shape == (40, 20) and got.dtype == numpy.float32
    numpy.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    out = numpy.zeros((40, 20), dtype="float32")
    assert BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, want, rtol=1e-5, atol=1e-5)


def test_the_shipped_pipeline_multiplies_on_blas_once() -> None:
    nlp = load_model()
    layers = [layer for _, pipe in nlp.pipeline if hasattr(pipe, "model") for layer in pipe.model.walk()]
    assert layers and all(isinstance(layer.ops, BlasOps) for layer in layers)
    assert use_blas_ops(nlp) is nlp and len({id(layer.ops) for layer in layers}) == 1


def test_one_blas_thread_is_restored_after_the_block() -> None:
    from threadpoolctl import threadpool_info

    before = [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]
    with one_blas_thread():
        assert all(info["num_threads"] == 1 for info in threadpool_info() if info["user_api"] == "blas")
    assert [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"] == before
