"""For the dated half's moves only two batches make: where the host's members sit in one batch, and their gap."""
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories import Clusterer, StoryIndex, prepare, farwords
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
report = BenchReport(stage="clustering", notes=[])
articles, gold = bench.load_sets(Path("/work/shared/data"), None, report)["ecbplus-dated"]
lab = dict(zip([a.id for a in articles], gold))
def run(batches):
    index = StoryIndex(window_days=DEFAULT_WINDOW_DAYS); e = Clusterer(index)
    for b in batches: e.add_all(prepare(a) for a in b)
    return index
one = run([articles])
halves = [[a for a in articles if bench._half(a.id)], [a for a in articles if not bench._half(a.id)]]
two = run(halves)
for aid in ("35_9ecbplus", "9_2ecbplus"):
    host2 = two.stories[two.where[aid]]
    day = next(m.day for m in host2.members if m.article_id == aid)
    print(aid, "two-batch story:", [(m.article_id, round(m.day - day, 1)) for m in host2.members])
    s1 = {one.where[m.article_id] for m in host2.members}
    for sid in s1:
        st = one.stories[sid]
        print("   one-batch story", sid[:8], "size", st.size, [(m.article_id, round(m.day - day, 1), lab[m.article_id]) for m in st.members])
