"""Oracle of tail cuts on the snapshot: per WCXB dev article, the gain of the best cut."""
import json, re, sys, zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, "/work/wt/h11x10/src")
from broadsheet.extract.text import looks_like_subheading, is_prose

ROOT = Path("/work/shared/data/extraction/wcxb-dev/ground-truth")
TOK = re.compile(r"\w+")


def toks(s):
    return [t.lower() for t in TOK.findall(s)]


def f1(overlap, np_, ng):
    if not np_ and not ng:
        return 1.0
    if not overlap:
        return 0.0
    p, r = overlap / np_, overlap / ng
    return 2 * p * r / (p + r)


def prefix_f1s(paragraphs, gold):
    g = Counter(toks(gold))
    ng = sum(g.values())
    have = Counter()
    overlap = 0
    npred = 0
    out = [f1(0, 0, ng)]  # keep 0 paragraphs
    for p in paragraphs:
        for t in toks(p):
            npred += 1
            if have[t] < g[t]:
                overlap += 1
            have[t] += 1
        out.append(f1(overlap, npred, ng))
    return out  # out[k] = F1 of paragraphs[:k]


def load(path):
    pages = {}
    for line in open(path):
        d = json.loads(line)
        r = d["result"]
        if "paragraphs" in r:
            pages[d["id"]] = r["paragraphs"]
        else:
            pages[d["id"]] = []
    return pages


def wcxb_articles():
    for p in sorted(ROOT.glob("*.json")):
        rec = json.loads(p.read_text())
        if rec.get("_internal", {}).get("page_type", {}).get("primary") == "article":
            yield p.stem, rec


if __name__ == "__main__":
    pages = load(sys.argv[1])
    total = 0.0; best_total = 0.0; head_total = 0.0; n = 0
    kinds = Counter(); gains = Counter()
    for key, rec in wcxb_articles():
        paras = pages.get(key, [])
        gold = rec["ground_truth"].get("main_content") or ""
        if key not in pages: continue
        fs = prefix_f1s(paras, gold)
        full = fs[-1]
        n += 1
        total += full
        k = max(range(1, len(fs)), key=lambda i: (fs[i], i), default=len(fs) - 1)
        best = max(full, fs[k]) if len(fs) > 1 else full
        best_total += best
        # heading-like candidates only
        hk = [i for i in range(1, len(paras)) if looks_like_subheading(paras[i]) or not is_prose(paras[i])]
        hb = max([fs[i] for i in hk] + [full])
        head_total += hb
        if best - full > 0.005:
            kinds["cut helps"] += 1
            gains["any"] += best - full
            gains["heading/nonprose"] += hb - full
    print(n, "pages, mean", total / n, "oracle any cut", best_total / n, "oracle at heading/nonprose", head_total / n)
    print(kinds, gains)
