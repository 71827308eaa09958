"""Ingest: sources -> Page values (or Rejected), decoded once at the boundary.

``read_paths`` reads files and folders (``files.py``): HTML, gzipped HTML, plain text, JSON Lines
(``records.py``) and web archives (``warc.py``). This package and ``store`` are the only places that
touch the file system on the way in.
"""

from broadsheet.ingest.files import SUFFIXES, discover, read_file, read_paths

__all__ = ["SUFFIXES", "discover", "read_file", "read_paths"]
