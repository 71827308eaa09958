"""The one exception tree of broadsheet.

Library code raises these, translating third-party errors at the edge with ``raise ... from exc``;
the CLI turns any of them into one clear line and an exit code (``cli.py``). Per-item problems inside
a batch are not raised past the batch: they become a stored ``model.Rejected`` value.

    BroadsheetError                 exit 1
    ├── ConfigError                 exit 2   a bad setting, flag or broadsheet.toml
    ├── InputError                  exit 3   an input that cannot be read at all
    │   ├── UnreadableInput                  binary junk, a truncated archive, an empty file
    │   ├── UnsupportedInput                 a file type broadsheet does not read
    │   ├── FetchError                       an address broadsheet will not fetch, or that refused
    │   └── InvalidAddress                   not an e-mail address broadsheet will send to
    ├── ExtractError                exit 4   a page with no article text to extract
    ├── AnalyzeError                exit 5   the NLP model is missing or failed
    ├── StoreError                  exit 6   the database cannot be opened, migrated or written
    │   └── StoreBusy                        another ``broadsheet run`` holds the store's lock
    ├── OutputError                 exit 7   the edition cannot be written where it was asked to go
    └── DeliveryError               exit 8   the SMTP server cannot be reached, refuses the login or
                                             the sender; or some recipients could not be sent to
"""

from __future__ import annotations


class BroadsheetError(Exception):
    """Base of every error broadsheet raises on purpose."""

    exit_code = 1
    reason = "error"


class ConfigError(BroadsheetError):
    """A setting, command-line flag or ``broadsheet.toml`` value is invalid."""

    exit_code = 2
    reason = "config"


class InputError(BroadsheetError):
    """An input could not be read."""

    exit_code = 3
    reason = "unreadable"


class UnreadableInput(InputError):
    """The bytes are not a readable document: binary junk, truncated archive, empty file.

    ``reason`` is refined per instance (``empty``, ``binary``, ``truncated`` ...).
    """

    def __init__(self, message: str, reason: str = "unreadable") -> None:
        super().__init__(message)
        self.reason = reason


class UnsupportedInput(InputError):
    """A file whose type broadsheet does not ingest."""

    reason = "unsupported"


class FetchError(InputError):
    """An address that broadsheet will not fetch (a private address, robots.txt) or that failed.

    ``reason`` is refined per instance (``private_address``, ``robots``, ``not_found`` ...), the
    same codes a stored ``Rejected`` of the fetch stage carries.
    """

    def __init__(self, message: str, reason: str = "fetch_error") -> None:
        super().__init__(message)
        self.reason = reason


class InvalidAddress(InputError):
    """An e-mail address broadsheet refuses (see ``deliver.addresses``)."""

    reason = "address"


class ExtractError(BroadsheetError):
    """No article could be extracted from a page."""

    exit_code = 4
    reason = "no_text"


class AnalyzeError(BroadsheetError):
    """The analysis stage failed (typically: the spaCy model is not installed)."""

    exit_code = 5
    reason = "analyze"


class StoreError(BroadsheetError):
    """The store (an SQLite file or a PostgreSQL database) could not be opened, migrated or written."""

    exit_code = 6
    reason = "store"


class StoreBusy(StoreError):
    """Another process holds the store's lock (a second ``broadsheet run`` on the same store)."""

    reason = "busy"


class OutputError(BroadsheetError):
    """Rendered output could not be written (a bad output folder, a path outside it, a full disk)."""

    exit_code = 7
    reason = "output"


class DeliveryError(BroadsheetError):
    """Mail could not be delivered: the SMTP server is unreachable, refuses the login or the sender,
    or (after a whole send) some recipients failed. Its message never holds the SMTP password."""

    exit_code = 8
    reason = "delivery"
