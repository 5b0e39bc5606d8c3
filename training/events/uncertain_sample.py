"""Rounds 2 and 3, step 2: an uncertainty sample of the scored pool (``uncertain_pool.py``).

Round 2 (seed 2122, ids from 100000, ``sample2.json``): 2,000 instances with P(event) in
[0.15, 0.75), where the round-1 model is least sure; 400 in [0.75, 1], where its confident
mistakes are (crime, accidents, background); 200 in [0.05, 0.15), for events it misses.
Round 3 (``--round 3``: seed 2123, ids from 200000, ``sample3.json``), on the round-2 model's
scores: 2,000 / 600 / 400 in the same bands. One per sentence, three per article, no lexicon
phrase above 100. ``make_batches.py`` renders the batches (8 labellers, 10% double-labelled)."""
import argparse, json, random, collections

ROUNDS = {2: (2122, 100000, ((0.15, 0.75, 2000), (0.75, 1.01, 400), (0.05, 0.15, 200))),
          3: (2123, 200000, ((0.15, 0.75, 2000), (0.75, 1.01, 600), (0.05, 0.15, 400)))}
ap = argparse.ArgumentParser()
ap.add_argument("--round", type=int, default=2, choices=sorted(ROUNDS))
a = ap.parse_args()
seed, first_id, bands = ROUNDS[a.round]
random.seed(seed)
pool = [json.loads(line) for line in open("pool.jsonl")]
random.shuffle(pool)
per_phrase, per_doc, seen, out = collections.Counter(), collections.Counter(), set(), []
for lo, hi, want in bands:
    got = 0
    for x in pool:
        if got >= want:
            break
        if not lo <= x["p"] < hi or per_phrase[x["phrase"]] >= 100 or per_doc[x["doc"]] >= 3 \
                or (x["doc"], x["sent"]) in seen:
            continue
        per_phrase[x["phrase"]] += 1; per_doc[x["doc"]] += 1; seen.add((x["doc"], x["sent"]))
        out.append(x); got += 1
random.shuffle(out)
for i, x in enumerate(out):
    x["iid"] = first_id + i
json.dump(out, open(f"sample{a.round}.json", "w"), ensure_ascii=False)
print(len(out), collections.Counter(x["section"] for x in out))
