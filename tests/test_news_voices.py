"""Samples M to AC: voices in news articles whose texts carry no licence to copy, judged by hand
(``bench.voices``): M on BASIL (NYT, Fox News, HuffPost), N on ECB+ (tokenised news texts), O on
PolNeAR's US political news (only the articles the attribution models never trained on), P on the BASIL
articles M did not draw from, Q on AllSides-NEUS's outlets' leads (its train and val records only), R on
the ECB+ documents N did not draw from, S on the BASIL articles neither M nor P drew from, T on the ECB+
documents of the topics R drew none from, less N's, U on the PolNeAR articles no model trained on that O
did not draw from, V on the BASIL articles none of M, P and S drew from, W on the PolNeAR articles no model
trained on that neither O nor U drew from, X on the BASIL articles none of M, P, S and V drew from, Y on
the AllSides-NEUS train and val records Q did not draw from, Z on those neither Q nor Y drew from, AA on the
PolNeAR train articles none of O, U and W drew from (most of them trained on by the attribution models), AB on
those none of O, U, W and AA drew from, AC on those none of O, U, W, AA and AB drew from.

The judged files keep none of the articles' quoted words: each voice's words are found again by character
offsets into its article and a hash of them. Each edition is rebuilt from the articles its file lists
(only those), read as plain text from ``BROADSHEET_EVAL_DATA``; without that data the tests skip, and fail
in CI. The floors are the quality gate's (``basil-voices-M``, ``ecbplus-voices-N``,
``polnear-voices-O``, ``basil-voices-P``, ``allsides-voices-Q``, ``ecbplus-voices-R``,
``basil-voices-S``, ``ecbplus-voices-T``, ``polnear-voices-U``, ``basil-voices-V``,
``polnear-voices-W``, ``basil-voices-X``, ``allsides-voices-Y``, ``allsides-voices-Z``,
``polnear-voices-AA``, ``polnear-voices-AB``, ``polnear-voices-AC``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.bench.voices import (
    ALLSIDES_Q,
    ALLSIDES_Y,
    ALLSIDES_Z,
    BASIL_M,
    BASIL_P,
    BASIL_S,
    BASIL_V,
    BASIL_X,
    ECBPLUS_N,
    ECBPLUS_R,
    ECBPLUS_T,
    POLNEAR_AA,
    POLNEAR_AB,
    POLNEAR_AC,
    POLNEAR_O,
    POLNEAR_U,
    POLNEAR_W,
    NewsSample,
    load_located,
    news_voice_rows,
    polnear_unseen,
    quote_hash,
)
from broadsheet.errors import ConfigError
from test_wcxb_voices import _floor

KEPT = {"sample", "article_id", "start", "end", "hash", "shown", "speakers", "roles", "organisations",
        "kinds", "note"}
SAMPLES = [("M", BASIL_M, "basil-"), ("N", ECBPLUS_N, "ecbplus-"), ("O", POLNEAR_O, "polnear-"),
           ("P", BASIL_P, "basil-"), ("Q", ALLSIDES_Q, "allsides-"), ("R", ECBPLUS_R, "ecbplus-"),
           ("S", BASIL_S, "basil-"), ("T", ECBPLUS_T, "ecbplus-"),
           ("U", POLNEAR_U, "polnear-"), ("V", BASIL_V, "basil-"), ("W", POLNEAR_W, "polnear-"),
           ("X", BASIL_X, "basil-"), ("Y", ALLSIDES_Y, "allsides-"),
           ("Z", ALLSIDES_Z, "allsides-"), ("AA", POLNEAR_AA, "polnear-"),
           ("AB", POLNEAR_AB, "polnear-"), ("AC", POLNEAR_AC, "polnear-")]


def _items(sample: NewsSample) -> list[dict[str, object]]:
    return list(json.loads(sample.path.read_text(encoding="utf-8"))["items"])


def _shingles(text: str, size: int = 6) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.parametrize(("name", "sample", "prefix"), SAMPLES)
def test_the_file_keeps_no_article_text(name: str, sample: NewsSample, prefix: str) -> None:
    items = _items(sample)
    assert len(items) == 60 and {str(item["sample"]) for item in items} == {name}
    assert all(set(item) <= KEPT for item in items)
    listed = {f"{prefix}{key}" for key in sample.articles()}
    assert {str(item["article_id"]) for item in items} <= listed


def test_a_judged_voice_is_found_by_its_offsets_and_hash(tmp_path: Path) -> None:
    text = "Before. The mayor said the bridge would reopen. After."
    start = text.index("the bridge")
    end = text.index(" reopen") + len(" reopen")
    item = {"sample": "M", "article_id": "basil-x", "start": start, "end": end,
            "hash": quote_hash("The  BRIDGE would reopen"), "speakers": ["The mayor"], "roles": [],
            "organisations": [], "kinds": ["official"]}
    path = tmp_path / "judged.json"
    path.write_text(json.dumps({"items": [item]}), encoding="utf-8")
    (judged,) = load_located(path, {"basil-x": text})
    assert judged.content == "the bridge would reopen" and judged.speakers == ("The mayor",)
    with pytest.raises(ConfigError):
        load_located(path, {"basil-x": text.replace("bridge", "tunnel")})


@pytest.mark.parametrize(("name", "sample", "prefix"), SAMPLES)
def test_the_notes_quote_no_article(eval_data: Path, name: str, sample: NewsSample, prefix: str) -> None:
    texts = sample.texts(eval_data)
    for item in _items(sample):
        assert not _shingles(str(item.get("note", ""))) & _shingles(texts[str(item["article_id"])]), item


@pytest.mark.parametrize(("name", "sample", "prefix"), SAMPLES)
def test_the_sample_holds_its_floor(eval_data: Path, name: str, sample: NewsSample, prefix: str) -> None:
    (row,) = news_voice_rows(eval_data, sample)
    assert row.dataset == f"{sample.prefix}-{name}"
    assert row.metrics["share_right"] >= _floor(row.dataset), row.metrics


def test_polnear_pages_read_only_articles_no_model_trained_on(eval_data: Path) -> None:
    first = POLNEAR_O.articles()[0]
    (page,) = POLNEAR_O.pages(eval_data, [first])
    assert page.id == f"polnear-{first}" and page.kind == "text" and page.title and page.outlet
    root = eval_data / "attribution" / "polnear"
    unseen = polnear_unseen(root)
    trained = (path.stem for path in sorted((root / "train" / "text").glob("*.txt")))
    with pytest.raises(ConfigError):
        POLNEAR_O.pages(eval_data, [next(name for name in trained if name not in unseen)])


def test_sample_p_draws_from_no_article_of_m() -> None:
    assert not set(BASIL_P.articles()) & set(BASIL_M.articles())


def test_sample_s_draws_from_no_article_of_m_or_p() -> None:
    assert not set(BASIL_S.articles()) & (set(BASIL_M.articles()) | set(BASIL_P.articles()))


def test_sample_v_draws_from_no_article_of_m_p_or_s() -> None:
    drawn = set(BASIL_M.articles()) | set(BASIL_P.articles()) | set(BASIL_S.articles())
    assert not set(BASIL_V.articles()) & drawn


def test_sample_x_draws_from_no_article_of_m_p_s_or_v() -> None:
    drawn = {key for sample in (BASIL_M, BASIL_P, BASIL_S, BASIL_V) for key in sample.articles()}
    assert not set(BASIL_X.articles()) & drawn


def test_sample_y_draws_from_no_record_of_q() -> None:
    assert not set(ALLSIDES_Y.articles()) & set(ALLSIDES_Q.articles())
    assert all(key.startswith(("train-", "val-")) for key in ALLSIDES_Y.articles())


def test_sample_z_draws_from_no_record_of_q_or_y() -> None:
    assert not set(ALLSIDES_Z.articles()) & (set(ALLSIDES_Q.articles()) | set(ALLSIDES_Y.articles()))
    assert all(key.startswith(("train-", "val-")) for key in ALLSIDES_Z.articles())


def test_sample_aa_draws_from_no_article_of_o_u_or_w_and_only_train_ones(eval_data: Path) -> None:
    drawn = {key for sample in (POLNEAR_O, POLNEAR_U, POLNEAR_W) for key in sample.articles()}
    train = {path.stem for path in (eval_data / "attribution" / "polnear" / "train" / "text").glob("*.txt")}
    assert not set(POLNEAR_AA.articles()) & drawn
    assert set(POLNEAR_AA.articles()) <= train


def test_sample_ab_draws_from_no_article_of_o_u_w_or_aa_and_only_train_ones(eval_data: Path) -> None:
    drawn = {key for sample in (POLNEAR_O, POLNEAR_U, POLNEAR_W, POLNEAR_AA) for key in sample.articles()}
    train = {path.stem for path in (eval_data / "attribution" / "polnear" / "train" / "text").glob("*.txt")}
    assert not set(POLNEAR_AB.articles()) & drawn
    assert set(POLNEAR_AB.articles()) <= train


def test_sample_ac_draws_from_no_article_of_o_u_w_aa_or_ab_and_only_train_ones(eval_data: Path) -> None:
    drawn = {key for sample in (POLNEAR_O, POLNEAR_U, POLNEAR_W, POLNEAR_AA, POLNEAR_AB)
             for key in sample.articles()}
    train = {path.stem for path in (eval_data / "attribution" / "polnear" / "train" / "text").glob("*.txt")}
    assert not set(POLNEAR_AC.articles()) & drawn
    assert set(POLNEAR_AC.articles()) <= train


def test_polnear_train_pages_refuse_a_dev_article(eval_data: Path) -> None:
    dev = next((eval_data / "attribution" / "polnear" / "dev" / "text").glob("*.txt")).stem
    (page,) = POLNEAR_AA.pages(eval_data, POLNEAR_AA.articles()[:1])
    assert page.id == f"polnear-{POLNEAR_AA.articles()[0]}" and page.kind == "text" and page.outlet
    with pytest.raises(ConfigError):
        POLNEAR_AA.pages(eval_data, [dev])


def test_sample_r_draws_from_no_document_of_n() -> None:
    assert not set(ECBPLUS_R.articles()) & set(ECBPLUS_N.articles())


def test_sample_t_draws_from_no_document_of_n_nor_a_topic_of_r() -> None:
    topics = {key.split("_")[0] for key in ECBPLUS_R.articles()}
    assert not set(ECBPLUS_T.articles()) & set(ECBPLUS_N.articles())
    assert not {key.split("_")[0] for key in ECBPLUS_T.articles()} & topics


def test_sample_u_draws_from_no_article_of_o_and_only_unseen_ones(eval_data: Path) -> None:
    unseen = polnear_unseen(eval_data / "attribution" / "polnear")
    assert not set(POLNEAR_U.articles()) & set(POLNEAR_O.articles())
    assert set(POLNEAR_U.articles()) <= set(unseen)


def test_sample_w_draws_from_no_article_of_o_or_u_and_only_unseen_ones(eval_data: Path) -> None:
    unseen = polnear_unseen(eval_data / "attribution" / "polnear")
    assert not set(POLNEAR_W.articles()) & (set(POLNEAR_O.articles()) | set(POLNEAR_U.articles()))
    assert set(POLNEAR_W.articles()) <= set(unseen)


def test_allsides_pages_never_read_the_test_split(eval_data: Path) -> None:
    first = ALLSIDES_Q.articles()[0]
    (page,) = ALLSIDES_Q.pages(eval_data, [first])
    assert page.id == f"allsides-{first}" and page.kind == "text" and page.title
    rows = (json.loads(line) for line in (eval_data / "clustering" / "allsides-neus" / "allsides_dev.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip())
    tested = next(row["article_id"] for row in rows if row["split"] == "test")
    with pytest.raises(ConfigError):
        ALLSIDES_Q.pages(eval_data, [tested])
    assert not any(key.startswith("test-") for key in ALLSIDES_Q.articles())
