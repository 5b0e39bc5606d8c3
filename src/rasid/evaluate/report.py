"""Loading gold/prediction files and printing the scores (used by `rasid eval`)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .scorer import COUNT_FIELDS, FIELDS, Scores, score


class EvalInputError(ValueError):
    pass


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        raise EvalInputError(f"{path}: no such file")
    if path.is_dir():
        raise EvalInputError(f"{path}: is a directory")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise EvalInputError(f"{path}: not UTF-8 text") from None
    docs = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalInputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or "id" not in obj:
            raise EvalInputError(f"{path}:{n}: a JSON object with an \"id\" is expected")
        docs.append(obj)
    if not docs:
        raise EvalInputError(f"{path}: no documents")
    return docs


def load_gold(path: Path) -> list[dict]:
    docs = _read_jsonl(Path(path))
    for d in docs:
        if "text" not in d or "events" not in d:
            raise EvalInputError(f"{path}: document {d['id']!r} lacks \"text\" or \"events\"")
    return docs


def load_predictions(path: Path) -> dict[str, dict]:
    return {d["id"]: d for d in _read_jsonl(Path(path))}


def predict(gold_docs: list[dict]) -> dict[str, dict]:
    from ..pipeline import default_pipeline

    pipe = default_pipeline()
    out = {}
    for g in gold_docs:
        doc = pipe(g["text"], published=g.get("published"), source=g.get("source"), id=g["id"],
                   title=g.get("title"), url=g.get("url"))
        out[g["id"]] = doc.output()
    return out


def _event_line(ev: dict) -> str:
    def v(x):
        return "|".join(map(str, x)) if isinstance(x, list) else str(x)
    return (f"{v(ev.get('event_date'))} {v(ev.get('event_type'))}/{v(ev.get('sub_event_type'))} "
            f"a1={v(ev.get('actor1'))} a2={v(ev.get('actor2'))} {v(ev.get('country'))}/"
            f"{v(ev.get('admin1'))}/{v(ev.get('location'))} fat={v(ev.get('fatalities'))}"
            f" inj={v(ev.get('injuries'))} arr={v(ev.get('arrests'))}")


def print_report(gold_docs: list[dict], pred_docs: dict[str, dict], errors: bool = False,
                 json_path: str | None = None, console: Console | None = None) -> Scores:
    console = console or Console(highlight=False)
    s = score(gold_docs, pred_docs)
    console.print(f"Rasid eval: {len(gold_docs)} documents, {s.n_gold} gold events, "
                  f"{s.n_pred} predicted, {s.n_paired} paired", markup=False)
    t = Table()
    t.add_column("measure")
    t.add_column("value", justify="right")
    t.add_row("detection precision", f"{s.precision:.3f}")
    t.add_row("detection recall", f"{s.recall:.3f}")
    t.add_row("detection F1", f"{s.f1:.3f}")
    t.add_row("strict F1", f"{s.strict_f1:.3f}")
    for f in FIELDS + COUNT_FIELDS:
        t.add_row(f"accuracy {f}", f"{s.field_accuracy[f]:.3f}")
    console.print(t)
    if errors:
        for r in s.documents:
            lines = []
            for g in r.missed:
                lines.append(f"  MISSED   {_event_line(g)}")
            for p in r.spurious:
                ev = p.get("evidence") or [{}]
                lines.append(f"  SPURIOUS {_event_line(p)}  «{(ev[0].get('text') or '')[:90]}»")
            for pr in r.pairs:
                bad = [f for f in FIELDS + COUNT_FIELDS if not pr.agree[f]]
                if bad:
                    diffs = "; ".join(f"{f}: {pr.pred.get(f)!r} vs gold {pr.gold.get(f)!r}" for f in bad)
                    lines.append(f"  WRONG    {diffs}")
            if lines:
                console.print(f"[bold]{r.id}[/]")
                for ln in lines:
                    console.print(ln, markup=False)
    if json_path:
        Path(json_path).write_text(json.dumps(s.as_dict(), indent=2), encoding="utf-8")
    return s
