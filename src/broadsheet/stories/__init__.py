"""The stories stage: articles in, stories out — incrementally, with ids that never change.

    features.py   what the clusterer sees of an article (title, lead, names, day)
    sparse.py     hashed sparse vectors and an IDF kept up to date
    index.py      story states and the inverted index that finds candidate stories
    score.py      the learned scorer: how likely an article belongs to a story
    engine.py     the incremental clusterer (join, start, merge) and ``cluster_articles``
    linkage.py    centroid linkage of a batch's undated articles (on when ``Model.link`` is set)
    roundup.py    digests and live blogs, kept out of event stories
    dedup.py      near-duplicates (wire copies) by MinHash
    learn.py      learning the scorer's weights and thresholds from labelled story sets

Pure: no I/O (``store/stories.py`` saves and loads the index).
"""

from __future__ import annotations

from broadsheet.stories.dedup import find_near_duplicates
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS, Clusterer, cluster_articles, prepare
from broadsheet.stories.index import StoryIndex

__all__ = ["DEFAULT_WINDOW_DAYS", "Clusterer", "StoryIndex", "cluster_articles",
           "find_near_duplicates", "prepare"]
