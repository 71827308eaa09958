"""Corroboration: how many independent sources report each key claim of a story.

The rules:

- **Claims.** Every member article states its claims in its lead: its first ``LEAD_SENTENCES``
  statements of at least ``MIN_WORDS`` words (a question, a lead-in ending in a colon, an aside
  wholly in brackets and a teaser cut off by an ellipsis after a stop word, "... the next host is
  …", state none). Sentences of different articles state the same claim when the
  similarity of their words reaches ``SAME_CLAIM``: the TF-IDF cosine of their content words
  (``text.tfidf_vectors`` over the story's lead sentences; accents dropped, "Julián" and "Julian"
  one name; a figure with a decimal part also read rounded, "$162.8 billion" and "$163
  billion" one figure), raised where the words' character
  trigrams agree more (``combined``: a word's other forms and spellings, "arrested" and "arrest",
  "jewelry" and "jewellery", are partial evidence, never evidence against); a sentence is compared
  with a claim by the best similarity it has with any sentence stating the claim so far, not only
  the first (a third outlet's words may be close only to the second's); two sentences quoting the
  same run of ``QUOTED_RUN`` words are ``SAME_CLAIM`` alike at least (one statement, whatever words
  each reporter wrote around it). Two ledes (articles' first
  statements) are held to a lower bar, ``SAME_LEDE``, when each is the other's clear best: their
  similarity at least ``CLEAR_BEST`` times any other the lede has with the earlier claims, or the
  claim with the article's other sentences (outlets paraphrase the story's main claim in their
  first sentence: "nine states sued the government" and "a coalition of attorneys general has
  filed a lawsuit" share few words). Articles are read in publication order, and each article's
  sentences join the claims of the earlier articles all at once, one sentence to a claim, the
  pairs chosen so that their similarities add up to the most (an article whose first sentence
  best matches a claim its second sentence states word for word does not take it from the
  second); a sentence left over starts a claim. Once every article is read, two claims join when
  a lede of each reaches ``LEDE_PAIR`` (a little under ``SAME_CLAIM``: two ledes tell the story's
  main claim) and no article states both (a lede paraphrasing the first under the bar started a
  claim of its own before the third outlet's lede, close to both, could join only one). A sentence
  that reports a claim two articles state may state a second one (a lede summing up the story
  states what another outlet tells in two sentences): it also reports any other claim two articles
  state that its article states in no sentence, when it reaches ``SAME_CLAIM`` with a sentence of
  it. A claim is shown by the first sentence that stated it.
- **Key claims** are those stated by at least two articles that are not copies of one another; a
  story with none shows its lede (the first claim of the earliest article); at most
  ``MAX_CLAIMS``, the most independently reported first.
- **Independence.** Each article that states a claim is a report of it, and every report has a
  *source of record*: the outlet it cites for the claim when the sentence says so ("according to
  The New York Times", "the Times reported", "the Times reports", "is reporting", "first reported
  in the Times", "citing Reuters", "told BBC News", "told Fox News' Shannon Bream", "said on
  CNN", "said in an interview on CNN", an inverted credit closing the sentence, "..., said the
  Egyptian MENA news agency." (a name whose newsroom word comes before a hyphen, "The Atlanta
  Journal-Constitution reported", counts where a sentence credits it), or an attribution of the
  analysis with ``via`` set on that
  sentence; an interview credits what was said in it, so a sentence crediting one holds a verb of
  saying; the first interview a later lead sentence credits, for a lede that reports speech and cites
  none, "In an interview with Fox News, to be shown on Tuesday, Mr. Boehner ...", is the lede's
  too);
  for a sentence that says it is hearsay ("reportedly", "is reported to")
  the one other outlet the lead cites; else the news agency its dateline credits for the whole
  article ("(Reuters) —", "WASHINGTON (AP) —"); else the other outlet its lede cites (a write-up
  of another outlet's report: "..., the Times reports."); else its own outlet. A lead sentence
  copied from an earlier article's lead (``COPIED``: nearly word for word, with a run of
  ``MIN_WORDS`` words outside its quotation marks that the earlier sentence writes in that order, so
  not one statement quoted by two reporters, each attributing it in words of their own) and citing
  no outlet has the earlier sentence's source (a write-up quoting the Times' words). An article
  whose lead copies an earlier article's in ``COPIED_SENTENCES`` sentences, each citing no outlet,
  holding no quotation mark and sharing a run of ``COPIED_RUN`` words with that lead in its order (the
  forms of "be", "have" and "say" read as one: an editor moves a wire story's "was being rerouted" to
  "is being rerouted"), is an
  edited copy of it (a wire story cut and rewritten): each of its lead sentences citing no outlet
  has the source of the sentence it copies, or, copying none, of the earlier lede (runs of six
  words in two sentences are two reports of one press release; a quote's marks are too often
  broken to read what is quoted). The claim's
  independent count is the number of distinct sources of record among its reports (one outlet's
  names as one, ``outlet_key``: a broadcaster's initials begin its every name, "NBC" and "NBC
  News", "KBFX-TV" and "KBFX Eyewitnesses News"), where a
  near-duplicate (a wire copy, ``Story.duplicates``) and an opinion piece
  (``is_opinion``: section or address says opinion, commentary, editorial, op-ed, column or
  columnist; or the headline starts "Opinion", or gives a verdict, "should", "must" or "ought"
  with no speaker named, "... Jim Jordan Should Be No Exception"; or the lede says "I", "my" or
  "me" outside its quotation marks and quotes no speaker) are not reports. So three papers running one agency
  story count once, two reports both citing the Times count once, and a column agreeing with the
  news adds nothing.

The rules are measured on the perspectives fixture (``bench/perspectives.py``) and, judged by
hand on news, on the real day's stories and on events of BASIL, AllSides-NEUS and ECB+
(``bench/claims.py``).

Pure: no I/O.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import linear_sum_assignment

from broadsheet.model import Analysis, Article, Claim, Story
from broadsheet.stories.features import words
from broadsheet.stories.outlets import is_outlet
from broadsheet.text import CALENDAR, STOP_WORDS, name_key, split_sentences, tfidf_vectors

LEAD_SENTENCES = 4
MIN_WORDS = 6
SAME_CLAIM = 0.3
LEDE_PAIR = 0.25  # the bar a lede of each of two claims joins them at, once every article is read
WORD_WEIGHT = 0.8  # of the words' cosine against their trigrams', in ``combined``
SAME_LEDE = 0.1
CLEAR_BEST = 3.0
MAX_CLAIMS = 8
QUOTED_RUN = 4  # words of one quotation two sentences share
COPIED = 0.9  # a lead sentence this close to an earlier article's is copied from it
COPIED_RUN = 8  # words in a row an edited copy's sentence shares with the lead it copies
COPIED_SENTENCES = 2  # its sentences doing so: an article copying that many copies the whole lead
_MARK = re.compile(r"[\"“”]")  # a quotation mark
_ANY_MARK = re.compile(r"[\"“”]|''|``")  # one, or two apostrophes or backticks written for one
_QUOTATION = re.compile(r"[\"“”]([^\"“”]{10,})[\"“”]")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_OPINION = re.compile(r"\b(?:opinions?|commentary|editorials?|op-?ed|oped|columns?|columnists?)\b", re.I)
# a question, a lead-in to what follows, or an aside wholly in brackets: no statement of a claim
_NO_STATEMENT = re.compile(r"[?:][\s\"'”’)\]]*$|^\s*\([^()]*\)\W*$")
_CUT_OFF = re.compile(r"\b(\w+)\s*(?:…|\.\.\.)[\s\"'”’)\]]*$")  # "... the next host is …"
_DATELINE = re.compile(r"[^()\n]{0,40}\(([^()\n]{2,30})\)")  # "(Reuters) —", "WASHINGTON (AP) —"
# a broadcaster's initials begin its every name ("NBC News", "NBC's 'Today' show", "KBFX-TV")
_INITIALS = re.compile(r"(?:[Tt]he\s+)?([A-Z][A-Z0-9]{2,})(?:-(?:TV|FM|AM))?(?=$|[\s'’,.:;)-])")
_POSSESSIVE = re.compile(r"['’]s?(?=\s|$)")  # "Fox News' Shannon Bream", "NBC's": the possessor
_FIRST_PERSON = re.compile(r"(?<![\w.-])I(?![\w.-])|\b(?:[Mm]y|me)\b")  # not "C.I.A.", "(I-Vt.)"
_MUST = re.compile(r"\b(?:should|must|ought)\b", re.I)
# a headline naming its speaker: a verb of saying or ruling, or a colon after one or two words
_HEADLINE_SPEAKER = re.compile(
    r"\b(?:says?|said|rules?|ruled|urges?|urged|tells?|told|calls?|called|asks?|asked|argues|"
    r"warns|wants)\b|^\s*[\w.'’-]+(?:\s+[\w.'’-]+)?:", re.I)
_HEARSAY = re.compile(r"\b(?:reportedly|(?:is|are|was|were) reported to)\b", re.I)
_INTERVIEW = (r"told|telling|said (?:on|to)|"
              r"(?:[Ii]n|[Dd]uring) an? (?:\w+\s+){0,3}?interview\s+(?:\w+\s+){0,3}?(?:with|on|for)")
# an interview credits what was said in it: a sentence crediting one says so with a verb of saying
_SAYING = re.compile(r"\b(?:said|says|say|told|telling|admitted|added|argued|insisted|acknowledged|"
                     r"declared|stated|explained|suggested|claimed|warned|predicted|conceded|"
                     r"comments?|remarks?)\b")
_CITED = re.compile(
    rf"(?:[Aa]ccording to|[Cc]iting|reported (?:by|in)|(?P<interview>{_INTERVIEW})|"
    r"a report (?:by|from|in))\s+"
    r"((?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
    r"|((?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+(?:first\s+)?"
    r"(?:reported|reports|is reporting|has reported)\b"
    # an inverted credit closing the sentence: "..., said the Egyptian MENA news agency."
    r"|,\s+(?:said|says|reported|reports)\s+(?P<inverted>(?:the\s+)?[A-Z][\w&.'’-]*"
    r"(?:\s+[A-Z][\w&.'’-]*){0,4}(?:\s+(?:news\s+agency|newspaper))?)\W*$",
)


def is_opinion(article: Article) -> bool:
    """True for an opinion piece: its section or address says so, or its headline starts so or
    gives a verdict (``_verdict``), or its lede is written in the first person
    (``_in_first_person``)."""
    where = " ".join(x for x in (article.section, article.url) if x)
    return bool(_OPINION.search(where.replace("/", " ").replace("-", " ")) or
                re.match(r"\s*opinion\b", article.title, re.I)) or _verdict(article.title) or \
        _in_first_person(article)


def _verdict(headline: str) -> bool:
    """True for a headline giving the writer's verdict: "should", "must" or "ought" outside its
    quotation marks and no speaker named ("If We Still Believe In Innocent Until Proven Guilty,
    Jim Jordan Should Be No Exception"; "Reid: Mosque Should Be Built Someplace Else" and "Trump
    says attorney general should stop ..." report a speaker's)."""
    said = " ".join(_unquoted(headline))
    return bool(_MUST.search(said)) and not _HEADLINE_SPEAKER.search(said)


def _in_first_person(article: Article) -> bool:
    """True when the article's lede (its first lead statement) says "I", "my" or "me" outside its
    quotation marks and quotes no speaker (no verb of saying): a writer's own view ("I was
    immediately impressed with Dr. Benjamin's background when President Obama nominated her"),
    not a report quoting one."""
    spans = lead_sentences(article)
    if not spans:
        return False
    lede = article.text[slice(*spans[0])]
    return not _SAYING.search(lede) and any(_FIRST_PERSON.search(part) for part in _unquoted(lede))




@dataclass
class _Claim:
    """A claim while it is being gathered."""

    text: str
    article_id: str
    reports: list[tuple[str, str, str]]  # (article, outlet, source)
    sentences: list[int]  # every sentence stating it (its number in the story), the first first
    lede: bool = False  # started by an article's first statement
    ledes: list[int] = field(default_factory=list)  # the articles' first statements stating it


def lead_sentences(article: Article) -> list[tuple[int, int]]:
    """Spans of the article's first ``LEAD_SENTENCES`` statements of ``MIN_WORDS`` words or more: a
    question ("Remember ...?"), a lead-in ending in a colon ("Here's what the reviews say:") or a
    teaser cut off by an ellipsis ("... the next host is …") states no claim (``_states``)."""
    text = article.text
    spans = [(a, b) for a, b in split_sentences(text)
             if len(text[a:b].split()) >= MIN_WORDS and _states(text[a:b])]
    return spans[:LEAD_SENTENCES]


def _states(sentence: str) -> bool:
    """False for a sentence that states no claim: a question, a lead-in ending in a colon, an aside
    wholly in brackets, or a teaser cut off by an ellipsis right after a stop word ("And the next
    host of the Academy Awards is …"; "... in a statement…" is a statement cut short, and states it)."""
    cut = _CUT_OFF.search(sentence)
    return not _NO_STATEMENT.search(sentence) and not (cut and cut[1].casefold() in STOP_WORDS)


def cited_source(sentence: str, outlets: Collection[str], *, interview: bool = False) -> str | None:
    """The outlet a sentence cites for what it says, as a name key (None: it cites none); a
    possessive ends the name ("told Fox News' Shannon Bream", "NBC's Today show"), and an interview
    credits what was said in it ("celebrated his win in a phone interview with ..." credits none).
    With ``interview``, only an interview's outlet ("told X", "in an interview with X")."""
    for match in _CITED.finditer(sentence):
        name = _POSSESSIVE.split((match.group(2) or match.group(3) or match["inverted"] or "").strip())[0]
        if interview and not match["interview"]:
            continue
        if match["interview"] and not interview and not _SAYING.search(sentence):
            continue
        if name and (is_outlet(name, outlets) or _hyphened_newsroom(name)):
            return _outlet_key(name, outlets)
    return None


def _hyphened_newsroom(name: str) -> bool:
    """True for a name credited as a report's source whose newsroom word comes before a hyphen
    ("The Atlanta Journal-Constitution reported", "according to The Times-Picayune"); read only
    where a sentence credits a report, and only after two words or more, so a person's hyphened
    name ("Sun-Mi Park") is none."""
    return any(len(name[:m.start()].split()) > 1 and is_outlet(name[:m.start()])
               for m in re.finditer(r"-(?=[A-Z])", name))


def _outlet_key(name: str, outlets: Collection[str]) -> str:
    """The key of an outlet name, a short form ("the Times") resolved to the story's one outlet
    whose name ends with it."""
    key = outlet_key(name)
    longer = [outlet_key(o) for o in outlets if outlet_key(o).endswith(" " + key)]
    return longer[0] if len(longer) == 1 else key


def outlet_key(name: str) -> str:
    """One outlet's every name as one key: a broadcaster's initials when a word of capitals begins
    the name ("NBC" and "NBC News" are nbc; "KBFX-TV" and "KBFX Eyewitnesses News" are kbfx), else
    the name's key ("The Washington Post" and "Washington Post")."""
    initials = _INITIALS.match(name.strip())
    return initials[1].casefold() if initials else name_key(name)


def _via(analysis: Analysis | None, span: tuple[int, int], outlets: Collection[str]) -> str | None:
    """The outlet an attribution inside ``span`` was carried by ("told BBC News")."""
    if analysis is None:
        return None
    for attribution in analysis.attributions:
        where = attribution.content_span or attribution.cue_span
        inside = where is not None and span[0] <= where[0] < span[1]
        if inside and attribution.via and is_outlet(attribution.via, outlets):
            return _outlet_key(attribution.via, outlets)
    return None


def wire_source(article: Article, outlets: Collection[str]) -> str | None:
    """The news agency an article's dateline credits for all of it ("(Reuters) — ...",
    "WASHINGTON (AP) — ..."), as a name key; None when there is none or it is the article's own
    outlet ("Hong Kong (CNN Business)" on CNN)."""
    match = _DATELINE.match(article.text)
    if match is None or not is_outlet(match[1], outlets):
        return None
    key, own = _outlet_key(match[1], outlets), outlet_key(article.outlet or "")
    return None if own and (own.startswith(key) or key.startswith(own)) else key


def _sources(article: Article, spans: Sequence[tuple[int, int]], analysis: Analysis | None,
             outlets: Collection[str]) -> list[str]:
    """The source of record of each lead sentence: the outlet the sentence cites; for a sentence
    that says it is hearsay ("reportedly"), the one other outlet the lead cites; else the agency
    the dateline credits; else the article's own outlet."""
    own = _own(article)
    cited = [cited_source(article.text[a:b], outlets) or _via(analysis, (a, b), outlets)
             for a, b in spans]
    cited = _interviewed(article, spans, cited, outlets)
    credited = {c for c in cited if c and c != own}
    hearsay = next(iter(credited)) if len(credited) == 1 else None
    written_up = cited[0] if cited and cited[0] != own else None  # "..., the Times reports."
    fallback = wire_source(article, outlets) or written_up or own
    return [c or (hearsay if hearsay and _HEARSAY.search(article.text[a:b]) else None) or fallback
            for c, (a, b) in zip(cited, spans, strict=True)]


def _interviewed(article: Article, spans: Sequence[tuple[int, int]], cited: Sequence[str | None],
                 outlets: Collection[str]) -> list[str | None]:
    """The sources cited, with the first interview a later lead sentence credits taken for the
    lede when that reports speech and cites none ("Boehner said on Monday that ..." and "In an
    interview with Fox News, to be shown on Tuesday, Mr. Boehner ...": Fox News' interview; "...
    made his comments in an interview with KBFX-TV" in the fourth sentence, the same)."""
    found = list(cited)
    if len(spans) < 2 or cited[0] is not None or not _SAYING.search(article.text[slice(*spans[0])]):
        return found
    outlet = next((o for a, b in spans[1:]
                   if (o := cited_source(article.text[a:b], outlets, interview=True)) is not None), None)
    if outlet is not None and outlet != _own(article):
        found[0] = outlet
    return found


def _reports(story: Story, articles: Mapping[str, Article],
             analyses: Mapping[str, Analysis]) -> list[tuple[Article, str, str]]:
    """Each (article, sentence, source of record) of the story's leads, in publication order."""
    outlets = [a.outlet for a in articles.values() if a.outlet]
    found = []
    for aid in story.article_ids:
        article = articles.get(aid)
        if article is None:
            continue
        spans = lead_sentences(article)
        for (start, end), source in zip(spans, _sources(article, spans, analyses.get(aid), outlets),
                                        strict=True):
            found.append((article, article.text[start:end], source))
    return found


def claim_terms(sentence: str) -> list[str]:
    """What a sentence is compared by: its folded content words, with its numbers ("1,200" as
    "1200"; one with a decimal part also rounded, ``_rounded``) and capitalised names counted
    twice: they pin a claim down. Accents are dropped (``unaccented``)."""
    sentence = unaccented(sentence)
    names = [w.casefold() for w in re.findall(r"\b[A-Z][a-z]\w+", sentence)
             if w.casefold() not in STOP_WORDS and w.casefold() not in CALENDAR]
    numbers = [n.replace(",", "") for n in _NUMBER.findall(sentence)]
    plain = [w for w in words(sentence) if not w.isdigit()]
    return plain + names + (numbers + _rounded(numbers)) * 2


def unaccented(sentence: str) -> str:
    """``sentence`` with its diacritics dropped: outlets spell a name with or without its accents
    ("Julián Castro" and "Julian Castro", "Pérez", "Müller")."""
    if sentence.isascii():
        return sentence
    return "".join(c for c in unicodedata.normalize("NFKD", sentence) if not unicodedata.combining(c))


def _rounded(numbers: Sequence[str]) -> list[str]:
    """Each number with a decimal part rounded to a whole one (half up): an outlet rounds a
    release's figure ("$162.8 billion" and "$163 billion", "$735.7 billion" and "$736 billion")."""
    found = []
    for number in numbers:
        whole, _, part = number.partition(".")
        if part.isdigit() and whole.isdigit():
            found.append(str(int(whole) + (part[0] >= "5")))
    return found


Row = tuple[Article, str, str, int]  # a report of a lead sentence, with its number


def trigrams(sentence: str) -> list[str]:
    """The character trigrams of a sentence's folded content words (accents dropped), each word
    marked at both ends ("#ar", "arr", ..., "ed#")."""
    found = []
    for word in words(unaccented(sentence)):
        marked = f"#{word}#"
        found += [marked[i:i + 3] for i in range(len(marked) - 2)]
    return found


def similarities(sentences: Sequence[str]) -> np.ndarray:
    """How alike every two of ``sentences`` are (``combined``), in one sparse product for the
    words and one for the trigrams; two sentences quoting one statement (``_quoting``) are
    ``SAME_CLAIM`` alike at least."""
    found = combined(_cosines(tfidf_vectors([claim_terms(s) for s in sentences])),
                     _cosines(tfidf_vectors([trigrams(s) for s in sentences])))
    quoted: np.ndarray = np.maximum(found, np.where(_quoting(sentences), SAME_CLAIM, 0.0))
    return quoted


def _quoting(sentences: Sequence[str]) -> np.ndarray:
    """Which two sentences quote the same run of ``QUOTED_RUN`` words (inside quotation marks in
    both): one statement, whatever words each reporter wrote around it."""
    quoting: dict[tuple[str, ...], set[int]] = {}
    for k, sentence in enumerate(sentences):
        for part in _QUOTATION.findall(sentence):
            said = re.findall(r"\w+", part.casefold())
            for i in range(len(said) - QUOTED_RUN + 1):
                quoting.setdefault(tuple(said[i:i + QUOTED_RUN]), set()).add(k)
    found = np.zeros((len(sentences), len(sentences)), dtype=bool)
    for same in quoting.values():
        if len(same) > 1:
            found[np.ix_(list(same), list(same))] = True
    return found


def combined(plain: np.ndarray, grams: np.ndarray) -> np.ndarray:
    """How alike sentences are from their words' cosine and their trigrams': the words' cosine, or
    ``WORD_WEIGHT`` times it plus the rest times the trigrams' when that is higher (trigrams only
    ever add)."""
    found: np.ndarray = np.maximum(plain, WORD_WEIGHT * plain + (1.0 - WORD_WEIGHT) * grams)
    return found


def _cosines(vectors: Sequence[Mapping[str, float]]) -> np.ndarray:
    """The cosine of every two L2-normalised sparse vectors."""
    columns: dict[str, int] = {}
    rows = [k for k, v in enumerate(vectors) for _ in v]
    cols = [columns.setdefault(t, len(columns)) for v in vectors for t in v]
    values = [x for v in vectors for x in v.values()]
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(vectors), max(len(columns), 1)))
    return np.asarray((matrix @ matrix.T).todense())


