"""The acceptors at detection time: which detections under the joint threshold they look at and keep.

The acceptor gives its P(right) of a detection the joint threshold drops (``second_look``), one
threshold per group of cues (``ACCEPTOR_GROUPS``: verbs of saying, and the rest); the context
acceptor reads, for the other cues, what the first pass kept around them (``context_look``). They
are trained in ``acceptors``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from broadsheet.analyze.candidates import Candidate, CueSite
from broadsheet.analyze.cuerules import SPEECH_VERBS
from broadsheet.analyze.features import Features, Kept, context_features, detection_features, speaker_words
from broadsheet.analyze.learned import Models

if TYPE_CHECKING:
    from broadsheet.analyze.detect import Detection


ACCEPTOR_GROUPS = ("speech", "other")  # the acceptor's groups of cues: one threshold each


def acceptor_group(head: Token) -> str:
    """The acceptor's group of a cue (``ACCEPTOR_GROUPS``): ``speech`` for a verb of saying
    (``SPEECH_VERBS``), else ``other`` (beliefs, perceptions, "called for", "shows")."""
    return ACCEPTOR_GROUPS[0] if head.lemma_.lower() in SPEECH_VERBS else ACCEPTOR_GROUPS[1]


def acceptor_threshold(models: Models, head: Token) -> float:
    """The acceptor's threshold for a cue of ``head``'s group (``acceptor_speech`` /
    ``acceptor_other``, else the one ``acceptor`` of older model files)."""
    shared = models.thresholds.get("acceptor", 1.0)
    return models.thresholds.get(f"acceptor_{acceptor_group(head)}", shared)


def second_look(models: Models, doc: Doc, site: CueSite, content: Candidate, source: Candidate | None,
                 parts: tuple[float, float, float]) -> float:
    """The acceptor's P(right) of a detection under the joint threshold (``learned``), 0 when it
    does not look: it looks at one whose joint score is at least ``acceptor_from``, its cue word not
    capitalised inside its sentence (a Title Case heading). Learned on train by cross-fitting, as
    are its thresholds, one per ``acceptor_group`` (``acceptors.with_acceptor``): in round 7 (the
    main threshold still walked on dev), against no acceptor, recall over all 0.443 -> 0.460 on
    dev and 0.406 -> 0.433 on unseen articles, speech F1 0.857 -> 0.854 and 0.844 -> 0.851,
    precision 0.913 -> 0.902 and 0.904 -> 0.902 (one threshold walked on dev: 0.458 / 0.427,
    0.856 / 0.847, 0.906 / 0.903)."""
    acceptor = models.acceptor_for(acceptor_group(doc[site.head]))
    if acceptor is None or source is None or not looks(models, doc, site, source, parts):
        return 0.0
    return acceptor.probability(detection_features(doc, site, content, source, parts))


def looks(models: Models, doc: Doc, site: CueSite, source: Candidate | None,
           parts: tuple[float, float, float]) -> bool:
    """Whether an acceptor looks at a detection under the joint threshold: it has a source, its
    joint score is at least ``acceptor_from`` and its cue word is not capitalised inside its
    sentence (``_title_cased``)."""
    if source is None or _title_cased(doc[site.head], site):
        return False
    return parts[0] * parts[1] * parts[2] >= models.thresholds.get("acceptor_from", 1.0)


def kept_context(doc: Doc, found: list[Detection]) -> list[Kept]:
    """The first pass's detections as ``features.context_features`` reads them."""
    return [Kept(d.site.head, d.content.span, speaker_words(doc, d.source)) for d in found]


def context_acceptor_features(doc: Doc, detection: Detection, kept: list[Kept]) -> Features:
    """The context acceptor's features of a pending detection (it has a source): the acceptor's
    (``features.detection_features``) and its context's (``features.context_features``)."""
    site, content, source = detection.site, detection.content, detection.source
    feats = detection_features(doc, site, content, source, detection.parts)
    if source is not None:
        feats.update(context_features(doc, site, source, kept))
    return feats


def context_look(models: Models, doc: Doc, found: list[Detection], pending: list[Detection]
                  ) -> list[Detection]:
    """The pending detections (``first_pass``) the context acceptor keeps: its P(right) from their
    own features and what the first pass kept around them, at least ``acceptor_other``."""
    acceptor = models.context_acceptor
    if acceptor is None:
        return []
    kept = kept_context(doc, found)
    threshold = models.thresholds.get(f"acceptor_{ACCEPTOR_GROUPS[1]}", 1.0)
    chosen = []
    for item in pending:
        acceptance = acceptor.probability(context_acceptor_features(doc, item, kept))
        if acceptance >= threshold:
            chosen.append(replace(item, acceptance=acceptance))
    return chosen


def _title_cased(head: Token, site: CueSite) -> bool:
    """Whether the cue word is capitalised though it does not open its sentence: a Title Case
    heading ("The Streaming Quality Seems To Be Mostly Excellent"), never running prose."""
    return head.i != site.sentence[0] and head.text[:1].isupper() and head.text[1:].islower()
