"""`rasid train-events`: rebuild the trigger classifier (thin wrapper over events.train_triggers)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import fail, save_model

LABELS_DEFAULT = [Path("training/events/trigger_labels.tsv"), Path("training/events/round2_trigger_labels.tsv"),
                  Path("training/events/round3_trigger_labels.tsv")]
REVISIONS_DEFAULT = Path("training/events/revised_trigger_labels.tsv")  # read when present


def register(app: typer.Typer) -> None:
    @app.command("train-events", help=(
        "Rebuild the trigger classifier (P(event) and sub_event_type of a trigger word in its "
        "context) from labelled trigger instances and the corpus they refer to, and print its "
        "held-out scores. Needs the train extra: pip install -e '.[train]'.\n\n"
        "Examples:\n\n"
        "  rasid train-events --corpus ../shared/data/news/ant_all_sections.jsonl.gz "
        "--gold ../shared/gold/train.jsonl\n\n"
        "  rasid train-events --corpus CORPUS.jsonl.gz -o /tmp/model.npz --report /tmp/report.json"))
    def train_events(
        corpus: Path = typer.Option(Path("../shared/data/news/ant_all_sections.jsonl.gz"), "--corpus",
                                    help="the articles the labels refer to (.jsonl or .jsonl.gz with id and text)"),
        labels: list[Path] = typer.Option(LABELS_DEFAULT, "--labels", help="labelled trigger instances (TSV: "
                                          "doc, start, end, label, sub_event_type, reason); repeat for "
                                          "several files"),
        revisions: Optional[list[Path]] = typer.Option(None, "--revisions", help="re-judged instances "
                                                       "(the same TSV columns): each replaces the label of "
                                                       "the same document and span in the --labels files; "
                                                       f"repeatable (default: {REVISIONS_DEFAULT} where it "
                                                       "exists)"),
        gold: Optional[Path] = typer.Option(None, "--gold", help="coded training gold (train.jsonl) whose "
                                            "events and non_events add instances"),
        output: Optional[Path] = typer.Option(None, "-o", "--output", help="weights file to write "
                                              "(default: the package's data/events/trigger_model.npz)"),
        report: Optional[Path] = typer.Option(None, "--report", help="also write the scores as JSON here"),
        precision_floor: float = typer.Option(0.0, min=0.0, max=1.0, help="choose the threshold with the best "
                                              "F1 among those whose out-of-fold precision reaches this"),
    ) -> None:
        from rich.progress import Progress

        from ..events.train_triggers import featurize, read_jsonl, read_labels, revise, train
        from ..events.trigger_model import MODEL_PATH

        if revisions is None:
            revisions = [REVISIONS_DEFAULT] if REVISIONS_DEFAULT.is_file() else []
        for path, what in ((corpus, "corpus"), *((lab, "labels") for lab in labels),
                           *((rev, "revisions") for rev in revisions)):
            if not path.is_file():
                fail(f"{path}: no such {what} file")
        if gold is not None:
            if not gold.is_file():
                fail(f"{gold}: no such gold file")
            if gold.name.startswith("dev"):
                fail(f"{gold}: the development gold is for reporting, never for training (use train.jsonl)")
        try:
            import sklearn  # noqa: F401
        except ImportError:
            fail("rasid train-events needs scikit-learn: pip install -e '.[train]'")
        instances = []
        for lab in labels:
            try:
                instances.extend(read_labels(lab))
            except (KeyError, ValueError) as exc:
                fail(f"{lab}: not a trigger-label TSV ({exc})")
        for rev in revisions:
            try:
                instances, changed = revise(instances, read_labels(rev))
            except (KeyError, ValueError) as exc:
                fail(f"{rev}: not a trigger-label TSV ({exc})")
            typer.echo(f"note: {changed} labels revised by {rev}", err=True)
        golds = list(read_jsonl(gold)) if gold else []
        n_docs = len({x.doc for x in instances}) + len(golds)
        with Progress(transient=True) as bar:
            task = bar.add_task("features", total=n_docs)
            data, tally = featurize(instances, read_jsonl(corpus), golds, lambda n: bar.advance(task, n))
        for what, n in tally.items():
            if n:
                typer.echo(f"note: {n} {what}", err=True)
        if not data:
            fail("no labelled instance could be joined to the corpus")
        model, scores = train(data, precision_floor=precision_floor)
        save_model(model, scores, output or MODEL_PATH, report)
