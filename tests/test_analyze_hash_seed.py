"""Attribution training and scoring do not depend on the interpreter's hash seed.

A set of strings iterates in an order that changes with ``PYTHONHASHSEED``; when such an order
reached a feature dict, ``LinearModel.probability`` summed the weights in another order from run
to run, the last bits of P(content) and P(source) changed, and with them the acceptor's training
rows and thresholds. Each test runs the same code in subprocesses under different hash seeds and
compares what they print.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_READING = """
from broadsheet.analyze.features import _reading
kinds = frozenset({"left", "right", "sentence", "that", "ccomp", "object", "rights", "quote_pair"})
print(list(_reading("left", kinds, {"words": 3})))
"""

_TRAINING = '''
import json
from broadsheet.analyze.fitting import examples, fitted_models
from broadsheet.analyze.nlp import load_model
from broadsheet.bench.polnear import Document, Gold

def at(text, words):
    start = text.index(words)
    return (start, start + len(words))

def gold(text, source, cue, content):
    return Gold((at(text, source),), (at(text, cue),), (at(text, content),), cue)

texts = [
    ("a", 'The mayor said that the bridge would reopen in May. "We are ready," Ann Lee told reporters.',
     [("The mayor", "said", "the bridge would reopen in May"), ("reporters", "told", '"We are ready,"')]),
    ("b", "Officials warned that the storm could flood the coast, according to the agency. "
          "The agency said the roads were closed, and police believe the damage is severe.",
     [("Officials", "warned", "the storm could flood the coast"),
      ("The agency", "said", "the roads were closed"), ("police", "believe", "the damage is severe")]),
    ("c", "He said the talks failed. She added that the union would strike, Kirby said on Monday.",
     [("He", "said", "the talks failed"), ("She", "added", "the union would strike"),
      ("Kirby", "said", "She added that the union would strike")]),
    ("d", "The bridge was said to be old. Police believe in luck, and the warned villagers added a wall. "
          "Nobody told the story twice, the mayor said nothing.", []),
]
nlp = load_model()
pairs = []
for name, text, golds in texts:
    pairs.append((Document(name, text, tuple(gold(text, *g) for g in golds)), nlp(text)))
pairs = pairs * 2  # each cue key seen twice, so the lexicon keeps it
models = fitted_models(pairs, {})
rows = examples(pairs, models.lexicon)
print(json.dumps(models.to_json(), sort_keys=True))
print([list(features) for features in rows["content"][0] + rows["source"][0]])
print([repr(models.content.probability(f)) for f in rows["content"][0]])
print([repr(models.source.probability(f)) for f in rows["source"][0]])
'''


def _run(code: str, seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def test_reading_features_in_the_same_order_under_any_hash_seed() -> None:
    outputs = {_run(_READING, seed) for seed in (1, 2, 3, 4)}
    assert len(outputs) == 1


@pytest.mark.slow
def test_tiny_training_the_same_under_two_hash_seeds() -> None:
    first, second = _run(_TRAINING, 1), _run(_TRAINING, 2)
    assert first.count("\n") == 4 and '"cue"' in first
    assert first == second