def _gather(reports: Sequence[tuple[Article, str, str]]) -> list[_Claim]:
    """Group the lead sentences into claims, one article at a time (see the module docstring)."""
    close = similarities([s for _, s, _ in reports])
    reports = _copied(reports, close)
    claims: list[_Claim] = []
    owner = np.zeros(len(reports), dtype=np.int64)  # the claim each sentence read so far went to
    rows = [(a, s, src, k) for k, (a, s, src) in enumerate(reports)]
    for _, group in itertools.groupby(rows, key=lambda row: row[0].id):
        _place(list(group), claims, close, owner)
    claims = _merge(claims, close)
    _restated(claims, close, rows)
    return claims


def _copied(reports: Sequence[tuple[Article, str, str]], close: np.ndarray
            ) -> list[tuple[Article, str, str]]:
    """Each report with a sentence copied from an earlier article's lead given that sentence's
    source: nearly word for word (``COPIED``) and a run of ``MIN_WORDS`` words outside its
    quotation marks that the earlier sentence writes in that order (two reporters quoting one
    statement write their own words around it), the copy citing no outlet of its own."""
    found = list(reports)
    for k, (article, sentence, source) in enumerate(reports):
        if source != _own(article) or len(" ".join(_unquoted(sentence)).split()) < MIN_WORDS:
            continue
        near = [j for j in np.flatnonzero(close[k, :k] >= COPIED).tolist()
                if reports[j][0].id != article.id and reports[j][0].outlet != article.outlet]
        runs = _runs(sentence) if near else set()
        earlier = [j for j in near if runs & _runs(reports[j][1], quoted=True)]
        if earlier:
            best = max(earlier, key=lambda j: close[k, j])
            found[k] = (article, sentence, found[best][2])
    return _edited_copies(reports, found)


