"""Join the labellers' answers to the sampled name matches and write place_sense_labels.tsv
(document id, character span, name, label, reason, origin) and the agreement of the second
labelling (agreement.json). Run from the labelling folder:
python assemble_labels.py OUT_DIR [OFFBEAT_SAMPLE.jsonl]
Articles of the off-beat sample (the before-stop hook's figure) are left out, so that the figure
stays on articles no label came from."""
import csv, json, pickle, sys
from collections import Counter
from pathlib import Path

out_dir = Path(sys.argv[1])
sample = {x["iid"]: x for x in pickle.load(open("sample_final.pkl", "rb"))}
if len(sys.argv) > 2:
    offbeat = {json.loads(line)["id"] for line in open(sys.argv[2], encoding="utf-8")}
    sample = {i: x for i, x in sample.items() if x["doc"] not in offbeat}


def read(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0].strip().isdigit():
            rows[int(parts[0])] = (parts[1].strip(), parts[2].strip() if len(parts) > 2 else "",
                                   parts[3].strip() if len(parts) > 3 else "")
    return rows


first = {}
for b in range(1, 8):
    first.update(read(f"labels_batch{b}.tsv"))
second = read("labels_second.tsv")
first = {i: v for i, v in first.items() if i in sample}
second = {i: v for i, v in second.items() if i in sample}
assert set(first) == set(sample), (len(first), len(sample))
assert all(v[0] in ("place", "not") for v in first.values())
with open(out_dir / "place_sense_labels.tsv", "w", encoding="utf-8", newline="") as fh:
    fh.write("# Hand labels of gazetteer-name matches in news (see README.md): is the name the place here?\n")
    w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    w.writerow(["doc", "start", "end", "name", "label", "reason", "origin", "unsure"])
    for iid in sorted(sample):
        x = sample[iid]
        lab, reason, note = first[iid]
        w.writerow([x["doc"], x["start"], x["end"], x["name"], lab, reason if lab == "not" else "",
                    x["origin"], "1" if "?" in note else ""])
with open(out_dir / "second_labels.tsv", "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    w.writerow(["doc", "start", "end", "label", "reason"])
    for iid in sorted(second):
        x = sample[iid]
        w.writerow([x["doc"], x["start"], x["end"], second[iid][0], second[iid][1] if second[iid][0] == "not" else ""])
pairs = [(first[i][0], second[i][0]) for i in second]
n = len(pairs)
po = sum(a == b for a, b in pairs) / n
ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
pe = sum(ca[k] * cb[k] for k in ("place", "not")) / n / n
kappa = (po - pe) / (1 - pe)
rpairs = [(first[i][1] if first[i][0] == "not" else "place", second[i][1] if second[i][0] == "not" else "place") for i in second]
rpo = sum(a == b for a, b in rpairs) / n
ra, rb = Counter(a for a, _ in rpairs), Counter(b for _, b in rpairs)
rpe = sum(ra[k] * rb[k] for k in set(ra) | set(rb)) / n / n
disagree = [{"doc": sample[i]["doc"], "start": sample[i]["start"], "name": sample[i]["name"], "first": first[i][0] + "/" + first[i][1],
             "second": second[i][0] + "/" + second[i][1]} for i in sorted(second) if first[i][0] != second[i][0]]
json.dump({"double_labelled": n, "agreement": round(po, 4), "kappa": round(kappa, 4),
           "reason_agreement": round(rpo, 4), "reason_kappa": round((rpo - rpe) / (1 - rpe), 4),
           "disagreements": disagree}, open(out_dir / "agreement.json", "w"), ensure_ascii=False, indent=1)
print(n, round(po, 3), round(kappa, 3), round(rpo, 3), len(disagree))
print(Counter(v[0] + "/" + v[1] for v in first.values()))
print(Counter((sample[i]["origin"], first[i][0]) for i in first))
