"""Seeded sample of trigger instances for labelling (issue 21)."""
import gzip, json, random, collections
import os
SHARED = os.environ.get("RASID_SHARED", "../shared")  # the shared data folder; run from a scratch folder
random.seed(2121)
OFF = {"sport", "economy", "technology", "culture"}
train = {json.loads(l)["text"][:200] for l in open(SHARED + "/gold/train.jsonl")}
docs = {}
for line in gzip.open(SHARED + "/data/news/ant_all_sections.jsonl.gz", "rt"):
    d = json.loads(line); docs[d["id"]] = d
c = [json.loads(l) for l in open("all_candidates.jsonl")]
c = [x for x in c if docs[x["doc"]]["text"][:200] not in train]
random.shuffle(c)
N_OFF, N_CON, CAP = 3000, 5400, 250
per_phrase = collections.Counter(); per_doc = collections.Counter(); seen_sent = set(); out = []
for want, pool, doccap in ((N_OFF, [x for x in c if x["section"] in OFF], 5), (N_CON, [x for x in c if x["section"] not in OFF], 3)):
    got = 0
    for x in pool:
        if got >= want: break
        if per_phrase[x["phrase"]] >= CAP or per_doc[x["doc"]] >= doccap or (x["doc"], x["sent"]) in seen_sent:
            continue
        per_phrase[x["phrase"]] += 1; per_doc[x["doc"]] += 1; seen_sent.add((x["doc"], x["sent"]))
        out.append(x); got += 1
    print(want, got)
random.shuffle(out)
for i, x in enumerate(out):
    x["iid"] = i
json.dump(out, open("sample.json", "w"), ensure_ascii=False)
print(len(out), collections.Counter(x["section"] for x in out), per_phrase.most_common(5), len(per_phrase))