def _edited_copies(reports: Sequence[tuple[Article, str, str]], copied: Sequence[tuple[Article, str, str]]
                   ) -> list[tuple[Article, str, str]]:
    """Each report of an article that copies an earlier article's lead in ``COPIED_SENTENCES``
    sentences or more (each with a run of ``COPIED_RUN`` words outside its quotation marks that a
    sentence of the earlier lead writes in that order: a wire story cut and rewritten, "... passed
    Phil Ford for the record midway through the first half") given the source of the sentence it
    copies, or, copying none, of the earlier article's lede; a sentence citing an outlet of its
    own keeps it; only sentences citing none count as copying. ``copied``: the reports as the
    sentence rule left them."""
    found = list(copied)
    rows: dict[str, list[int]] = {}  # article -> its reports' numbers, in order
    runs = [_runs(sentence, length=COPIED_RUN) if _plain(sentence) else set() for _, sentence, _ in reports]
    holding: dict[tuple[str, ...], list[int]] = {}  # a run of words -> the reports writing it
    for k, (article, _, _) in enumerate(reports):
        rows.setdefault(article.id, []).append(k)
        for run in runs[k]:
            holding.setdefault(run, []).append(k)
    for mine in rows.values():
        copying = _copying(reports, mine, runs, holding)
        if not copying:
            continue
        article = reports[mine[0]][0]
        lede = rows[reports[next(iter(copying.values()))][0].id][0]
        for k in mine:
            _, sentence, source = found[k]
            if source == _own(article):
                found[k] = (article, sentence, found[copying.get(k, lede)][2])
    return found


