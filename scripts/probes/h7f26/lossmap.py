"""Loss map: BCubed and pairwise loss of one run split into splits (a true story cut in pieces,
the recall side) and merges (stories mixed, the precision side), by a cause read off each pair.

usage: lossmap.py SET[:MODEL.pkl][,SET...]   (SET: ecbplus, ecbplus-dated, realday, basil ...)

Every loss is a sum over pairs: BCubed recall loss of item i is the share of its true story not in
its predicted one (each missing partner j weighs 1/|L(i)|), precision loss the share of its story
that is not its true one (each wrong partner weighs 1/|C(i)|); pairwise F1 counts the same pairs.
A pair's cause (first that applies):
  split: far       both dated, more than the window (14 days) apart
         undated-short  a member of the pair is undated with under 100 body words
         undated-long   a member is undated (100 words or more)
         dated-near     both dated within the window
  merge: twin      the two true stories share an ECB+ topic (a similar event of the same kind)
         other     otherwise (another topic; on the real day every merge)
  and for merges the dates: both dated near / far, or one undated.
Item kinds (the second table): whether the item is alone in its predicted story, in a piece of its
own event that is not the event's largest, or in another event's story; short (< 100 words), dated,
roundup.
"""
import os
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.bench import realday
from broadsheet.bench.cluster_metrics import score
from broadsheet.bench.cluster_sets import ecbplus_topic
from broadsheet.stories.features import day_of
from broadsheet.stories.roundup import is_roundup

WINDOW = 14.0
LONG = 100


def load(name):
    if name == "realday":
        arts = realday.day_articles(Path("/work/shared/data/extraction/scrapinghub/html"))
        keys = sorted(arts)
        return [arts[k] for k in keys], realday.gold_labels(realday.LABELS, keys)
    report = BenchReport(stage="clustering", notes=[])
    return bench.load_sets(Path("/work/shared/data"), None, report)[name]


def split_cause(a, b):
    if a["day"] is not None and b["day"] is not None:
        return "far" if abs(a["day"] - b["day"]) > WINDOW else "dated-near"
    undated = [x for x in (a, b) if x["day"] is None]
    return "undated-short" if any(x["words"] < LONG for x in undated) else "undated-long"


def merge_cause(a, b, ecb):
    kind = "twin" if ecb and ecbplus_topic(a["gold"]) == ecbplus_topic(b["gold"]) else "other"
    if a["day"] is None or b["day"] is None:
        dates = "one-undated" if (a["day"] is None) != (b["day"] is None) else "both-undated"
    else:
        dates = "far" if abs(a["day"] - b["day"]) > WINDOW else "near"
    return f"{kind}/{dates}"


def item_kind(it, pred_size, piece_rank, majority_own):
    where = "alone" if pred_size == 1 else ("own-largest" if piece_rank == 0 else
                                              ("own-piece" if majority_own else "in-other"))
    return (f"{where} {'dated' if it['day'] is not None else 'undated'} "
            f"{'short' if it['words'] < LONG else 'long'}{' roundup' if it['roundup'] else ''}")


def run(name, held):
    articles, gold = load(name)
    t = time.process_time()
    model = pickle.load(open(held, "rb")) if held else bench.DEFAULT_MODEL
    pred = [str(p) for p in bench.ours(articles, model)]
    cpu = time.process_time() - t
    s = score(gold, pred)
    tag = f"{name} {'held-out' if held else 'ours'}"
    print(f"== {tag}: bcubed P/R/F1 {s['bcubed_p']:.4f} / {s['bcubed_r']:.4f} / {s['bcubed_f1']:.4f}"
          f"  pair P/R/F1 {s['pair_p']:.4f} / {s['pair_r']:.4f} / {s['pair_f1']:.4f}  stories "
          f"{s['clusters']}  cpu {cpu:.0f}s load {os.getloadavg()[0]:.1f}", flush=True)
    ecb = name.startswith("ecbplus")
    items = [{"id": a.id, "gold": g, "pred": p, "day": day_of(a.published),
              "words": len(a.text.split()), "roundup": is_roundup(a), "title": a.title}
             for a, g, p in zip(articles, gold, pred)]
    by_gold, by_pred = defaultdict(list), defaultdict(list)
    for n, it in enumerate(items):
        by_gold[it["gold"]].append(n)
        by_pred[it["pred"]].append(n)
    n_items = len(items)
    r_loss, p_loss = Counter(), Counter()
    missed, wrong = Counter(), Counter()
    for i, it in enumerate(items):
        for j in by_gold[it["gold"]]:
            if j != i and items[j]["pred"] != it["pred"]:
                cause = split_cause(it, items[j])
                r_loss[cause] += 1 / len(by_gold[it["gold"]]) / n_items
                if j > i:
                    missed[cause] += 1
        for j in by_pred[it["pred"]]:
            if j != i and items[j]["gold"] != it["gold"]:
                cause = merge_cause(it, items[j], ecb)
                p_loss[cause] += 1 / len(by_pred[it["pred"]]) / n_items
                if j > i:
                    wrong[cause] += 1
    true_pairs = sum(len(v) * (len(v) - 1) // 2 for v in by_gold.values())
    pred_pairs = sum(len(v) * (len(v) - 1) // 2 for v in by_pred.values())
    print(f"  splits (recall side): bcubed R loss {sum(r_loss.values()):.4f}, missed pairs "
          f"{sum(missed.values())} of {true_pairs} true pairs")
    for cause, loss in r_loss.most_common():
        print(f"    {cause:16s} R loss {loss:.4f}  missed pairs {missed[cause]}")
    print(f"  merges (precision side): bcubed P loss {sum(p_loss.values()):.4f}, wrong pairs "
          f"{sum(wrong.values())} of {pred_pairs} predicted pairs")
    for cause, loss in p_loss.most_common():
        print(f"    {cause:22s} P loss {loss:.4f}  wrong pairs {wrong[cause]}")
    kinds_r, kinds_n = Counter(), Counter()
    for label, members in by_gold.items():
        pieces = Counter(items[n]["pred"] for n in members)
        order = [p for p, _ in pieces.most_common()]
        for n in members:
            it = items[n]
            host = Counter(items[m]["gold"] for m in by_pred[it["pred"]]).most_common(1)[0][0]
            kind = item_kind(it, len(by_pred[it["pred"]]), order.index(it["pred"]), host == label)
            kinds_n[kind] += 1
            kinds_r[kind] += (1 - pieces[it["pred"]] / len(members)) / n_items
    print("  items by kind: count, bcubed R loss")
    for kind, loss in sorted(kinds_r.items(), key=lambda kv: -kv[1]):
        print(f"    {kind:32s} {kinds_n[kind]:5d}  {loss:.4f}")
    if os.environ.get("DETAIL"):
        for key, members in by_pred.items():
            labels = Counter(items[n]["gold"] for n in members)
            if len(labels) > 1:
                print("  mixed story", key, dict(labels))
                for n in members:
                    it = items[n]
                    print(f"      {it['gold']:12s} day={it['day']} w={it['words']:5d} {it['title'][:80]}")
    print("#", time.strftime("%H:%M:%S"), os.getloadavg()[:3], flush=True)


if __name__ == "__main__":
    for spec in sys.argv[1].split(","):
        name, _, held = spec.partition(":")
        run(name, held)
