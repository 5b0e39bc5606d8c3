"""Join the labellers' TSV files to the sampled instances and measure their agreement.

    python training/events/assemble_labels.py --sample sample.json --meta meta.json \
        --labels 'labels_*.tsv' [--adjudicated adjudicated.tsv] --out training/events [--prefix round2_]

Writes ``trigger_labels.tsv`` (one row per instance: the first labeller's label, or the
adjudicated one where two labellers disagreed), ``second_labels.tsv`` (the independent second
labels) and ``agreement.json`` (Cohen's kappa on event/not, on the reason classes, and on the
sub_event_type of instances both called events). No article text is written: an instance is a
document id and the character span of its trigger.
"""
from __future__ import annotations

import argparse
import glob
import json
import re
from collections import Counter
from pathlib import Path

TYPES = {"Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
         "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
         "Grenade", "Sexual violence", "Attack", "Abduction/forced disappearance", "Peaceful protest",
         "Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence",
         "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
         "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
         "Other"}
REASONS = {"other_sense", "generic", "future", "negated", "aggregate", "object", "judicial", "historical", "other"}


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return round((po - pe) / (1 - pe), 4) if pe < 1 else 1.0


def read(path: str) -> dict[int, tuple[str, str]]:
    out = {}
    for line in open(path, encoding="utf-8"):
        parts = [p.strip() for p in line.rstrip("\n").split("\t")]
        if len(parts) < 3 or not re.fullmatch(r"#?\d+", parts[0]):
            continue
        iid, label, value = int(parts[0].lstrip("#")), parts[1], parts[2]
        if label == "event" and value in TYPES or label == "not" and value in REASONS:
            out[iid] = (label, value)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", required=True)
    ap.add_argument("--meta", required=True)
    ap.add_argument("--labels", required=True, help="glob of labels_<labeller>.tsv")
    ap.add_argument("--adjudicated", help="TSV iid, label, value for the disagreements")
    ap.add_argument("--out", required=True)
    ap.add_argument("--prefix", default="", help="file-name prefix of a later round (round2_)")
    a = ap.parse_args()
    sample = {x["iid"]: x for x in json.load(open(a.sample, encoding="utf-8"))}
    second_of = {int(k): v for k, v in json.load(open(a.meta))["double"].items()}
    per = {int(re.search(r"(\d+)\.tsv$", p).group(1)): read(p) for p in glob.glob(a.labels)}
    first, second = {}, {}
    for h, labels in per.items():
        for iid, lab in labels.items():
            (second if second_of.get(iid) == h else first)[iid] = (lab, h)
    adj = read(a.adjudicated) if a.adjudicated else {}
    out = Path(a.out)
    cols = "doc\tstart\tend\tphrase\tsection\tlabel\tsub_event_type\treason\tlabeller\tadjudicated"
    missing = [i for i in sample if i not in first]
    with open(out / f"{a.prefix}trigger_labels.tsv", "w", encoding="utf-8") as fh:
        fh.write(cols + "\n")
        for iid in sorted(first):
            x = sample[iid]
            (label, value), h = first[iid]
            adjd = ""
            if iid in adj and iid in second and second[iid][0] != first[iid][0]:
                label, value = adj[iid]
                adjd = "1"
            fh.write(f"{x['doc']}\t{x['start']}\t{x['end']}\t{x['phrase']}\t{x['section']}\t{label}\t"
                     f"{value if label == 'event' else ''}\t{value if label == 'not' else ''}\tL{h}\t{adjd}\n")
    with open(out / f"{a.prefix}second_labels.tsv", "w", encoding="utf-8") as fh:
        fh.write(cols.replace("\tadjudicated", "") + "\n")
        for iid in sorted(second):
            x = sample[iid]
            (label, value), h = second[iid]
            fh.write(f"{x['doc']}\t{x['start']}\t{x['end']}\t{x['phrase']}\t{x['section']}\t{label}\t"
                     f"{value if label == 'event' else ''}\t{value if label == 'not' else ''}\tL{h}\n")
    both = [i for i in second if i in first]
    binary = [(first[i][0][0], second[i][0][0]) for i in both]
    fine = [(first[i][0][1] if first[i][0][0] == "not" else "event", second[i][0][1] if second[i][0][0] == "not" else "event")
            for i in both]
    types = [(first[i][0][1], second[i][0][1]) for i in both if first[i][0][0] == second[i][0][0] == "event"]
    per_reason = {}
    for r in sorted(REASONS | {"event"}):
        pr = [(a == r, b == r) for a, b in fine]
        n_either = sum(1 for a, b in pr if a or b)
        if n_either:
            per_reason[r] = {"either": n_either, "both": sum(1 for a, b in pr if a and b),
                             "kappa": kappa([(str(a), str(b)) for a, b in pr])}
    report = {"instances": len(first), "missing": len(missing), "double_labelled": len(both),
              "event_not": {"agreement": round(sum(a == b for a, b in binary) / max(len(binary), 1), 4),
                            "kappa": kappa(binary)},
              "reason_classes": {"agreement": round(sum(a == b for a, b in fine) / max(len(fine), 1), 4),
                                 "kappa": kappa(fine), "per_class": per_reason},
              "sub_event_type_on_agreed_events": {"n": len(types),
                                                  "agreement": round(sum(a == b for a, b in types) / max(len(types), 1), 4),
                                                  "kappa": kappa(types)},
              "disagreements_event_not": sum(a != b for a, b in binary),
              "adjudicated": sum(1 for i in both if i in adj and second[i][0][0] != first[i][0][0]),
              "labels": Counter(first[i][0][0] for i in first),
              "confusions": Counter(f"{a} / {b}" for a, b in fine if a != b).most_common(12)}
    (out / f"{a.prefix}agreement.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
