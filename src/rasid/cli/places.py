"""`rasid geocode`, `rasid gazetteer build` and `rasid train-places`: thin wrappers over
rasid.recognize.places."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .common import fail, save_model

SENSE_LABELS = Path("training/places/place_sense_labels.tsv")
CORPORA = [Path("../shared/data/news/ant_all_sections.jsonl.gz"), Path("../shared/data/news/ant_dev_corpus.jsonl")]


def register(app: typer.Typer) -> None:
    gaz_app = typer.Typer(help="Build or extend the gazetteer.", no_args_is_help=True)

    @app.command("geocode")
    def geocode_cmd(name: str = typer.Argument(..., help="place name, Arabic or English"),
                    country: Optional[str] = typer.Option(None, "--country", help="ISO2, English or Arabic country name"),
                    limit: int = typer.Option(10, "--limit")) -> None:
        """Ranked gazetteer candidates for NAME, as JSON."""
        from ..recognize.places import geocode

        typer.echo(json.dumps(geocode(name, country)[:limit], ensure_ascii=False, indent=1))

    @gaz_app.command("build")
    def build_cmd(geonames: list[Path] = typer.Option(..., "--geonames", exists=True, dir_okay=False,
                                                      help="GeoNames country dump(s), e.g. SY.txt"),
                  output: Optional[Path] = typer.Option(None, "-o", "--output",
                                                        help="extra gazetteer file (default: the user data dir)"),
                  min_population: int = typer.Option(0, "--min-population")) -> None:
        """Merge GeoNames country dumps into an extra gazetteer for village-level coverage."""
        from ..recognize.places.build import merge_geonames
        from ..recognize.places.gazetteer import extra_path

        out = output or extra_path()
        n = merge_geonames(list(geonames), out, min_population=min_population)
        typer.echo(f"{n} places with Arabic names written to {out}")
        if output is not None:
            typer.echo("set RASID_PLACES_EXTRA to this path to use it")

    app.add_typer(gaz_app, name="gazetteer")

    @app.command("train-places", help=(
        "Rebuild the place-sense model (is a name spelled like a place the place here, or a word, "
        "a person, a club?) from the NER corpora and hand-labelled name matches in news, and print "
        "its held-out scores. Needs the train extra: pip install -e '.[train]'.\n\n"
        "Examples:\n\n"
        "  rasid train-places\n\n"
        "  rasid train-places --ner ../shared/data/ner -o /tmp/sense.npz --report /tmp/report.json"))
    def train_places(
        ner: Path = typer.Option(Path("../shared/data/ner"), "--ner", help="NER corpora folder (anercorp/, "
                                 "aqmar/, wojood_sample/: `token TAG` lines)"),
        labels: Path = typer.Option(SENSE_LABELS, "--labels", help="hand labels (TSV: doc, start, end, "
                                    "label, reason, origin)"),
        corpus: list[Path] = typer.Option(CORPORA, "--corpus", help="the articles the labels refer to "
                                          "(.jsonl or .jsonl.gz with id and text); repeatable"),
        output: Optional[Path] = typer.Option(None, "-o", "--output", help="weights file to write "
                                              "(default: the package's data/places/sense_model.npz)"),
        report: Optional[Path] = typer.Option(None, "--report", help="also write the scores as JSON here"),
    ) -> None:
        from ..recognize.places import PlaceRecognizer
        from ..recognize.places.sense_model import MODEL_PATH
        from ..recognize.places.train_senses import labelled_instances, ner_instances, read_labels, train

        if not ner.is_dir():
            fail(f"{ner}: no such NER corpora folder")
        for path in (labels, *corpus):
            if not path.is_file():
                fail(f"{path}: no such file")
        try:
            import sklearn  # noqa: F401
        except ImportError:
            fail("rasid train-places needs scikit-learn: pip install -e '.[train]'")
        rec = PlaceRecognizer()
        data = ner_instances(ner, rec)
        try:
            rows = read_labels(labels)
            news, missing = labelled_instances(rows, corpus, rec)
        except (KeyError, ValueError) as exc:
            fail(f"{labels}: not a place-sense label TSV ({exc})")
        if missing:
            typer.echo(f"note: {missing} labels not joined to a name match in the corpus", err=True)
        model, scores = train(data + news)
        save_model(model, scores, output or MODEL_PATH, report)
