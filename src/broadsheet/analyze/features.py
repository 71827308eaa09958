"""Features of cues and of their candidate contents and sources, for the learned models.

Each function returns a sparse feature dict (name -> value, mostly 1.0) from the parse alone: the
words, lemmas, part-of-speech tags, dependency labels and named-entity types of the small spaCy
model, the quotation marks of the text, and the cue lexicon's prior. No feature names a site, an
outlet or a person; what the models learn from PolNeAR's train split is how English reports speech.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from broadsheet.analyze.candidates import DASHES, Candidate, CueSite
from broadsheet.analyze.quotes import Quotation
from broadsheet.analyze.spans import text_of, word_count
from broadsheet.model import Span

Features = dict[str, float]
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "who", "which", "that"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def cue_key(token: Token) -> str:
    """The lexicon key of a token: its lower-case lemma (a dash or colon as itself)."""
    return key_of(token.text, token.lemma_)


def key_of(text: str, lemma: str) -> str:
    """``cue_key`` from a word's text and lemma (the detector reads them from one array)."""
    return text if text in DASHES or text == ":" else lemma.lower()


VERB_POS = frozenset({"VERB", "AUX"})
VERB_KEY = "|verb"  # the suffix of a verb's own lexicon key (``verb_key``)


def verb_key(key: str) -> str:
    """The lexicon key of a cue key read as a verb only ("state|verb"): kept in the lexicon when the
    word as a whole is too rarely a cue ("the state", "states") but the verb often is ("stated")."""
    return key + VERB_KEY


def lexicon_prior(lexicon: dict[str, float], token: Token) -> float | None:
    """The lexicon's prior of a token: its cue key's, else (a verb) its verb key's; None outside it."""
    return prior_of(lexicon, cue_key(token), token.pos_)


def prior_of(lexicon: dict[str, float], key: str, pos: str) -> float | None:
    """``lexicon_prior`` from a word's cue key and part of speech."""
    prior = lexicon.get(key)
    if prior is None and pos in VERB_POS:
        prior = lexicon.get(verb_key(key))
    return prior


def _bucket(value: int, edges: tuple[int, ...] = (0, 1, 2, 4, 8, 16, 32, 64)) -> str:
    """A coarse size label: the largest edge not above ``value``."""
    return str(max(edge for edge in edges if edge <= value)) if value >= 0 else "neg"


def _in_quotes(token: Token, quotes: tuple[Quotation, ...]) -> bool:
    """Whether the token lies inside a quotation."""
    return any(q.start < token.idx < q.end for q in quotes)


def cue_features(doc: Doc, site: CueSite, prior: float) -> Features:
    """Features of the token at ``site.head`` as a possible cue head (``prior``: the lexicon's
    share of this key's occurrences that were cues in training)."""
    token = doc[site.head]
    key = cue_key(token)
    feats: Features = {
        "bias": 1.0,
        "prior": prior,
        "logit_prior": math.log((prior + 0.01) / (1.01 - prior)),
        f"key={key}": 1.0,
        f"pos={token.pos_}": 1.0,
        f"tag={token.tag_}": 1.0,
        f"dep={token.dep_}": 1.0,
        f"key|tag={key}|{token.tag_}": 1.0,
        f"key|dep={key}|{token.dep_}": 1.0,
        f"head_dep={token.head.dep_}": 1.0,
        f"head_pos={token.head.pos_}": 1.0,
        f"prev={doc[token.i - 1].lower_ if token.i else '<s>'}": 1.0,
        f"next={doc[token.i + 1].lower_ if token.i + 1 < len(doc) else '</s>'}": 1.0,
        "in_quotes": float(_in_quotes(token, site.quotes)),
        "sent_start": float(token.i == site.sentence[0]),
    }
    for child in token.children:
        feats[f"child={child.dep_}"] = 1.0
        feats[f"key|child={key}|{child.dep_}"] = 1.0
        if child.dep_ in {"nsubj", "nsubjpass"}:
            feats[f"subj_pos={child.pos_}"] = 1.0
            feats[f"subj_ent={child.ent_type_ or '-'}"] = 1.0
            if child.lower_ in _PRONOUNS:
                feats[f"subj={child.lower_}"] = 1.0
    feats.update(_quote_context(doc, site))
    if key in DASHES or key == ":":
        feats.update(_line_features(doc, token))
    return feats


_PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "who"})
_BODIES = frozenset({"ORG", "NORP", "GPE"})


def holder_kind(token: Token) -> str:
    """What kind of holder a subject is: ``person`` (a person's name or a personal pronoun),
    ``body`` (an organisation, a people, a country), ``noun`` (any other noun: "critics", "the
    poll"), ``other``."""
    if token.ent_type_ == "PERSON" or token.lower_ in _PERSONAL:
        return "person"
    if token.ent_type_ in _BODIES:
        return "body"
    return "noun" if token.pos_ in {"NOUN", "PROPN"} else "other"


