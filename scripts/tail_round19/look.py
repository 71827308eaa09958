import pickle, sys, json
sys.path.insert(0,'/tmp/h11x10')
from oracle import load
D = pickle.load(open('rows.pkl','rb'))
pages = load('before.jsonl')
NAMES = D['names']
for p in D['pages']:
    if p['corpus']!='wcxb' or not p['rows']: continue
    fs = p['f1']; full = fs[-1]
    k, row = max(p['rows'], key=lambda kr: (fs[kr[0]], kr[0]))
    if fs[k]-full > 0.02:
        paras = pages[p['key']]
        print(f"{p['key'][:4]} {p['site'][:25]:25} gain {fs[k]-full:.3f} k={k}/{len(paras)} tail_share={row[1]:.2f} lvl={row[11]} | {paras[k-1][-60:]!r} || {paras[k][:70]!r} | {paras[k+1][:40] if k+1<len(paras) else ''!r}")
