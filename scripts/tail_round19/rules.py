import pickle, zlib
import numpy as np
D = pickle.load(open('rows.pkl','rb'))
N = D['names']; ix = {n:i for i,n in enumerate(N)}
def fold(site, salt=""): return zlib.crc32((salt+site).encode()) % 2
def cands(row, cls, need_head):
    head = row[ix['sub']] or row[ix['level']]
    return row[ix[cls]] and (head or not need_head) and row[ix['w']] <= 8
for corpus in ('wcxb','sh'):
    pages = [p for p in D['pages'] if p['corpus']==corpus and p['rows']]
    for cls in ('faq','more','back','spec','end'):
        for need_head in (True, False):
            for maxtail in (0.2, 0.35, 0.5):
                res = {}
                for salt in ("", "b"):
                    for f in (0,1):
                        g=up=dn=0
                        for p in pages:
                            if fold(p['site'], salt)!=f: continue
                            ks = [k for k,r in p['rows'] if cands(r, cls, need_head) and r[ix['tail_share']] <= maxtail]
                            if not ks: continue
                            k = ks[0]; d = p['f1'][k]-p['f1'][-1]
                            g+=d; up+=d>0.005; dn+=d<-0.005
                        res[(salt,f)] = f"{g:+.2f}/{up}/{dn}"
                print(corpus, cls, 'head' if need_head else 'any', maxtail, res)