def complement_kind(token: Token) -> str:
    """The clause a verb governs: ``that`` (a finite clause opened by "that"), ``finite`` (a finite
    clause without it: "thinks he will win"), ``to`` (an infinitive: "wants to win"), ``ing``
    ("considered running"), ``object`` (a direct object only), ``none``."""
    kinds = []
    for child in token.children:
        if child.dep_ == "ccomp":
            marked = any(c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} for c in child.children)
            auxiliaries = (c for c in child.children if c.dep_ == "aux")
            finite = child.tag_ in _FINITE or any(c.tag_ in _FINITE for c in auxiliaries)
            kinds.append("that" if marked else "finite" if finite else "clause")
        elif child.dep_ == "xcomp":
            kinds.append("ing" if child.tag_ == "VBG" else "to")
    if kinds:
        return kinds[0]
    return "object" if any(c.dep_ == "dobj" for c in token.children) else "none"


def complement_features(token: Token, key: str) -> Features:
    """The cue's frame by structure, not by word: what governs it (its complement), who holds it
    (its subject's kind), both together and each with the key, so that the long tail of ordinary
    verbs ("take", "make", "seek") is read by the frame they stand in."""
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    holder = holder_kind(subject) if subject is not None else "none"
    if subject is not None and subject.dep_ == "nsubjpass":
        holder = f"passive_{holder}"
    frame = complement_kind(token)
    return {
        f"frame={frame}": 1.0,
        f"holder={holder}": 1.0,
        f"holder|frame={holder}|{frame}": 1.0,
        f"key|frame={key}|{frame}": 1.0,
        f"key|holder={key}|{holder}": 1.0,
        f"pos|holder|frame={token.pos_}|{holder}|{frame}": 1.0,
    }


def _quote_context(doc: Doc, site: CueSite) -> Features:
    """Whether a quotation touches the cue clause before or after it, or fills the sentence."""
    text = text_of(doc)
    start, end = doc[site.clause[0]].idx, doc[site.clause[1]].idx + len(doc[site.clause[1]])
    feats: Features = {}
    for quote in site.quotes:
        if 0 <= start - quote.end <= 3:
            feats["quote_before"] = 1.0
        if 0 <= quote.start - end <= 3:
            feats["quote_after"] = 1.0
    sentence = (doc[site.sentence[0]].idx, doc[site.sentence[1]].idx + len(doc[site.sentence[1]]))
    quoted = sum(word_count(text, (max(q.start, sentence[0]), min(q.end, sentence[1])))
                 for q in site.quotes if q.start < sentence[1] and sentence[0] < q.end)
    feats[f"quoted_share={_bucket(10 * quoted // max(1, word_count(text, sentence)))}"] = 1.0
    return feats


def _line_features(doc: Doc, token: Token) -> Features:
    """For a colon or a dash: how far into its line it stands and what the words before it are."""
    first = token.i
    while first > 0 and "\n" not in doc[first - 1].text + doc[first - 1].whitespace_:
        first -= 1
    before = doc[first : token.i]
    return {
        f"line_offset={_bucket(token.i - first)}": 1.0,
        "before_capitalised": float(all(t.is_title or t.is_upper or t.is_punct for t in before)),
        "before_named": float(any(t.ent_type_ in {"PERSON", "ORG"} for t in before)),
        "before_verb": float(any(t.pos_ in {"VERB", "AUX"} for t in before)),
        "after_named": float(any(t.ent_type_ in {"PERSON", "ORG"} for t in doc[token.i + 1 : token.i + 5])),
    }


def content_features(doc: Doc, site: CueSite, candidate: Candidate, kinds: frozenset[str]) -> Features:
    """Features of one content reading of a cue (``kinds``: every kind proposed for this cue)."""
    head = doc[site.head]
    key = cue_key(head)
    text = text_of(doc)
    words = word_count(text, candidate.span)
    sentence_words = max(1, site.sentence[1] - site.sentence[0] + 1)
    share = 10 * (candidate.last - candidate.first + 1) // sentence_words
    feats = _reading(candidate.kind, kinds, {
        "key": key, "tag": head.tag_, "dep": head.dep_, "words": _bucket(words), "share": _bucket(share),
        "after": candidate.first > site.head, "quoted": _quote_overlap(candidate, site.quotes),
        "ends_sentence": candidate.last >= site.sentence[1] - 1,
        "crosses": _crosses_sentence(doc, candidate),
    })
    feats.update(_shape(doc, site, candidate))
    return feats


