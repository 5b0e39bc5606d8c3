"""The `rasid` command line (typer). Thin wrappers: the logic lives in the stage packages.

Each area with commands of its own (places, names, ...) has a module in this folder with a
``register(app)`` function; this file wires them together.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="rasid",
    help="Rasid (راصد): structured conflict-event data from Arabic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules under rasid.cli that add their own commands.
COMMAND_MODULES = ["extract", "places", "ner", "events", "corpus", "serve"]


def _register_all() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"rasid.cli.{name}")
        module.register(app)


_register_all()


def run() -> None:
    app()


if __name__ == "__main__":
    run()
