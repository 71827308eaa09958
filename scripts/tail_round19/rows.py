"""Candidate tail cuts of every WCXB dev article (and scrapinghub page) with features and gains."""
import gzip, json, re, sys, zlib, pickle
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, "/work/wt/h11x10/src")
sys.path.insert(0, "/tmp/h11x10")
import numpy as np
from oracle import load, prefix_f1s, wcxb_articles, toks
from broadsheet.extract.text import looks_like_subheading, is_prose
from broadsheet.extract import boilerplate
from broadsheet.text import word_count

ELEMENTS = {}
DATA = Path("/work/shared/data/extraction")

FAQ = re.compile(r"\b(faqs?|frequently asked|questions? (?:and|&) answers?|q ?& ?a)\b", re.I)
MORE = re.compile(r"\b(related|similar|more (?:from|on|about|like|stories|articles|posts|news)|"
                  r"you (?:may|might) (?:also )?(?:like|enjoy|be interested)|also like|recommended|"
                  r"read (?:more|next|also)|see also|further reading|popular|trending|latest|"
                  r"other (?:articles|posts|stories)|keep reading|what to read next|top stories|"
                  r"more articles|explore more|continue reading)\b", re.I)
END = re.compile(r"\b(conclusion|conclusions|summary|final thoughts|bottom line|wrapping up|"
                 r"in closing|the verdict|takeaways?)\b", re.I)
BACK = re.compile(r"\b(references|sources|bibliography|citations|footnotes|notes|about the author|"
                  r"about us|author|comments?|leave a (?:reply|comment)|reviews?|disclaimer|"
                  r"disclosure|share|follow us|subscribe|newsletter|tags|categories|filed under|"
                  r"contact|resources|useful links|sponsored)\b", re.I)
SPEC = re.compile(r"\b(specifications?|specs|features|pros|cons|price|pricing|details|"
                  r"key facts|at a glance|how we (?:test|tested|chose|picked))\b", re.I)


from broadsheet.extract.leftout import FURNITURE, _key

BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "pre", "dd", "dt", "div", "span")


def element_map(tree):
    found = {}
    if tree is None:
        return found
    for el in tree.iter(*BLOCK_TAGS):
        key = _key(str(el.text_content()))
        if key and key not in found:
            found[key] = el
    return found


def tree_facts(paras, elements):
    """per paragraph: [found, link share, furniture class between it and the previous block's
    common ancestor, same parent as previous, steps up to the common ancestor]"""
    out = []
    prev = None
    for p in paras:
        body = p[2:] if p.startswith("- ") else p
        el = elements.get(_key(body))
        if el is None:
            out.append([0, 0.0, 0, 0, 0]); continue
        words = len(str(el.text_content()).split()) or 1
        linked = sum(len(str(a.text_content()).split()) for a in el.iter("a"))
        furn, same, up = 0, 0, 0
        if prev is not None:
            prev_anc = set(prev.iterancestors())
            same = int(el.getparent() is prev.getparent())
            for anc in el.iterancestors():
                if anc in prev_anc:
                    break
                up += 1
                if FURNITURE.search(f"{anc.get('class', '')} {anc.get('id', '')}") or anc.tag in ("aside", "footer", "section", "nav"):
                    furn = 1
        out.append([1, min(linked / words, 1.0), furn, same, up])
        prev = el
    return out


def level_map(markup):
    import lxml.html
    from broadsheet.extract.html import parse_html
    tree = parse_html(markup)
    levels = {}
    if tree is None:
        return levels
    global ELEMENTS
    ELEMENTS = element_map(tree)
    for el in tree.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        text = " ".join(el.text_content().split())
        if text and text not in levels:
            levels[text] = int(el.tag[1])
    return levels


def kind(p):
    if p.startswith("- "):
        return "li"
    if p.startswith("|"):
        return "tr"
    return "p"


def line_facts(p, levels):
    w = word_count(p)
    k = kind(p)
    body = p[2:] if k == "li" else p
    return {
        "w": w, "li": k == "li", "tr": k == "tr", "prose": is_prose(p),
        "sub": looks_like_subheading(p) and k == "p",
        "q": body.rstrip().endswith("?"), "colon": body.rstrip().endswith(":"),
        "level": levels.get(body, 0), "boiler": boilerplate.is_boilerplate(p) or boilerplate.is_teaser(p),
        "short": w < 8,
    }


def stats(facts):
    n = len(facts) or 1
    words = sum(f["w"] for f in facts) or 1
    return [
        sum(f["w"] for f in facts if f["prose"]) / words,
        sum(f["li"] for f in facts) / n,
        sum(f["tr"] for f in facts) / n,
        sum(bool(f["level"]) or f["sub"] for f in facts) / n,
        sum(f["q"] and (bool(f["level"]) or f["sub"]) for f in facts) / n,
        sum(f["short"] for f in facts) / n,
        sum(f["boiler"] for f in facts) / n,
        np.log1p(words / n),
    ]


