"""The voices of an edition of a few AllSides-NEUS records (argv: record ids), printed: speaker, role,
organisation, kind, cue and the first words of each quote (read here, not kept)."""
import sys
from pathlib import Path

from broadsheet.bench.voices import allsides_pages, edition_voices

pages = allsides_pages(Path("/work/shared/data"), sys.argv[1:])
for voice in edition_voices([], pages, created="2026-12-01T00:00:00+00:00"):
    for quote in voice.quotes:
        print(f"{voice.speaker!r} | {voice.role!r} | {voice.organisation!r} | {voice.kind} | {quote.cue!r} | "
              f"{quote.content[:90]!r}")
