import gzip, json, random, sys
from rasid.text import split_sentences
import os
SHARED = os.environ.get("RASID_SHARED", "../shared")  # the shared data folder; run from a scratch folder
import argparse
ap = argparse.ArgumentParser(description="render labelling batches; round 1: defaults, round 2: "
                             "--sample sample2.json --labellers 8 --double 260 --seed 78")
ap.add_argument("--sample", default="sample.json")
ap.add_argument("--labellers", type=int, default=14)
ap.add_argument("--double", type=int, default=840)
ap.add_argument("--seed", type=int, default=77)
args = ap.parse_args()
random.seed(args.seed)
docs = {}
for line in gzip.open(SHARED + "/data/news/ant_all_sections.jsonl.gz", "rt"):
    d = json.loads(line); docs[d["id"]] = d
S = json.load(open(args.sample))
W = 25
def trim_words(s, keep_end=False):
    w = s.split()
    if len(w) <= W: return s
    return ("… " + " ".join(w[-W:])) if keep_end else (" ".join(w[:W]) + " …")
sents_cache = {}
def render(x):
    d = docs[x["doc"]]; t = d["text"]
    ss = sents_cache.get(x["doc"]) or sents_cache.setdefault(x["doc"], split_sentences(t))
    k = next(i for i, s in enumerate(ss) if s.start <= x["start"] < s.end)
    s = ss[k]
    before, trig, after = t[s.start:x["start"]], t[x["start"]:x["end"]], t[x["end"]:s.end]
    bw, aw = before.split(), after.split()
    b = ("… " if len(bw) > W else "") + " ".join(bw[-W:]); a = " ".join(aw[:W]) + (" …" if len(aw) > W else "")
    prev = (lambda w: ('… ' if len(w) > 20 else '') + ' '.join(w[-20:]))(t[ss[k-1].start:ss[k-1].end].split()) if k > 0 else ""
    return f"#{x['iid']} | title: {' '.join((d.get('title') or '').split()[:14])}\nPREV: {prev}\nSENT: {b} ⟦{trig}⟧ {a}\n"
H = args.labellers
n = len(S); size = -(-n // H)
chunks = [S[i*size:(i+1)*size] for i in range(H)]
double = random.sample(range(n), args.double)
extra = [[] for _ in range(H)]
for j, iid in enumerate(double):
    h = iid // size
    extra[(h + 1 + j % (H - 1)) % H].append(S[iid])
meta = {"double": {}}
for h in range(H):
    items = chunks[h] + extra[h]
    random.shuffle(items)
    for x in extra[h]: meta["double"][x["iid"]] = h
    with open(f"batch_{h}.txt", "w") as f:
        for x in items: f.write(render(x) + "\n")
    print(h, len(items))
json.dump(meta, open("meta.json", "w"))
