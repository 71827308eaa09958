"""The voices a reader sees, judged by hand: the ``demo-voices`` rows of ``broadsheet bench attribution``.

``tests/data/demo_voices/judged.json`` holds voices of the demo edition (the bundled sample, every
story) judged against their articles: for each, the article and the quoted words, the speakers
that are right (none: the words should make no voice), the roles and organisations that are right
(a voice may show none) and the kinds that are right. The bench builds the demo edition afresh
(the whole pipeline on the sample, in a temporary folder) and finds each judged voice again by its
article and its words (token Dice >= 0.5 with one of the voice's quotes); a judged voice is

- **right** when its speaker, role, organisation and kind are all among the right ones, or when
  the words make no voice and the judgement says they should not;
- **lost** when the words make no voice though a right speaker said them.

Sample A is what round 10's fixes were made on; sample B was drawn apart and judged only after
them (then looked at too); sample C was drawn from the voices neither finds and judged before
round 11's fixes, its first figure the held-out one of round 10's; sample D was drawn after
round 11's rules were written and never used to write them; sample E was drawn after round 11 and
judged before round 12's fixes; sample F was drawn after round 12 (every voice A-E did not find)
and judged before round 13's fixes (the file says how each was drawn).

Sample G (``tests/data/wcxb_voices/judged.json``, the ``wcxb-voices-G`` row) is judged on pages
the rules were never written on: the WCXB dev news pages the file lists, read from the evaluation
data (``extraction/wcxb-dev``) and run through the real path (HTML extraction, analysis, stories,
the edition's voices); it was judged before round 14's fixes, its first figure the held-out one of
round 13's rules. Sample H (``tests/data/wcxb_voices/judged_h.json``, the ``wcxb-voices-H`` row)
is drawn the same way from the English WCXB dev article pages not among G's (blogs, guides, trade
press, company pages), judged before round 15's fixes; its edition is rebuilt from the 82 pages
its voices come from. Sample I (``tests/data/wcxb_voices/judged_i.json``, the ``wcxb-voices-I`` row)
is drawn the same way from the pages of H's pool that are not H's (60 voices, 56 pages), judged
before round 16's fixes. Sample J (``tests/data/wcxb_voices/judged_j.json``, the ``wcxb-voices-J`` row)
is drawn the same way from the pages of I's pool that are not I's (60 voices, 51 pages), judged
before round 17's fixes. Sample K (``tests/data/wcxb_voices/judged_k.json``, the ``wcxb-voices-K`` row)
is drawn the same way from the pages of J's pool that are not J's (60 voices, 56 pages), judged
before round 18's fixes. Sample L (``tests/data/wcxb_voices/judged_l.json``, the ``wcxb-voices-L`` row)
is drawn the same way from the pages of K's pool that are not K's (all 10 voices their edition shows,
10 pages), judged before round 19's fixes. Sample M (``tests/data/basil_voices/judged_m.json``, the
``basil-voices-M`` row) is drawn from news: 60 of the voices of an edition of BASIL's 300 articles
(``clustering/basil``, NYT, Fox News, HuffPost) read as plain text, judged before round 20's fixes;
BASIL's texts carry no licence, so the file keeps each voice's words as offsets into its article
and a hash of them (``load_located``), and the gate rebuilds the edition of the articles it lists.
Sample N (``tests/data/ecbplus_voices/judged_n.json``, the ``ecbplus-voices-N`` row) is drawn the same
way from ECB+'s 982 news documents (``clustering/ecbplus``, tokenised text), judged before round 21's
fixes and kept as M is (the texts' licence is unclear). Sample O (``tests/data/polnear_voices/judged_o.json``,
the ``polnear-voices-O`` row) is drawn the same way from the 167 PolNeAR articles the attribution models
never trained on (the dev split and the train articles held out from training, ``polnear_unseen``; US
political news, no licence), judged before round 22's fixes and kept as M is. Sample P
(``tests/data/basil_voices/judged_p.json``, the ``basil-voices-P`` row) is drawn the same way from the
248 BASIL articles M did not draw from, judged before voices round 24's fixes and kept as M is. Sample Q
(``tests/data/allsides_voices/judged_q.json``, the ``allsides-voices-Q`` row) is drawn the same way from
AllSides-NEUS's train and val records (outlets' headlines and leads, ``allsides_pages``; never its test
split), judged before voices round 25's fixes and kept as M is. Sample R
(``tests/data/ecbplus_voices/judged_r.json``, the ``ecbplus-voices-R`` row) is drawn the same way from the
924 ECB+ documents N did not draw from, judged before voices round 26's fixes and kept as M is. Sample S
(``tests/data/basil_voices/judged_s.json``, the ``basil-voices-S`` row) is drawn the same way from the
195 BASIL articles neither M nor P drew from, judged before voices round 27's fixes and kept as M is. Sample T
(``tests/data/ecbplus_voices/judged_t.json``, the ``ecbplus-voices-T`` row) is drawn the same way from the
277 ECB+ documents of the 14 topics R drew no document from, less N's, judged before voices round 28's
fixes and kept as M is. Sample U (``tests/data/polnear_voices/judged_u.json``, the ``polnear-voices-U`` row)
is drawn the same way from the 119 PolNeAR articles the attribution models never trained on that O did not
draw from, judged before voices round 29's fixes and kept as M is. Sample V
(``tests/data/basil_voices/judged_v.json``, the ``basil-voices-V`` row) is drawn the same way from the 146
BASIL articles none of M, P and S drew from, judged before voices round 30's fixes and kept as M is. Sample W
(``tests/data/polnear_voices/judged_w.json``, the ``polnear-voices-W`` row) is drawn the same way from the 79
PolNeAR articles the attribution models never trained on that neither O nor U drew from, judged before
voices round 31's fixes and kept as M is. Sample X (``tests/data/basil_voices/judged_x.json``, the
``basil-voices-X`` row) is drawn the same way from the 98 BASIL articles none of M, P, S and V drew from,
judged before voices round 32's fixes and kept as M is. Sample Y
(``tests/data/allsides_voices/judged_y.json``, the ``allsides-voices-Y`` row) is drawn the same way from the
7,152 AllSides-NEUS train and val records Q did not draw from, judged before voices round 33's fixes and
kept as Q is. Sample Z (``tests/data/allsides_voices/judged_z.json``, the ``allsides-voices-Z`` row) is
drawn the same way from the 7,093 AllSides-NEUS train and val records neither Q nor Y drew from, judged
before voices round 34's fixes and kept as Q is. Sample AA (``tests/data/polnear_voices/judged_aa.json``, the
``polnear-voices-AA`` row) is drawn the same way from the 777 PolNeAR train articles none of O, U and W drew
from (most of them trained on by the attribution models, so their quotes are found in-sample; what the sample
judges is the edition's speaker, role and kind; ``polnear_train_pages``, never dev or test), judged before
voices round 35's fixes and kept as O is. Sample AB (``tests/data/polnear_voices/judged_ab.json``, the
``polnear-voices-AB`` row) is drawn the same way from the 722 PolNeAR train articles none of O, U, W and AA
drew from, judged before voices round 36's fixes and kept as O is. Sample AC (``judged_ac.json``, the
``polnear-voices-AC`` row) is drawn the same way from the 665 PolNeAR train articles none of O, U, W, AA and
AB drew from, judged before voices round 37's fixes and kept as O is. Each is a ``NewsSample``: its rows'
prefix, its judged file and how its articles are read as pages.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path
from typing import Any

from broadsheet.bench import BenchRow
from broadsheet.errors import ConfigError
from broadsheet.model import Page, Voice
from broadsheet.text import name_key, normal

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "data" / "demo_voices" / "judged.json"
WCXB_FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "data" / "wcxb_voices" / "judged.json"
WCXB_H_FIXTURE = WCXB_FIXTURE.with_name("judged_h.json")
WCXB_I_FIXTURE = WCXB_FIXTURE.with_name("judged_i.json")
WCXB_J_FIXTURE = WCXB_FIXTURE.with_name("judged_j.json")
WCXB_K_FIXTURE = WCXB_FIXTURE.with_name("judged_k.json")
WCXB_L_FIXTURE = WCXB_FIXTURE.with_name("judged_l.json")
WCXB_DIR = ("extraction", "wcxb-dev")
BASIL_M_FIXTURE = FIXTURE.parents[1] / "basil_voices" / "judged_m.json"
BASIL_P_FIXTURE = BASIL_M_FIXTURE.with_name("judged_p.json")
BASIL_S_FIXTURE = BASIL_M_FIXTURE.with_name("judged_s.json")
BASIL_V_FIXTURE = BASIL_M_FIXTURE.with_name("judged_v.json")
BASIL_X_FIXTURE = BASIL_M_FIXTURE.with_name("judged_x.json")
BASIL_FILE = ("clustering", "basil", "basil_articles.jsonl")
ECBPLUS_N_FIXTURE = FIXTURE.parents[1] / "ecbplus_voices" / "judged_n.json"
ECBPLUS_R_FIXTURE = ECBPLUS_N_FIXTURE.with_name("judged_r.json")
ECBPLUS_T_FIXTURE = ECBPLUS_N_FIXTURE.with_name("judged_t.json")
ECBPLUS_FILE = ("clustering", "ecbplus", "ecbplus_docs.jsonl")
POLNEAR_O_FIXTURE = FIXTURE.parents[1] / "polnear_voices" / "judged_o.json"
POLNEAR_U_FIXTURE = POLNEAR_O_FIXTURE.with_name("judged_u.json")
POLNEAR_W_FIXTURE = POLNEAR_O_FIXTURE.with_name("judged_w.json")
ALLSIDES_Q_FIXTURE = FIXTURE.parents[1] / "allsides_voices" / "judged_q.json"
ALLSIDES_Y_FIXTURE = ALLSIDES_Q_FIXTURE.with_name("judged_y.json")
ALLSIDES_Z_FIXTURE = ALLSIDES_Q_FIXTURE.with_name("judged_z.json")
POLNEAR_AA_FIXTURE = POLNEAR_O_FIXTURE.with_name("judged_aa.json")
POLNEAR_AB_FIXTURE = POLNEAR_O_FIXTURE.with_name("judged_ab.json")
POLNEAR_AC_FIXTURE = POLNEAR_O_FIXTURE.with_name("judged_ac.json")
ALLSIDES_FILE = ("clustering", "allsides-neus", "allsides_dev.jsonl")
ALLSIDES_SPLITS = ("train", "val")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Judged:
    """One hand-judged voice: where its words are and what would be right."""

    sample: str
    article_id: str
    content: str
    speakers: tuple[str, ...]
    roles: tuple[str, ...]
    organisations: tuple[str, ...]
    kinds: tuple[str, ...]


def load_judged(path: Path = FIXTURE) -> list[Judged]:
    """The judged voices of ``path``."""
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    return [_judged(i, i["content"]) for i in items]


def _judged(item: dict[str, Any], content: str) -> Judged:
    return Judged(item["sample"], item["article_id"], content, tuple(item["speakers"]), tuple(item["roles"]),
                  tuple(item["organisations"]), tuple(item["kinds"]))


def quote_hash(text: str) -> str:
    """A short hash of a quote's words (white space collapsed, lower-cased): it finds them again
    in their article without the judged file keeping them."""
    return hashlib.sha256(normal(text).encode("utf-8")).hexdigest()[:12]


def load_located(path: Path, texts: Mapping[str, str]) -> list[Judged]:
    """The judged voices of ``path`` whose words are kept as character offsets (``start``, ``end``)
    into their article's text and a ``hash`` of them (a set whose texts carry no licence): read from
    ``texts`` (by article id); ``ConfigError`` when the words there are not the ones judged."""
    judged = []
    for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
        content = texts.get(item["article_id"], "")[item["start"]:item["end"]]
        if quote_hash(content) != item["hash"]:
            raise ConfigError(f"{item['article_id']}: the words at {item['start']}-{item['end']} "
                              "are not the ones judged")
        judged.append(_judged(item, content))
    return judged


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def dice(a: str, b: str) -> float:
    """Token Dice of two texts (multiset overlap, tokens ``\\w+`` lower-cased)."""
    left, right = _tokens(a), _tokens(b)
    if not left or not right:
        return 0.0
    pool = list(right)
    common = 0
    for token in left:
        if token in pool:
            pool.remove(token)
            common += 1
    return 2 * common / (len(left) + len(right))


def find_voice(item: Judged, voices: Sequence[Voice]) -> Voice | None:
    """The voice whose quote from the item's article overlaps its words best (Dice >= 0.5), the
    quote read whole; failing that, for an item of ``OPENING_WORDS`` words or more, the quote's
    opening as long as the item (a quote that now runs on past the judged words, "“Agrivoltaics
    give ...” ... This means ...", is the same voice)."""
    return _best(item, voices, dice) or _best(item, voices, _opening_dice)


def _best(item: Judged, voices: Sequence[Voice], measure: Callable[[str, str], float]) -> Voice | None:
    best, best_score = None, 0.5
    for voice in voices:
        for quote in voice.quotes:
            if quote.article_id == item.article_id:
                score = measure(quote.content, item.content)
                if score >= best_score:
                    best, best_score = voice, score
    return best


OPENING_WORDS = 8


def _opening_dice(quote: str, judged: str) -> float:
    """Dice of the judged words and the quote's opening of as many words (0 for a short item)."""
    count = len(_tokens(judged))
    return 0.0 if count < OPENING_WORDS else dice(" ".join(_tokens(quote)[:count]), judged)


def _among(value: str | None, right: Sequence[str]) -> bool:
    return value is None or name_key(value) in {name_key(r) for r in right}


def verdict(item: Judged, voice: Voice | None) -> str:
    """``right``, ``lost`` or what is wrong first: ``speaker``, ``role``, ``kind``."""
    if voice is None:
        return "lost" if item.speakers else "right"
    if not item.speakers or name_key(voice.speaker) not in {name_key(s) for s in item.speakers}:
        return "speaker"
    if not (_among(voice.role, item.roles) and _among(voice.organisation, item.organisations)):
        return "role"
    return "right" if voice.kind in item.kinds else "kind"


def judge(items: Sequence[Judged], voices: Sequence[Voice]) -> dict[str, float]:
    """Shares of ``items`` right, and with each verdict, against the edition's ``voices``."""
    verdicts = [verdict(item, find_voice(item, voices)) for item in items]
    total = max(1, len(items))
    metrics = {"share_right": verdicts.count("right") / total}
    for name in ("speaker", "role", "kind", "lost"):
        metrics[f"wrong_{name}" if name != "lost" else "lost"] = float(verdicts.count(name))
    return metrics


def demo_voices(sample: Path | None = None) -> tuple[Voice, ...]:
    """Every voice of the demo edition built afresh from ``sample`` (default: the bundled one)."""
    from broadsheet import demo

    return edition_voices([sample or demo.default_sample()])


def edition_voices(paths: Sequence[Path], pages: Sequence[Page] | None = None,
                   created: str = "2019-11-21T00:00:00+00:00") -> tuple[Voice, ...]:
    """Every voice of an edition of everything in ``paths`` (or ``pages``), built afresh in a
    temporary store: ingest, stories, the edition, as ``broadsheet demo`` does."""
    from broadsheet import pipeline
    from broadsheet.bench.replay import _load_nlp, settings
    from broadsheet.store import Store

    with tempfile.TemporaryDirectory() as folder:
        chosen = replace(settings(), db=str(Path(folder) / "demo.db"), out_dir=folder)
        with Store.open(chosen.db) as store:
            pipeline.ingest(paths, store, chosen, partial(_load_nlp, chosen), pages=pages)
            pipeline.update_stories(store, chosen)
            everything = replace(chosen, max_stories=10_000)
            edition = pipeline.make_edition(store, everything, created=created,
                                            kind="weekly", everything=True)
    return tuple(voice for story in edition.stories for voice in story.voices)


def wcxb_pages(data: Path, keys: Iterable[str]) -> list[Page]:
    """The WCXB dev pages ``keys`` ("0034") as HTML pages with their addresses (ids "wcxb-0034")."""
    root = data.joinpath(*WCXB_DIR)
    pages = []
    for key in sorted(keys):
        record = json.loads((root / "ground-truth" / f"{key}.json").read_text(encoding="utf-8"))
        markup = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page(id=f"wcxb-{key}", source=f"wcxb-dev/{key}.html.gz", kind="html",
                          content=markup.decode("utf-8", errors="replace"), url=record.get("url")))
    return pages


