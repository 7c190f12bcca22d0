"""`briefing schema`: the JSON Schema (Draft 2020-12) of the briefing format, for people who write one."""

from __future__ import annotations

import argparse
import json

from briefing.cli.common import subcommand_parser
from briefing.model import Briefing

NAME = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "print the JSON Schema of briefing files", epilog)
    parser.set_defaults(handler=run)


def briefing_schema() -> dict:
    """Pydantic's schema of `Briefing` (Draft 2020-12), with the dialect named."""
    return {"$schema": DIALECT, **Briefing.model_json_schema(mode="validation")}


def run(options: argparse.Namespace) -> int:
    print(json.dumps(briefing_schema(), indent=2, ensure_ascii=False))
    return 0
