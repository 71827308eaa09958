"""The stories stage: articles in, stories out (``cluster_articles``).

``cluster.py`` groups articles about the same event (TF-IDF of title and lead, a time window,
average-link clustering); ``dedup.py`` marks near-duplicate copies (MinHash LSH). Pure: no I/O.
"""

from __future__ import annotations

from broadsheet.stories.cluster import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, cluster_articles
from broadsheet.stories.dedup import find_near_duplicates

__all__ = ["DEFAULT_THRESHOLD", "DEFAULT_WINDOW_DAYS", "cluster_articles", "find_near_duplicates"]
