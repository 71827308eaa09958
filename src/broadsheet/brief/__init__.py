"""The brief stage: a window's Story values (plus their articles' analyses) in, one Edition out.

    window.py     which days an edition covers (daily, weekly; the ``timezone`` setting)
    rank.py       which stories lead: distinct outlets, growth since the previous edition, recency
    sentences.py  which sentences can stand alone: datelines, pronouns, connectives, bare quotes
    summarize.py  Speed Reads: extractive, cited, the lead then what the other outlets add
    voices.py     attributions grouped by speaker, each quote cited; the speaker's name, who it is,
                  who makes no voice, roles and organisations in speakernames.py, speakerof.py,
                  nonspeakers.py, voiceroles.py, voiceorgs.py; words no one said in unsaid.py
                  (its rules in unsaidcues.py, unsaidspeakers.py)
    features.py   kinds of speaker and the written rule of "What they're saying"
    goodnews.py   the lexicon that finds stories that read positive (weekly Good News)
    edition.py    puts them together in sections: ``build_edition``
    verify.py     faithful by construction: every sentence and quote checked verbatim against the
                  article version it cites: ``verify_edition``
"""

from __future__ import annotations

from broadsheet.brief.edition import build_edition
from broadsheet.brief.verify import cited_versions, verify_edition

__all__ = ["build_edition", "cited_versions", "verify_edition"]