def _copying(reports: Sequence[tuple[Article, str, str]], mine: Sequence[int],
             runs: Sequence[set[tuple[str, ...]]], holding: Mapping[tuple[str, ...], Sequence[int]]
             ) -> dict[int, int]:
    """The sentences of one article's lead (``mine``) that copy an earlier article's, each with the
    earlier sentence it copies, when ``COPIED_SENTENCES`` or more copy one earlier article (the one
    most copied, the first of a tie), else none. ``runs``: each report's runs of ``COPIED_RUN``
    words (none for a sentence holding a quotation mark); ``holding``: the reports of each run."""
    article = reports[mine[0]][0]
    own = _own(article)
    by_article: dict[str, dict[int, int]] = {}
    for k in mine:
        shared = runs[k] if reports[k][2] == own else set()
        for j in sorted({j for run in shared for j in holding.get(run, ()) if j < mine[0]}):
            if reports[j][0].outlet != article.outlet:
                by_article.setdefault(reports[j][0].id, {}).setdefault(k, j)
    best = max(by_article.values(), key=len, default={})
    return best if len(best) >= COPIED_SENTENCES else {}


def _plain(sentence: str) -> bool:
    """True for a sentence holding no quotation mark (a quote's marks are often broken or lost:
    what a sentence holding one quotes cannot be told from the reporter's words)."""
    return not _ANY_MARK.search(sentence)


