"""Enumerate trigger candidates over the all-sections corpus (one record per longest trigger match)."""
import gzip, json, sys
from rasid.pipeline import default_pipeline
from rasid.recognize.lexicon import longest_non_overlapping
import os
SHARED = os.environ.get("RASID_SHARED", "../shared")  # the shared data folder; run from a scratch folder

pipe = default_pipeline()
dev = {json.loads(l)["text"][:200] for l in open(SHARED + "/gold/dev.jsonl")}
off = {json.loads(l)["id"] for l in open(SHARED + "/data/news/offbeat_sample.jsonl")}
out = open("all_candidates.jsonl", "w")
n = 0
for line in gzip.open(SHARED + "/data/news/ant_all_sections.jsonl.gz", "rt"):
    d = json.loads(line)
    if d["text"][:200] in dev or d["id"] in off:
        continue
    doc = pipe(d["text"], published=d["published"], source=d["source"], id=d["id"])
    toks = doc._tokens
    live = {(m.start, m.end) for men in doc._mentions for m in men.triggers}
    by = {}
    for m in doc._matches:
        if m.label == "TRIGGER":
            by.setdefault(toks[m.tok_start].sent, []).append(m)
    for si, ms in by.items():
        s = doc._sentences[si]
        for m in longest_non_overlapping(ms):
            p = m.payload
            out.write(json.dumps({"doc": d["id"], "section": d["section"], "start": m.start, "end": m.end,
                                  "text": d["text"][m.start:m.end], "phrase": p.phrase, "kind": p.kind,
                                  "sent": si, "s_start": s.start, "s_end": s.end,
                                  "rasid": (m.start, m.end) in live}, ensure_ascii=False) + "\n")
    n += 1
print(n, file=sys.stderr)
