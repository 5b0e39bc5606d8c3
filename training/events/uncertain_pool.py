"""Rounds 2 and 3, step 1: score every trigger candidate of the training articles with the last model.

Candidates come from ``all_candidates.jsonl`` (written by ``candidates.py``); held-out articles
(``train_triggers.held_out``) and sentences that earlier rounds sampled (the sample files given as
arguments, ``sample.json`` by default) are left out, so the held-out
figures stay measured on the same random instances. Writes ``pool.jsonl`` with P(event) ``p``.
Run from a scratch folder with the ``rasid`` package installed at the last round's model."""
import gzip, json, collections, os, sys
from rasid.events.train_triggers import _pipeline, held_out, _short_id
from rasid.events.trigger_model import trigger_model

SHARED = os.environ.get("RASID_SHARED", "../shared")
m, pipe = trigger_model(), _pipeline()
# sentences an earlier round sampled (round 1's sample.json; round 3 adds sample2.json)
round1 = {(x["doc"], x["sent"]) for path in sys.argv[1:] or ["sample.json"] for x in json.load(open(path))}
cands = collections.defaultdict(list)
for line in open("all_candidates.jsonl"):
    x = json.loads(line)
    if not held_out(_short_id(x["doc"])) and (x["doc"], x["sent"]) not in round1:
        cands[x["doc"]].append(x)
with open("pool.jsonl", "w") as out:
    for line in gzip.open(SHARED + "/data/news/ant_all_sections.jsonl.gz", "rt"):
        d = json.loads(line)
        want = cands.get(d["id"])
        if not want:
            continue
        feats = pipe(d["text"], published=d.get("published"), source=d.get("source"), id=d["id"])._trigger_features
        for x in want:
            f = feats.get((x["start"], x["end"]))
            if f is not None:
                x["p"] = round(m.prob(f), 4)
                out.write(json.dumps(x, ensure_ascii=False) + "\n")
print("scored", sum(map(len, cands.values())), file=sys.stderr)
