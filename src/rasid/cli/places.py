"""`rasid geocode` and `rasid gazetteer build`: thin wrappers over rasid.recognize.places."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer


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