def _runs(sentence: str, *, quoted: bool = False, length: int = MIN_WORDS) -> set[tuple[str, ...]]:
    """Every run of ``length`` consecutive words (folded) of a sentence outside its quotation
    marks (with ``quoted``, of all its words): a copy writes an earlier sentence's words in their
    order, where two reporters attributing one statement share its names ("According to a White
    House statement, O'Brien '...'" and "O'Brien has '...,' the White House said")."""
    parts = [sentence] if quoted else _unquoted(sentence)
    found = set()
    for part in parts:
        said = [_TENSE.get(w, w) for w in re.findall(r"\w+", part.casefold())]
        found |= {tuple(said[i:i + length]) for i in range(len(said) - length + 1)}
    return found


# an edited copy moves a wire story's verbs to another tense ("is being rerouted" for "was being
# rerouted"): a copy's runs are read with the forms of "be", "have" and "say" as one
_TENSE = {w: base for base, forms in (("be", "is are was were am"), ("have", "has have had"),
                                      ("say", "says said say")) for w in forms.split()}


def _unquoted(sentence: str) -> list[str]:
    """The parts of a sentence outside its quotation marks, read in order: the parts between marks
    alternate, the first outside unless the first mark closes a quote opened before the sentence
    ("we will win," he said)."""
    parts = _MARK.split(sentence)
    marks = _MARK.findall(sentence)
    inside_first = bool(marks) and marks[0] == "”"
    return [part for k, part in enumerate(parts) if (k % 2 == 1) == inside_first]