def basil_key(record: dict[str, Any]) -> str:
    """A BASIL article's key: its file's stem ("2b95...8a9e_1"); the ``article_id`` field repeats."""
    return Path(str(record["file"])).stem


def _jsonl(data: Path, parts: Sequence[str], what: str) -> list[dict[str, Any]]:
    """The records of a JSON-lines file of the evaluation data, in the file's order."""
    path = data.joinpath(*parts)
    if not path.exists():
        raise ConfigError(f"{what} not found at {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def basil_records(data: Path) -> list[dict[str, Any]]:
    """BASIL's 300 articles (``clustering/basil``), in the file's order."""
    return _jsonl(data, BASIL_FILE, "BASIL")


def basil_pages(data: Path, keys: Iterable[str] | None = None) -> list[Page]:
    """The BASIL articles ``keys`` (all without) as plain-text pages (ids "basil-<key>"): the
    article's text as the page, its title, outlet, date and address as the container's hints."""
    wanted = None if keys is None else set(keys)
    return [Page(id=f"basil-{basil_key(r)}", source=f"basil/{r['file']}", kind="text", content=r["text"],
                 url=r.get("url"), title=r.get("title"), outlet=r.get("source"), published=r.get("date"))
            for r in basil_records(data) if wanted is None or basil_key(r) in wanted]


def ecbplus_pages(data: Path, keys: Iterable[str] | None = None) -> list[Page]:
    """The ECB+ documents ``keys`` (their ``doc_id``, "1_1ecb"; all without) as plain-text pages
    (ids "ecbplus-<doc_id>"): the document's (tokenised) text as the page, its title and date as
    the container's hints (ECB+ keeps no outlet or address)."""
    wanted = None if keys is None else set(keys)
    return [Page(id=f"ecbplus-{r['doc_id']}", source=f"ecbplus/{r['doc_id']}", kind="text",
                 content=r["text"], title=r.get("title"), published=r.get("date_publish"))
            for r in _jsonl(data, ECBPLUS_FILE, "ECB+") if wanted is None or r["doc_id"] in wanted]


def allsides_pages(data: Path, keys: Iterable[str] | None = None) -> list[Page]:
    """The AllSides-NEUS records ``keys`` (their ``article_id``, "train-0-0"; all without) of the train
    and val splits (``ConfigError`` for any other: the test split is never read) as plain-text pages
    (ids "allsides-<article_id>"): the record's text (an article's lead) as the page, its headline as
    the container's hint (AllSides-NEUS keeps no outlet, address or date)."""
    records = {r["article_id"]: r for r in _jsonl(data, ALLSIDES_FILE, "AllSides-NEUS")
               if r.get("split") in ALLSIDES_SPLITS}
    names = list(records) if keys is None else list(keys)
    missing = [name for name in names if name not in records]
    if missing:
        raise ConfigError(f"{missing[0]}: not an AllSides-NEUS record of the train or val split")
    return [Page(id=f"allsides-{name}", source=f"allsides-neus/{name}", kind="text",
                 content=records[name]["text"], title=records[name].get("title")) for name in names]


def polnear_unseen(root: Path) -> dict[str, Path]:
    """The PolNeAR articles (under ``root``) the attribution models never trained on, their text files
    by name: every ``dev`` article and the train articles held out from training (never the test split)."""
    from broadsheet.analyze.learned import heldout_names

    dev = {path.stem: path for path in sorted((root / "dev" / "text").glob("*.txt"))}
    held = {name: root / "train" / "text" / f"{name}.txt" for name in sorted(heldout_names())}
    return {**dev, **held}


def polnear_pages(data: Path, keys: Iterable[str] | None = None) -> list[Page]:
    """The PolNeAR articles ``keys`` (their file names; all without) among those the attribution models
    never trained on (``polnear_unseen``; ``ConfigError`` for any other) as plain-text pages (ids
    "polnear-<name>"): the article's text as the page, its title, publisher and date from
    ``metadata.tsv`` as the container's hints."""
    from broadsheet.bench.polnear import polnear_root

    root = polnear_root(data)
    return _polnear_pages(root, polnear_unseen(root), keys,
                          "not a PolNeAR article the attribution models never trained on")


def polnear_train_pages(data: Path, keys: Iterable[str] | None = None) -> list[Page]:
    """The PolNeAR train articles ``keys`` (all without), trained on or not, as plain-text pages as
    ``polnear_pages`` makes them; ``ConfigError`` for any other (a dev or test article): samples AA's,
    AB's and AC's articles, whose attributions the models mostly trained on (what the sample judges is the
    edition's)."""
    from broadsheet.bench.polnear import polnear_root

    root = polnear_root(data)
    train = {path.stem: path for path in sorted((root / "train" / "text").glob("*.txt"))}
    return _polnear_pages(root, train, keys, "not a PolNeAR train article")


def _polnear_pages(root: Path, files: Mapping[str, Path], keys: Iterable[str] | None,
                   refusal: str) -> list[Page]:
    """The articles ``keys`` among ``files`` (all without) as plain-text pages, ``metadata.tsv``'s hints."""
    meta = _polnear_metadata(root)
    pages = []
    for name in files if keys is None else keys:
        if name not in files:
            raise ConfigError(f"{name}: {refusal}")
        row = meta.get(name, {})
        pages.append(Page(id=f"polnear-{name}", source=f"polnear/{files[name].parents[1].name}/{name}",
                          kind="text", content=files[name].read_text(encoding="utf-8"),
                          title=row.get("title"), outlet=row.get("publisher"),
                          published=row.get("publication_date")))
    return pages


def _polnear_metadata(root: Path) -> dict[str, dict[str, str]]:
    """PolNeAR's ``metadata.tsv`` rows by file name (none when the file is missing)."""
    path = root / "metadata.tsv"
    if not path.exists():
        return {}
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    fields = header.split("\t")
    rows = (dict(zip(fields, line.split("\t"), strict=False)) for line in lines if line.strip())
    return {row["filename"]: row for row in rows}


@dataclass(frozen=True)
class NewsSample:
    """A judged sample of voices in news whose texts the repository may not keep: its rows' prefix
    ("basil-voices"), its judged file (words as offsets and a hash, ``load_located``) and how its
    articles are read as pages from the evaluation data (by the keys the file's ``articles`` lists)."""

    prefix: str
    path: Path
    pages: Callable[[Path, Iterable[str] | None], list[Page]]

    def articles(self) -> list[str]:
        """The keys of the articles the sample was drawn from (the file's ``articles``)."""
        return [str(key) for key in json.loads(self.path.read_text(encoding="utf-8"))["articles"]]

    def texts(self, data: Path) -> dict[str, str]:
        """The texts of those articles by page id."""
        return {page.id: page.content for page in news_pages(data, self)}


BASIL_M = NewsSample("basil-voices", BASIL_M_FIXTURE, basil_pages)
BASIL_P = NewsSample("basil-voices", BASIL_P_FIXTURE, basil_pages)
ECBPLUS_N = NewsSample("ecbplus-voices", ECBPLUS_N_FIXTURE, ecbplus_pages)
POLNEAR_O = NewsSample("polnear-voices", POLNEAR_O_FIXTURE, polnear_pages)
ALLSIDES_Q = NewsSample("allsides-voices", ALLSIDES_Q_FIXTURE, allsides_pages)
ECBPLUS_R = NewsSample("ecbplus-voices", ECBPLUS_R_FIXTURE, ecbplus_pages)
BASIL_S = NewsSample("basil-voices", BASIL_S_FIXTURE, basil_pages)
ECBPLUS_T = NewsSample("ecbplus-voices", ECBPLUS_T_FIXTURE, ecbplus_pages)
POLNEAR_U = NewsSample("polnear-voices", POLNEAR_U_FIXTURE, polnear_pages)
BASIL_V = NewsSample("basil-voices", BASIL_V_FIXTURE, basil_pages)
POLNEAR_W = NewsSample("polnear-voices", POLNEAR_W_FIXTURE, polnear_pages)
BASIL_X = NewsSample("basil-voices", BASIL_X_FIXTURE, basil_pages)
ALLSIDES_Y = NewsSample("allsides-voices", ALLSIDES_Y_FIXTURE, allsides_pages)
ALLSIDES_Z = NewsSample("allsides-voices", ALLSIDES_Z_FIXTURE, allsides_pages)
POLNEAR_AA = NewsSample("polnear-voices", POLNEAR_AA_FIXTURE, polnear_train_pages)
POLNEAR_AB = NewsSample("polnear-voices", POLNEAR_AB_FIXTURE, polnear_train_pages)
POLNEAR_AC = NewsSample("polnear-voices", POLNEAR_AC_FIXTURE, polnear_train_pages)


@cache
def news_pages(data: Path, sample: NewsSample) -> tuple[Page, ...]:
    """The pages of the articles a news sample was drawn from, read from the data once for both
    the edition and the words its judged items locate."""
    return tuple(sample.pages(data, sample.articles()))


@cache
def wcxb_voices(data: Path, path: Path = WCXB_FIXTURE) -> tuple[Voice, ...]:
    """Every voice of an edition of the WCXB pages a sample was drawn from (the file's ``pages``);
    built once a process (the quality gate and the sample's own test share it)."""
    keys = json.loads(path.read_text(encoding="utf-8"))["pages"]
    return edition_voices([], wcxb_pages(data, keys), created="2026-12-01T00:00:00+00:00")


def wcxb_voice_rows(data: Path, path: Path = WCXB_FIXTURE) -> list[BenchRow]:
    """The ``wcxb-voices-G`` row (or ``-H`` to ``-L`` with their fixtures): the sample's share right
    against the edition of its WCXB pages."""
    return _sample_rows("wcxb-voices", wcxb_voices(data, path), path)


def voice_rows(voices: Sequence[Voice] | None = None, path: Path = FIXTURE) -> list[BenchRow]:
    """One row per judged sample: its share right, how many of each fault, and the edition's voices."""
    return _sample_rows("demo-voices", demo_voices() if voices is None else voices, path)


@cache
def news_voices(data: Path, sample: NewsSample = BASIL_M) -> tuple[Voice, ...]:
    """Every voice of an edition of the articles a news sample was drawn from, from their text."""
    return edition_voices([], news_pages(data, sample), created="2026-12-01T00:00:00+00:00")


def news_voice_rows(data: Path, sample: NewsSample = BASIL_M) -> list[BenchRow]:
    """The ``basil-voices-M`` row (or ``ecbplus-voices-N``, ``polnear-voices-O``, ``basil-voices-P``,
    ``allsides-voices-Q``, ``ecbplus-voices-R``, ``basil-voices-S``, ``ecbplus-voices-T``,
    ``polnear-voices-U``, ``basil-voices-V``, ``polnear-voices-W``, ``basil-voices-X``,
    ``allsides-voices-Y``, ``allsides-voices-Z``, ``polnear-voices-AA``, ``polnear-voices-AB``,
    ``polnear-voices-AC``):
    the sample's share right against the edition of its articles, its words read from the articles by
    their offsets."""
    items = load_located(sample.path, sample.texts(data))
    return _sample_rows(sample.prefix, news_voices(data, sample), sample.path, items)


def _sample_rows(prefix: str, voices: Sequence[Voice], path: Path,
                 items: Sequence[Judged] | None = None) -> list[BenchRow]:
    """One row per sample judged in ``path`` (or ``items``) ("<prefix>-A"): judged against ``voices``."""
    samples = _by_sample(load_judged(path) if items is None else items)
    return [BenchRow(f"{prefix}-{name}", "broadsheet", {**judge(group, voices), "voices": len(voices)},
                     len(group)) for name, group in samples.items()]


def _by_sample(items: Iterable[Judged]) -> dict[str, list[Judged]]:
    grouped: dict[str, list[Judged]] = {}
    for item in items:
        grouped.setdefault(item.sample, []).append(item)
    return grouped


def describe(item: Judged, voice: Voice | None) -> dict[str, Any]:
    """What the edition shows for a judged item (for re-judging by hand)."""
    shown = None if voice is None else {"speaker": voice.speaker, "role": voice.role,
                                        "organisation": voice.organisation, "kind": voice.kind}
    return {"article_id": item.article_id, "content": item.content[:80], "shown": shown,
            "verdict": verdict(item, voice)}