def _reading(kind: str, kinds: frozenset[str], values: dict[str, object]) -> Features:
    """The features of a reading of ``kind``: each value paired with the kind
    (``kind|name=kind|value``), and every other kind proposed beside it.

    The kinds are added in sorted order, not the set's: ``LinearModel.probability`` sums the
    weights in the dict's order, and a set of strings iterates in an order that changes with the
    interpreter's hash seed, so the last bits of P(content) and P(source), and through them the
    training of the acceptor and its thresholds, changed from run to run."""
    feats: Features = {"bias": 1.0, f"kind={kind}": 1.0}
    feats.update({f"kind|{name}={kind}|{value}": 1.0 for name, value in values.items()})
    feats.update({f"kind|has={kind}|{other}": 1.0 for other in sorted(kinds)})
    return feats




def _shape(doc: Doc, site: CueSite, candidate: Candidate) -> Features:
    """What the reading looks like: the punctuation between it and the cue clause, its first word's
    tag, its root's dependency, whether it holds a finite verb."""
    text = text_of(doc)
    words = [t for t in doc[site.clause[0] : site.clause[1] + 1] if not t.is_punct] or [doc[site.head]]
    clause = (words[0].idx, words[-1].idx + len(words[-1]))
    if candidate.span[1] <= clause[0]:
        gap = text[candidate.span[1] : clause[0]]
    elif candidate.span[0] >= clause[1]:
        gap = text[clause[1] : candidate.span[0]]
    else:
        gap = "around"
    gap = "".join(ch for ch in gap if not ch.isspace())[:3] or "none"
    tokens = doc[candidate.first : candidate.last + 1]
    kind = candidate.kind
    final = candidate.span[1] <= clause[0] and "," in gap and closes_sentence(doc, site)
    return {
        f"kind|final_frame={kind}|{final}": 1.0,
        f"kind|gap={kind}|{gap}": 1.0,
        f"kind|first_tag={kind}|{doc[candidate.first].tag_}": 1.0,
        f"kind|root_dep={kind}|{tokens.root.dep_}": 1.0,
        f"kind|finite={kind}|{any(t.tag_ in _FINITE for t in tokens)}": 1.0,
    }


def closes_sentence(doc: Doc, site: CueSite) -> bool:
    """Whether nothing but punctuation, or a participle clause ("..., citing officials"), follows
    the cue clause in its sentence: the clause closes the sentence ("..., Kirby said last week.")."""
    rest = [t for t in doc[site.clause[1] + 1 : site.sentence[1] + 1] if not t.is_space]
    words = [t for t in rest if not t.is_punct]
    return not words or (rest[0].text == "," and words[0].tag_ == "VBG")


def _quote_overlap(candidate: Candidate, quotes: tuple[Quotation, ...]) -> str:
    """``exact`` when the candidate is one quotation, ``some`` when it holds one, else ``none``."""
    start, end = candidate.span
    if any(q.start <= start and end <= q.end for q in quotes):
        return "exact"
    return "some" if any(q.start < end and start < q.end for q in quotes) else "none"


def _crosses_sentence(doc: Doc, candidate: Candidate) -> bool:
    """Whether the candidate runs over a sentence boundary."""
    return any(doc[i].is_sent_start for i in range(candidate.first + 1, candidate.last + 1))


def source_features(doc: Doc, site: CueSite, candidate: Candidate, kinds: frozenset[str]) -> Features:
    """Features of one source reading of a cue."""
    head = doc[site.head]
    key = cue_key(head)
    root = doc[candidate.first : candidate.last + 1].root
    ent = root.ent_type_ or "-"
    return _reading(candidate.kind, kinds, {
        "key": key, "tag": head.tag_, "ent": ent, "pos": root.pos_,
        "pron": root.lower_ if root.lower_ in _PRONOUNS else "-",
        "len": _bucket(candidate.last - candidate.first + 1), "distance": _bucket(abs(site.head - root.i)),
        "quoted": _in_quotes(root, site.quotes),
    })


def _logit(probability: float) -> float:
    """log(p / (1 - p)), kept finite."""
    p = min(0.999, max(0.001, probability))
    return math.log(p / (1.0 - p))


