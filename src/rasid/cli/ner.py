"""`rasid ner`, `rasid eval-ner`, `rasid train-ner`: thin wrappers over rasid.recognize.names."""

from __future__ import annotations

import sys
from pathlib import Path

import typer


def _fail(msg: str) -> None:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(2)


def _open_in(path: str):
    if path == "-":
        return sys.stdin
    try:
        return open(path, encoding="utf-8")
    except OSError as e:
        _fail(f"cannot read {path}: {e.strerror}")


def register(app: typer.Typer) -> None:
    @app.command("ner")
    def ner_cmd(
        input: str = typer.Argument(..., help="CoNLL file: `token [anything]` lines, blank line "
                                             "between sentences; - for stdin"),
        output: str | None = typer.Option(None, "-o", "--output", help="output file"),
    ) -> None:
        """Tag pre-tokenised text: writes `token TAG` (IOB2: PERS, LOC, ORG, MISC)."""
        from ..recognize.names.conll import read_conll, write_conll
        from ..recognize.names.tagger import tag_sentences

        fh = _open_in(input)
        try:
            toks = [t for t, _ in read_conll(fh, with_tags=False)]
            sents = list(zip(toks, tag_sentences(toks)))
        except UnicodeDecodeError:
            _fail(f"{input} is not UTF-8 text")
        try:
            out = open(output, "w", encoding="utf-8") if output else sys.stdout
        except OSError as e:
            _fail(f"cannot write {output}: {e.strerror}")
        write_conll(out, sents)
        if output:
            out.close()

    @app.command("eval-ner")
    def eval_ner_cmd(
        gold: str = typer.Argument(..., help="CoNLL file with gold tags in the last column"),
        pred: str | None = typer.Option(None, "--pred", help="CoNLL file of predicted tags "
                                        "(same tokens); tagged with the shipped model if absent"),
    ) -> None:
        """Entity-level micro P/R/F1 and per-type F1 (conlleval's chunk rule)."""
        from ..recognize.names.conll import read_conll
        from ..recognize.names.evaluation import score
        from ..recognize.names.tagger import tag_sentences

        try:
            g = list(read_conll(_open_in(gold)))
            if pred is None:
                p = tag_sentences([t for t, _ in g])
            else:
                ps = list(read_conll(_open_in(pred)))
                if [t for t, _ in ps] != [t for t, _ in g]:
                    _fail("predicted file's tokens differ from the gold file's")
                p = [tags for _, tags in ps]
        except UnicodeDecodeError:
            _fail("input is not UTF-8 text")
        typer.echo(score((gs[1], ps_) for gs, ps_ in zip(g, p)).report())

    @app.command("train-ner")
    def train_ner_cmd(
        shared: Path = typer.Option(Path("../shared/data"), "--data",
                                    help="the shared data folder (holds ner/anercorp/train.txt)"),
        output: Path | None = typer.Option(None, "-o", "--output", help="model file to write "
                                           "(default: the package's data/ner/ner.crfsuite)"),
        extra: list[str] = typer.Option([], "--extra", help="add aqmar and/or wojood"),
        full: bool = typer.Option(False, "--full", help="also train on the held-out 10%"),
        c1: float = typer.Option(0.1), c2: float = typer.Option(0.02),
        iterations: int = typer.Option(150, "--iterations"),
    ) -> None:
        """Rebuild the CRF NER model from the shared data and print train/held-out scores."""
        from ..recognize.names.train import MODEL_PATH, train

        if not (shared / "ner" / "anercorp" / "train.txt").is_file():
            _fail(f"{shared}/ner/anercorp/train.txt not found")
        bad = [e for e in extra if e not in ("aqmar", "wojood")]
        if bad:
            _fail(f"unknown --extra {bad[0]!r}: use aqmar or wojood")
        train(shared, output or MODEL_PATH, tuple(extra), full, c1, c2, iterations)
