"""`rasid extract`, `rasid timex` and `rasid eval`: thin wrappers over the pipeline."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from ..inputs import InputProblem, read_inputs
from ..model import Document
from ..pipeline import MAX_CHARS_DEFAULT, InputError, parse_published
from .common import fail, open_output, warn


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    text = "text"


def _check_published(published: str | None) -> str | None:
    try:
        return parse_published(published)
    except InputError as exc:
        fail(str(exc))


def extract_documents(inputs: list[str], published: str | None, source: str | None,
                      problems: list[str], component=None,
                      max_chars: int | None = None, names: bool = False) -> Iterator[Document]:
    """Run the pipeline over every input document, collecting problems as messages.

    ``max_chars`` overrides the pipeline's size limit (documents over it are refused as a
    problem, the others processed); the components are shared, not rebuilt.
    """
    from ..pipeline import Pipeline, default_pipeline, settle_gc

    pipe = default_pipeline(names)
    if max_chars is not None and max_chars != pipe.max_chars:
        pipe = Pipeline(pipe.components, max_chars=max_chars)
    for item in read_inputs(inputs):
        if isinstance(item, InputProblem):
            problems.append(str(item))
            warn(str(item))
            continue
        meta = item.meta()
        meta["published"] = meta["published"] or published
        meta["source"] = meta["source"] or source
        try:
            doc = pipe.make_doc(item.text, **meta)
        except InputError as exc:
            hint = "; raise the limit with --max-chars" if "too large" in str(exc) else ""
            problems.append(f"{item.origin}: {exc}")
            warn(f"{item.origin}: {exc}{hint}")
            continue
        yield pipe.run(doc) if component is None else component(doc)
        settle_gc()  # after the first document has loaded the lexicons; once per process


def register(app: typer.Typer) -> None:
    @app.command(help="Extract events, entities, dates and quotes from Arabic articles.\n\n"
                      "Examples:\n\n"
                      "  rasid extract examples/sy24_isis_leader_killed.txt --published 2023-04-04 --source SY24\n\n"
                      "  rasid extract corpus.jsonl --format csv -o events.csv\n\n"
                      "  cat article.txt | rasid extract - --published 2024-03-12")
    def extract(
        inputs: List[str] = typer.Argument(..., metavar="INPUT...",
                                           help=".txt file (one article), .jsonl file (one per line), or - for stdin"),
        published: Optional[str] = typer.Option(None, help="publication date YYYY-MM-DD (anchor for relative dates)"),
        source: Optional[str] = typer.Option(None, help="the outlet's name, e.g. SY24"),
        format: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl, csv (ACLED columns), geojson or text"),
        output: Optional[str] = typer.Option(None, "-o", "--output", help="write to FILE instead of stdout"),
        explain: bool = typer.Option(False, help="say which rule or lexicon entry decided each field"),
        ner: bool = typer.Option(False, "--ner", help="also tag person, organisation and place names (NER model; about half the speed)"),
        max_chars: int = typer.Option(MAX_CHARS_DEFAULT, "--max-chars", min=1,
                                      help="refuse documents longer than this many characters"),
    ) -> None:
        published = _check_published(published)
        problems: list[str] = []
        docs = extract_documents(inputs, published, source, problems, max_chars=max_chars, names=ner)
        from .. import output as out

        with open_output(output) as fh:
            if format is Format.jsonl:
                for doc in docs:
                    fh.write(out.document_line(doc, explain) + "\n")
            elif format is Format.csv:
                out.write_csv(docs, fh)
            elif format is Format.geojson:
                out.write_geojson(docs, fh)
            else:
                from ..output.text import write_text

                write_text(docs, fh)
        if problems:
            fail(f"{len(problems)} input problem(s); the other documents were processed", 1)

    @app.command(help="Find and resolve date expressions (CODEBOOK section 6).\n\n"
                      "Example:\n\n  echo 'قتل ثلاثة مساء أمس الإثنين' | rasid timex --published 2023-04-04")
    def timex(
        inputs: List[str] = typer.Argument(None, metavar="[INPUT]", help="as for extract; stdin when absent"),
        published: Optional[str] = typer.Option(None, help="publication date YYYY-MM-DD"),
        output: Optional[str] = typer.Option(None, "-o", "--output"),
    ) -> None:
        from ..recognize.dates import DateRecognizer
        from ..text import prepare

        published = _check_published(published)
        recognizer = DateRecognizer()

        def only_dates(doc: Document) -> Document:
            prepare(doc)
            recognizer(doc)
            return doc

        problems: list[str] = []
        with open_output(output) as fh:
            for doc in extract_documents(inputs or ["-"], published, None, problems, only_dates):
                line = {"id": doc.id, "timex": [t.model_dump() for t in doc.timex]}
                if doc.warnings:
                    line["warnings"] = doc.warnings
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        if problems:
            fail(f"{len(problems)} input problem(s); the other documents were processed", 1)

    @app.command("eval", help="Score extraction against a gold file (CODEBOOK section 12).\n\n"
                              "Examples:\n\n  rasid eval ../shared/gold/dev.jsonl\n\n"
                              "  rasid eval gold.jsonl --pred predictions.jsonl --errors")
    def eval_(
        gold: Path = typer.Argument(..., help="gold JSON Lines file"),
        pred: Optional[Path] = typer.Option(None, help="predictions (JSON Lines); extracted from the gold texts when absent"),
        errors: bool = typer.Option(False, "--errors", help="list every missed, spurious and wrong event"),
        json_out: Optional[str] = typer.Option(None, "--json", help="also write the figures as JSON to FILE"),
    ) -> None:
        from ..evaluate.report import EvalInputError, load_gold, load_predictions, predict, print_report

        try:
            gold_docs = load_gold(gold)
            pred_docs = load_predictions(pred) if pred else predict(gold_docs)
        except EvalInputError as exc:
            fail(str(exc))
        print_report(gold_docs, pred_docs, errors=errors, json_path=json_out)
