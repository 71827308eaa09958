"""Shared by the probes: log every far target that passes round 41's margin with the gate's two parts
(a day the text names in the host's span; a rare name of the host's own), and the moves made.
Env GATE: "both" (the rule, default), "none" (round 45: every such target moves), "name", "date"
(one part alone: diagnostics only)."""
import os
from broadsheet.stories import farwords

LOG = []  # (lone article id, host member ids, date ok, name ok)
MOVES = []  # (article id, host member ids after the move)
_absorb = farwords.absorb_far
GATE = os.environ.get("GATE", "both")


def evidence(index, lone, host, horizon):
    date_ok = farwords.in_span(lone.members[0].dates, host)
    name_ok = farwords.own_name(index, lone, host, horizon)
    LOG.append((lone.members[0].article_id, [m.article_id for m in host.members], date_ok, name_ok))
    return {"both": date_ok and name_ok, "none": True, "name": name_ok, "date": date_ok}[GATE]


def absorb(engine, items, *a, **k):
    before = dict(engine.index.where)
    n = _absorb(engine, items, *a, **k)
    index = engine.index
    for aid, sid in before.items():
        now = index.where[aid]
        if now != sid:
            MOVES.append((aid, [m.article_id for m in index.stories[now].members]))
    return n


farwords.evidence = evidence
farwords.absorb_far = absorb


def judge(label, log=None):
    """(moves, right) and the parts' table: right when the host's majority label is the mover's."""
    from collections import Counter
    def right(aid, members):
        maj = Counter(label[m] for m in members if m != aid and m in label).most_common(1)
        return bool(maj) and maj[0][0] == label[aid], (maj[0][0] if maj else None)
    moves = [(aid, *right(aid, ms), len(ms)) for aid, ms in MOVES]
    parts = [(aid, d, n, *right(aid, ms)) for aid, ms, d, n in LOG]
    return moves, parts