def _own(article: Article) -> str:
    return outlet_key(article.outlet) if article.outlet else f"article:{article.id}"


def _restated(claims: Sequence[_Claim], close: np.ndarray, rows: Sequence[Row]) -> None:
    """A sentence stating two claims: a lead sentence that reports a claim two articles or more
    state also reports another such claim its article states in no sentence, when it reaches
    ``SAME_CLAIM`` with a sentence of that claim (a lede summing up the story, "the mayor defended
    the sale and said the harbor had lost money for years", states what another outlet tells in
    two sentences; the reading gives each sentence one claim). Read against the claims as
    gathered: a report added here makes no other claim shared."""
    shared = [c for c in claims if len({r[0] for r in c.reports}) >= 2]
    if not shared:
        return
    reporting = np.zeros(len(rows), dtype=bool)  # the sentences of the shared claims
    reporting[[k for c in shared for k in c.sentences]] = True
    added = []
    for c in shared:
        stating = {r[0] for r in c.reports}
        near = (close[:, c.sentences].max(axis=1) >= SAME_CLAIM) & reporting
        for k in np.flatnonzero(near).tolist():  # rows[k] is the story's k-th sentence
            if rows[k][0].id not in stating:
                added.append((c, _report(rows[k])))
                stating.add(rows[k][0].id)
    for c, report in added:
        c.reports.append(report)