def detection_features(doc: Doc, site: CueSite, content: Candidate, source: Candidate | None,
                       parts: tuple[float, float, float]) -> Features:
    """Features of a whole detection for the acceptor (``learned``): the three models' probabilities
    as logits, the cue key with its content reading, what the source is, the content's size."""
    head = doc[site.head]
    key = cue_key(head)
    root = doc[source.first : source.last + 1].root if source is not None else None
    words = word_count(text_of(doc), content.span)
    feats: Features = {
        "bias": 1.0,
        "logit_cue": _logit(parts[0]),
        "logit_content": _logit(parts[1]),
        "logit_source": _logit(parts[2]),
        "logit_joint": _logit(parts[0] * parts[1] * parts[2]),
        f"key={key}": 1.0,
        f"kind={content.kind}": 1.0,
        f"key|kind={key}|{content.kind}": 1.0,
        f"tag={head.tag_}": 1.0,
        f"dep={head.dep_}": 1.0,
        f"words={_bucket(words)}": 1.0,
        f"kind|words={content.kind}|{_bucket(words)}": 1.0,
        f"quoted={_quote_overlap(content, site.quotes)}": 1.0,
        "passive": float(any(c.dep_ in {"nsubjpass", "auxpass"} for c in head.children)),
    }
    feats.update(complement_features(head, key))
    feats[f"kind|frame={content.kind}|{complement_kind(head)}"] = 1.0
    if root is None or source is None:
        feats["source=none"] = 1.0
        return feats
    feats.update({
        f"source={source.kind}": 1.0,
        f"source_pos={root.pos_}": 1.0,
        f"source_ent={root.ent_type_ or '-'}": 1.0,
        f"source_pron={root.lower_ if root.lower_ in _PRONOUNS else '-'}": 1.0,
        f"key|source_ent={key}|{root.ent_type_ or '-'}": 1.0,
        f"key|source_pos={key}|{root.pos_}": 1.0,
    })
    return feats


@dataclass(frozen=True)
class Kept:
    """A detection the detector's first pass keeps, as ``context_features`` reads it: its cue head
    (token index), its content (character span) and the lower-case words of its source."""

    head: int
    content: Span
    speaker: frozenset[str]


def speaker_words(doc: Doc, source: Candidate | None) -> frozenset[str]:
    """The lower-case words (letters only) of a source reading; empty when there is none."""
    if source is None:
        return frozenset()
    return frozenset(t.lower_ for t in doc[source.first : source.last + 1] if t.is_alpha)


def context_features(doc: Doc, site: CueSite, source: Candidate, kept: Sequence[Kept]) -> Features:
    """Features of a detection's context for the context acceptor (``learned``): the cue's subject
    and the words around it by word, and what the first pass keeps around it (``kept``): in its
    sentence, in its paragraph, with the same cue key, with the same speaker, around its cue."""
    head = doc[site.head]
    key = cue_key(head)
    feats = _word_context(doc, head, key)
    feats.update(_kept_context(doc, site, key, source, kept))
    root = doc[source.first : source.last + 1].root
    feats[f"source_lemma={root.lemma_.lower()}"] = 1.0
    feats[f"key|source_kind={key}|{root.ent_type_ or root.pos_}"] = 1.0
    feats[f"position={min(4, 5 * head.idx // max(1, len(doc.text)))}"] = 1.0
    feats["in_quotes"] = float(_in_quotes(head, site.quotes))
    return feats


def _word_context(doc: Doc, head: Token, key: str) -> Features:
    """The cue key with its subject's lemma, and the two words either side of the cue."""
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    lemma = subject.lemma_.lower() if subject is not None else "-"
    feats: Features = {f"subject={lemma}": 1.0, f"key|subject={key}|{lemma}": 1.0}
    for offset in (-2, -1, 1, 2):
        at = head.i + offset
        word = doc[at].lower_ if 0 <= at < len(doc) else "<s>"
        feats[f"word{offset:+d}={word}"] = 1.0
        if abs(offset) == 1:
            feats[f"key|word{offset:+d}={key}|{word}"] = 1.0
    return feats


def _kept_context(doc: Doc, site: CueSite, key: str, source: Candidate, kept: Sequence[Kept]) -> Features:
    """What the first pass keeps around a detection: an attribution in its sentence, in its
    paragraph, anywhere in the article; how many with the same cue key; one whose speaker shares a
    word with its source; one whose content holds its cue."""
    head = doc[site.head]
    text = text_of(doc)
    paragraph = (text.rfind("\n", 0, head.idx) + 1, _paragraph_end(text, head.idx))
    speaker = speaker_words(doc, source)
    same = sum(cue_key(doc[k.head]) == key for k in kept)
    return {
        "kept_in_sentence": float(any(site.sentence[0] <= k.head <= site.sentence[1] for k in kept)),
        "kept_in_paragraph": float(any(paragraph[0] <= doc[k.head].idx < paragraph[1] for k in kept)),
        "kept_in_article": float(bool(kept)),
        f"kept_same_key={_bucket(same, (0, 1, 2, 3, 5, 8))}": 1.0,
        "kept_same_speaker": float(any(speaker & k.speaker for k in kept)),
        "inside_kept_content": float(any(k.content[0] <= head.idx < k.content[1] for k in kept)),
    }


def _paragraph_end(text: str, at: int) -> int:
    """The end of the paragraph (line) holding character ``at``."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end
