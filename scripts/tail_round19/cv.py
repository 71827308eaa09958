import pickle, sys, zlib
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline

D = pickle.load(open(sys.argv[1], "rb"))
NAMES = D["names"]
PAGES = [p for p in D["pages"] if p["rows"]]
MIN_HEAD = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
LEARNER = sys.argv[3] if len(sys.argv) > 3 else "hgb"
import os
INNER = os.environ.get("INNER") == "1"
MAXTAIL = float(os.environ.get("MAXTAIL", "1"))
WEIGHTED = os.environ.get("WEIGHTED") == "1"


def fold(site, salt="", k=2):
    return zlib.crc32((salt + site).encode()) % k


def labelled(pages):
    X, y, W = [], [], []
    for p in pages:
        fs = p["f1"]
        full = fs[-1]
        best = max(fs[k] for k, _ in p["rows"])
        for k, row in p["rows"]:
            if 1 - row[1] < MIN_HEAD or row[1] > MAXTAIL:
                continue
            gain = fs[k] - full
            X.append(row)
            if WEIGHTED:
                y.append(int(gain > 0)); W.append(abs(gain) + 1e-4)
            else:
                y.append(int(gain >= 0.01 and gain >= 0.5 * (best - full))); W.append(1.0)
    return np.array(X, float), np.array(y), np.array(W)


def fit(pages):
    X, y, W = labelled(pages)
    if LEARNER == "lr":
        m = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=2000))
    else:
        m = HistGradientBoostingClassifier(max_iter=int(os.environ.get("IT", "100")), learning_rate=0.1, max_leaf_nodes=int(os.environ.get("LEAVES", "15")),
                                           min_samples_leaf=int(os.environ.get("LEAF", "40")), l2_regularization=1.0, random_state=0)
    if LEARNER == 'lr':
        m.fit(X, y, logisticregression__sample_weight=W)
    else:
        m.fit(X, y, sample_weight=W)
    return m


def decisions(model, pages):
    out = []
    for p in pages:
        rows = [(k, r) for k, r in p["rows"] if 1 - r[1] >= MIN_HEAD and r[1] <= MAXTAIL]
        if not rows:
            out.append((None, 0.0)); continue
        pr = model.predict_proba(np.array([r for _, r in rows], float))[:, 1]
        i = int(np.argmax(pr))
        out.append((rows[i][0], float(pr[i])))
    return out


def gains(pages, dec, t):
    g, up, down = 0.0, 0, 0
    for p, (k, pr) in zip(pages, dec):
        if k is None or pr < t:
            continue
        d = p["f1"][k] - p["f1"][-1]
        g += d
        up += d > 0.005
        down += d < -0.005
    return g, up, down


GRID = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


def pick(pages):
    """threshold chosen inside the training pages by an inner 2-fold by site."""
    total = {t: 0.0 for t in GRID}
    for f in range(2):
        tr = [p for p in pages if fold(p["site"], "inner") != f]
        te = [p for p in pages if fold(p["site"], "inner") == f]
        dec = decisions(fit(tr), te)
        for t in GRID:
            total[t] += gains(te, dec, t)[0]
    best = max(GRID, key=lambda t: total[t])
    return best if total[best] > 0 else 2.0, total


wc = [p for p in PAGES if p["corpus"] == "wcxb"]
sh = [p for p in PAGES if p["corpus"] == "sh"]
n_all = len([p for p in D["pages"] if p["corpus"] == "wcxb"])
print("wcxb pages", n_all, "sh", len(sh))
for salt in ("", "b"):
    for f in range(2):
        tr = [p for p in wc if fold(p["site"], salt) != f]
        te = [p for p in wc if fold(p["site"], salt) == f]
        m = fit(tr)
        dec = decisions(m, te)
        t, inner = pick(tr) if INNER else (0.5, {})
        line = " ".join(f"{tt}:{gains(te, dec, tt)[0]:+.2f}/{gains(te, dec, tt)[1]}/{gains(te, dec, tt)[2]}" for tt in GRID)
        print(f"salt={salt!r} fold {f}: {len(te)} test pages; grid {line}; inner pick {t} -> {gains(te, dec, t)}")
m = fit(wc)
t, inner = pick(wc) if INNER else (0.5, {})
print("all: pick", t, {k: round(v, 2) for k, v in inner.items()})
for tt in GRID:
    print(" in-sample", tt, gains(wc, decisions(m, wc), tt), "sh (bag f1)", gains(sh, decisions(m, sh), tt))