STAT_NAMES = ["prose_words", "li", "tr", "heads", "qheads", "short", "boiler", "log_wpl"]


def cards(facts):
    """Share of headings in the run that are followed by one paragraph and then a heading."""
    heads = [i for i, f in enumerate(facts) if f["level"] or f["sub"]]
    if len(heads) < 2:
        return 0.0
    gaps = [b - a for a, b in zip(heads, heads[1:])]
    return sum(g == 2 for g in gaps) / len(gaps)


def page_rows(paras, levels):
    facts = [line_facts(p, levels) for p in paras]
    tf = tree_facts(paras, ELEMENTS)
    n = len(paras)
    words = [f["w"] for f in facts]
    total = sum(words) or 1
    cum = np.cumsum([0] + words)
    rows = []
    head_levels = []
    last_prose = -1
    for k in range(n):
        f = facts[k]
        if k >= 1:
            head, tail = facts[:k], facts[k:]
            hs, ts = stats(head), stats(tail)
            min_prev = min(head_levels) if head_levels else 0
            nxt = facts[k + 1] if k + 1 < n else None
            text = paras[k][2:] if f["li"] else paras[k]
            row = [
                k / n, (total - cum[k]) / total, np.log1p(cum[k]), np.log1p(n - k),
                f["w"], f["li"], f["tr"], f["prose"], f["sub"], f["q"], f["colon"], f["level"],
                (f["level"] - min_prev) if (f["level"] and min_prev) else 0, len(head_levels),
                bool(FAQ.search(text)), bool(MORE.search(text)), bool(END.search(text)),
                bool(BACK.search(text)), bool(SPEC.search(text)),
                f["boiler"],
                nxt["prose"] if nxt else 0, nxt["w"] if nxt else 0,
                nxt["li"] if nxt else 0,
                k - 1 - last_prose, np.log1p(cum[k] - cum[last_prose + 1]) if last_prose >= 0 else np.log1p(cum[k]),
                cards(tail), cards(head),
                sum(bool(FAQ.search(p)) for p in paras[k:]) ,
                *hs, *ts, *(np.array(ts) - np.array(hs)),
                *tf[k], *(tf[k + 1] if k + 1 < n else [0, 0, 0, 0, 0]),
                float(np.mean([t[1] for t in tf[k:]])), float(np.mean([t[1] for t in tf[:k]])),
                float(np.mean([t[0] for t in tf[k:]])),
            ]
            rows.append((k, row))
        if f["level"] or f["sub"]:
            if f["level"]:
                head_levels.append(f["level"])
        if f["prose"]:
            last_prose = k
    return rows


NAMES = ["pos", "tail_share", "log_head_words", "log_tail_paras", "w", "li", "tr", "prose", "sub",
         "q", "colon", "level", "level_rel", "n_heads_before", "faq", "more", "end", "back", "spec",
         "boiler", "next_prose", "next_w", "next_li", "since_prose", "log_words_since_prose",
         "cards_tail", "cards_head", "faq_tail"] + \
        [f"head_{s}" for s in STAT_NAMES] + [f"tail_{s}" for s in STAT_NAMES] + [f"diff_{s}" for s in STAT_NAMES] + \
        ["t_found", "t_links", "t_furn", "t_same", "t_up", "n_found", "n_links", "n_furn", "n_same", "n_up",
         "tail_links", "head_links", "tail_found"]


def host(url, key):
    return urlsplit(url or "").netloc.lower().removeprefix("www.") or key


def main(snapshot, out):
    pages = load(snapshot)
    data = []
    for key, rec in wcxb_articles():
        if key not in pages:
            continue
        paras = pages[key]
        gold = rec["ground_truth"].get("main_content") or ""
        markup = gzip.decompress((DATA / "wcxb-dev" / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        levels = level_map(markup)
        fs = prefix_f1s(paras, gold)
        rows = page_rows(paras, levels)
        data.append({"key": key, "corpus": "wcxb", "site": host(rec.get("url"), key), "f1": fs,
                     "rows": rows, "n": len(paras)})
    gt = json.loads((DATA / "scrapinghub" / "ground-truth.json").read_text())
    for key, item in gt.items():
        if key not in pages:
            continue
        paras = pages[key]
        markup = gzip.decompress((DATA / "scrapinghub" / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        levels = level_map(markup)
        fs = prefix_f1s(paras, item["articleBody"])
        data.append({"key": key, "corpus": "sh", "site": host(item.get("url"), key), "f1": fs,
                     "rows": page_rows(paras, levels), "n": len(paras)})
    pickle.dump({"names": NAMES, "pages": data}, open(out, "wb"))
    print(len(data), "pages", sum(len(d["rows"]) for d in data), "rows")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
