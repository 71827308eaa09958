"""broadsheet: news pages from many outlets in, a multi-perspective, fully sourced briefing out.

The Python API (``api.py``): ``extract``, ``analyze``, ``analyze_many``, ``cluster`` and the
``Store``; the values they return are the frozen dataclasses of ``broadsheet.model``.
"""

# The stage packages are imported first, so that the API functions of the same names bound below
# stay the package's attributes (a package's first import would otherwise rebind its name).
import broadsheet.analyze
import broadsheet.extract  # noqa: F401
from broadsheet.api import NoArticle, analyze, analyze_many, cluster, extract
from broadsheet.model import Analysis, Article, Attribution, Story
from broadsheet.store import Store

__version__ = "0.1.0"

__all__ = [
    "Analysis", "Article", "Attribution", "NoArticle", "Store", "Story", "__version__", "analyze",
    "analyze_many", "cluster", "extract",
]
