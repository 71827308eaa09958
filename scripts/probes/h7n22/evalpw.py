import sys, pickle
from broadsheet.bench.cluster_metrics import score
specs = sys.argv[1].split(",")
bars = [int(x) for x in sys.argv[2].split(",")]
pws = [float(x) for x in sys.argv[3].split(",")]
dated = len(sys.argv) > 4 and sys.argv[4] == "dated"
key = 1.0
for spec in specs:
    d = pickle.load(open(f"/tmp/h7n22/off-{spec}.pkl", "rb"))
    base, gold, ids = d["base"], d["gold"], d["ids"]
    s = score(gold, [base[a] for a in ids])
    obj0 = (s['bcubed_f1'] + s['pair_f1']) / 2
    print(f"{spec:24s} base               bc={s['bcubed_f1']:.3f} pair={s['pair_f1']:.3f} obj={obj0:.4f}")
    for bar in bars:
        line = []
        for pw in pws:
            lab = dict(base); moved = 0
            for row in d["res"][key]:
                aid, story, gain, pr, length, n = row[:6]
                und = row[6] if len(row) > 6 else True
                if (und or dated) and length >= bar and gain > pw * n:
                    lab[aid] = story; moved += 1
            s = score(gold, [lab[a] for a in ids])
            line.append(f"pw{pw:.2f}:{moved:4d} {s['bcubed_f1']:.3f}/{s['pair_f1']:.3f}")
        print(f"{spec:24s} bar={bar:4d} " + " | ".join(line))