def _merge(claims: list[_Claim], close: np.ndarray) -> list[_Claim]:
    """Join two claims whose ledes an article read later shows to be one: while a lede (an
    article's first statement) of one claim and a lede of another reach ``LEDE_PAIR`` and no
    article states both, the closest two join, the earlier keeping its first sentence. (Articles
    are read in order: a lede paraphrasing the first under the bar starts a claim of its own, and
    the third outlet's lede, close to both, can join only one of them.) The claims' closeness (the
    most alike of their ledes) is computed once and kept up to date as they join: a story of
    hundreds of articles costs a few matrix passes per join, not every pair of claims again."""
    close = _lede_closeness(claims, close)
    stated = [{r[0] for r in c.reports} for c in claims]
    apart = np.array([[bool(a & b) for b in stated] for a in stated], dtype=bool).reshape(
        len(claims), len(claims))
    joined: set[int] = set()
    while True:
        allowed = np.triu((close >= LEDE_PAIR) & ~apart, 1)
        if not allowed.any():
            return [c for k, c in enumerate(claims) if k not in joined]
        best = close[allowed].max()
        i, j = np.argwhere(allowed & (close == best))[-1]  # ties: the last pair, as read in order
        first, later = claims[i], claims[j]
        first.reports += later.reports
        first.sentences += later.sentences
        first.ledes += later.ledes
        first.lede = first.lede or later.lede
        joined.add(j)
        close[i, :] = close[:, i] = np.maximum(close[i], close[j])
        close[i, i] = close[j, :] = close[:, j] = -1.0
        apart[i, :] = apart[:, i] = apart[i] | apart[j]


