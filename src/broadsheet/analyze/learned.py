"""The learned parts of attribution: a cue lexicon and three small linear models, shipped as JSON.

``analyze.training`` learns them from PolNeAR's train split (minus a held-out fold) and writes
``analyze/models/attribution.json``; this module reads that file once and scores feature dicts
(``features``) with plain Python, so running them needs neither scikit-learn nor any pickle:

- ``lexicon``: for each cue key (lower-case lemma), the share of its occurrences in training that
  were the head of a gold cue; only keys seen as cues at least twice, at a share of at least 3%;
  and for a word that fails this as a whole, its verb key when its verb alone passes ("state|verb":
  "stated" 45 of 64 on train, "the state" never; ``features.lexicon_prior``);
- ``cue``: P(this token heads an attribution's cue);
- ``content``: P(this reading of the cue's content overlaps the gold content with Dice >= 0.5);
- ``source``: P(this reading of the cue's source overlaps the gold source);
- ``thresholds``: the cut-offs (``cue`` and ``accept``, chosen on cross-fitted folds of the train
  split, never on dev), and ``trusted``;
- ``trusted``: cue keys, and pairs ``key|kind`` of a cue key and a content reading ("confirm|ccomp"),
  whose attributions scoring between ``thresholds["trusted"]`` and ``accept`` were right at least
  ``thresholds.TRUSTED_PRECISION`` of the time on train (belief and perception cues such as
  "believe", "complain", "describe"): these are kept from ``trusted`` up, the rest from ``accept``
  up — recall over all attributions without spending precision.
- ``acceptor``: P(a detection is right) from its three probabilities, its cue key and content
  reading, and what its source is (``features.detection_features``); it keeps detections under
  ``accept`` (from ``thresholds["acceptor_from"]``, cues from ``thresholds["acceptor_cue"]``) when it
  clears its group's threshold (``thresholds["acceptor_speech"]`` for verbs of saying,
  ``["acceptor_other"]`` for the rest; ``["acceptor"]`` in older files): mostly beliefs, perceptions
  and other non-speech cues ("called", "shows", "wants") whose joint score the speech-tuned
  threshold drops;
- ``other_acceptor``: when present, the acceptor of cues other than verbs of saying, which also
  reads the cue's frame by structure (``features.complement_features``: its complement and who
  holds it), learned on the same folds beside the shipped models; the verbs of saying keep
  ``acceptor``;
- ``context_acceptor``: when present, it takes the place of ``other_acceptor`` and also reads the
  detection's context (``features.context_features``: the cue's subject and the words around it,
  and what the detector's first pass keeps around it: in its sentence and paragraph, with the same
  cue key or speaker), at the threshold ``acceptor_other``.

The file also records which train articles were held out (``heldout``), so the benchmark can report
figures on articles nothing was trained or tuned on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from broadsheet.errors import AnalyzeError

MODEL_FILE = "attribution.json"


@dataclass(frozen=True)
class LinearModel:
    """A logistic model: ``P = sigmoid(bias + sum(weight[name] * value))``."""

    weights: dict[str, float]
    bias: float

    def probability(self, features: dict[str, float]) -> float:
        """The model's probability for one feature dict (unknown names weigh nothing)."""
        total = self.bias
        weights = self.weights
        for name, value in features.items():
            weight = weights.get(name)
            if weight is not None:
                total += weight * value
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def to_json(self) -> dict[str, Any]:
        """The JSON form written by training."""
        return {"bias": self.bias, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        """Read the JSON form."""
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]))


@dataclass(frozen=True)
class Models:
    """Everything attribution learned: the lexicon, the three models and the tuned thresholds."""

    lexicon: dict[str, float]
    cue: LinearModel
    content: LinearModel
    source: LinearModel
    thresholds: dict[str, float]
    heldout: tuple[str, ...] = ()
    trusted: frozenset[str] = frozenset()
    acceptor: LinearModel | None = None
    other_acceptor: LinearModel | None = None
    context_acceptor: LinearModel | None = None

    def acceptor_for(self, group: str) -> LinearModel | None:
        """The acceptor of a group of cues (``acceptance.ACCEPTOR_GROUPS``): ``other_acceptor`` for
        cues other than verbs of saying when there is one, else the one ``acceptor``."""
        if group == "other" and self.other_acceptor is not None:
            return self.other_acceptor
        return self.acceptor

    def accepts(self, key: str, kind: str) -> float:
        """The lowest score at which a detection is kept whose cue key is ``key`` and whose content
        reading is of ``kind`` (trusted: the key, or the pair ``key|kind``)."""
        accept = self.thresholds.get("accept", 0.3)
        if key in self.trusted or f"{key}|{kind}" in self.trusted:
            return min(accept, self.thresholds.get("trusted", accept))
        return accept

    def lowest(self, key: str) -> float:
        """The lowest score at which some detection with cue key ``key`` may be kept."""
        accept = self.thresholds.get("accept", 0.3)
        trusted = key in self.trusted or key in _trusted_keys(self.trusted)
        return min(accept, self.thresholds.get("trusted", accept)) if trusted else accept

    def to_json(self) -> dict[str, Any]:
        """The JSON form written by training."""
        return {
            "lexicon": self.lexicon,
            "cue": self.cue.to_json(),
            "content": self.content.to_json(),
            "source": self.source.to_json(),
            "thresholds": self.thresholds,
            "heldout": list(self.heldout),
            "trusted": sorted(self.trusted),
            **({"acceptor": self.acceptor.to_json()} if self.acceptor is not None else {}),
            **({"other_acceptor": self.other_acceptor.to_json()} if self.other_acceptor is not None else {}),
            **({"context_acceptor": self.context_acceptor.to_json()}
               if self.context_acceptor is not None else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Models:
        """Read the JSON form."""
        return cls(
            lexicon={str(k): float(v) for k, v in data["lexicon"].items()},
            cue=LinearModel.from_json(data["cue"]),
            content=LinearModel.from_json(data["content"]),
            source=LinearModel.from_json(data["source"]),
            thresholds={str(k): float(v) for k, v in data["thresholds"].items()},
            heldout=tuple(data.get("heldout", ())),
            trusted=frozenset(data.get("trusted", ())),
            acceptor=LinearModel.from_json(data["acceptor"]) if "acceptor" in data else None,
            other_acceptor=(LinearModel.from_json(data["other_acceptor"])
                            if "other_acceptor" in data else None),
            context_acceptor=(LinearModel.from_json(data["context_acceptor"])
                              if "context_acceptor" in data else None),
        )


@lru_cache(maxsize=8)
def _trusted_keys(trusted: frozenset[str]) -> frozenset[str]:
    """The cue keys of the trusted ``key|kind`` pairs (found once per set, not once per token)."""
    return frozenset(name.split("|", 1)[0] for name in trusted if "|" in name)


@lru_cache(maxsize=1)
def shipped_models() -> Models:
    """The models shipped in the package (read once per process); AnalyzeError when missing."""
    try:
        raw = resources.files("broadsheet.analyze").joinpath("models", MODEL_FILE).read_text("utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise AnalyzeError(f"attribution models missing ({MODEL_FILE}): reinstall broadsheet") from exc
    return Models.from_json(json.loads(raw))


def heldout_names() -> frozenset[str]:
    """The PolNeAR train articles the shipped models never saw."""
    return frozenset(shipped_models().heldout)
