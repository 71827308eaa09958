"""Scale: backfills beyond one process — shards, their outputs, executors, and one bulk loader.

    shards.py     one shard per input file; deterministic names; the shard folder of a store
    work.py       process_shard: read -> extract (under a time limit) -> analyse -> shard output
    output.py     the shard output format: gzipped JSON lines + a completion marker, written atomically
    timelimit.py  a per-document time limit in a worker (SIGALRM)
    local.py      the default executor: a process pool (model once per worker, workers recycled)
    cluster.py    the Ray executor (``broadsheet[ray]``): the same shards as Ray tasks
    backfill.py   the driver: skip complete shards, run the rest, keep each failure's reason
    load.py       complete shard outputs into the store, one transaction per shard, idempotent

``broadsheet backfill`` (``cli/backfill.py``) strings them together; the README's "Backfills"
section is the operators' page. Workers never write the store: only ``load.py`` does.
"""
