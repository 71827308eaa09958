"""broadsheet: news pages from many outlets in, a multi-perspective, fully sourced briefing out."""

__version__ = "0.1.0"
