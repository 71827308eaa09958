import sys, pickle
from broadsheet.bench.cluster_metrics import score
specs = sys.argv[1].split(",")
bars = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "0,40,60,80,100,120,150,200").split(",")]
margins = [float(x) for x in (sys.argv[3] if len(sys.argv) > 3 else "0,5,10").split(",")]
for spec in specs:
    d = pickle.load(open(f"/tmp/h7n22/off-{spec}.pkl", "rb"))
    base, gold, ids = d["base"], d["gold"], d["ids"]
    s = score(gold, [base[a] for a in ids])
    print(f"{spec:22s} base           bc={s['bcubed_f1']:.3f} pair={s['pair_f1']:.3f} nmi={s['nmi']:.3f} P={s['bcubed_p']:.3f} R={s['bcubed_r']:.3f}")
    for prior in (1.0, 0.0):
        for bar in bars:
            for m in margins:
                lab = dict(base)
                moved = 0
                for aid, story, gain, pr, length, nterms in d["res"][prior]:
                    if length >= bar and gain > m:
                        lab[aid] = story; moved += 1
                s = score(gold, [lab[a] for a in ids])
                print(f"{spec:22s} prior={prior:.0f} bar={bar:4d} m={m:4.1f} moved={moved:4d} bc={s['bcubed_f1']:.3f} pair={s['pair_f1']:.3f} nmi={s['nmi']:.3f} P={s['bcubed_p']:.3f} R={s['bcubed_r']:.3f}")