def _lede_closeness(claims: Sequence[_Claim], close: np.ndarray) -> np.ndarray:
    """The similarity (of ``close``, between sentences) of each two claims' most alike ledes (-1
    where either has none, and on the diagonal)."""
    owner = np.array([k for k, c in enumerate(claims) for _ in c.ledes], dtype=np.int64)
    ledes = np.array([v for c in claims for v in c.ledes], dtype=np.int64)
    found = np.full((len(claims), len(claims)), -1.0)
    np.maximum.at(found, (owner[:, None], owner[None, :]), close[np.ix_(ledes, ledes)])
    np.fill_diagonal(found, -1.0)
    return found


def _place(rows: Sequence[Row], claims: list[_Claim], close: np.ndarray,
           owner: np.ndarray) -> None:
    """One article's lead sentences: each joins a different claim of the earlier articles, the
    pairs chosen so that their similarity adds up to the most (each at ``SAME_CLAIM`` or more, or
    two ledes each other's clear best, see ``_joinable``); a sentence left over starts a claim.
    ``owner`` holds the claim of each sentence read before (a claim's similarity to a sentence is
    its best sentence's), and takes this article's."""
    earlier = list(claims)
    read = rows[0][3]  # the sentences before this article's
    similar = np.zeros((len(rows), len(earlier)))
    for r, (*_, k) in enumerate(rows):
        np.maximum.at(similar[r], owner[:read], close[k, :read])
    similar = np.where(_joinable(similar, [c.lede for c in earlier]), similar, 0.0)
    joined = set()
    for r, c in zip(*linear_sum_assignment(similar, maximize=True), strict=True):
        if similar[r, c] > 0:
            earlier[c].reports.append(_report(rows[r]))
            earlier[c].sentences.append(rows[r][3])
            earlier[c].ledes += [rows[r][3]] if r == 0 else []
            owner[rows[r][3]] = c
            joined.add(r)
    for r, (article, sentence, _, k) in enumerate(rows):
        if r not in joined:
            owner[k] = len(claims)
            claims.append(_Claim(sentence, article.id, [_report(rows[r])], [k], r == 0,
                                 [k] if r == 0 else []))


def _joinable(similar: np.ndarray, ledes: Sequence[bool]) -> np.ndarray:
    """Which (sentence, claim) pairs of ``similar`` (an article's lead sentences, in order, against
    the earlier claims) may join: a similarity of ``SAME_CLAIM`` or more; or the article's first
    statement and a claim an earlier article's first statement started, at ``SAME_LEDE`` or more,
    when that similarity is ``CLEAR_BEST`` times every other of the lede's row and of the claim's
    column."""
    allowed = similar >= SAME_CLAIM
    for c, lede in enumerate(ledes):
        if not lede or not len(similar) or allowed[0, c] or similar[0, c] < SAME_LEDE:
            continue
        others = np.concatenate([np.delete(similar[0], c), similar[1:, c]])
        allowed[0, c] = similar[0, c] >= CLEAR_BEST * others.max(initial=0.0)
    return allowed


def _report(row: Row) -> tuple[str, str, str]:
    article, _, source, _ = row
    return article.id, article.outlet or "", source


def key_claims(story: Story, articles: Mapping[str, Article],
               analyses: Mapping[str, Analysis] | None = None) -> tuple[Claim, ...]:
    """The story's key claims with the outlets stating each and its independent sources."""
    copies = dict(story.duplicates)
    opinion = {aid for aid, a in articles.items() if is_opinion(a)}
    claims = _gather(_reports(story, articles, analyses or {}))
    shared = [c for c in claims if len({copies.get(aid, aid) for aid, _, _ in c.reports}) >= 2]
    done = [Claim(text=c.text, article_id=c.article_id,
                  outlets=tuple(dict.fromkeys(o for _, o, _ in c.reports if o)),
                  sources=tuple(dict.fromkeys(s for aid, _, s in c.reports
                                              if aid not in copies and aid not in opinion)))
            for c in shared or claims[:1]]
    done.sort(key=lambda c: -len(c.sources))
    return tuple(done[:MAX_CLAIMS])
