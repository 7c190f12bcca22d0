"""`briefing import SOURCE [-o DIR] [--force]`: draft a book from a release, and say what is left to do."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from briefing.cli.common import subcommand_parser
from briefing.cli.exit_codes import ExitCode
from briefing.cli.streams import say

NAME = "import"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(
        subcommands, NAME, "draft a briefing book from a release (.txt, .md, .html, .docx)", epilog
    )
    parser.add_argument("source", metavar="SOURCE", type=Path, help="the release: .txt, .md, .html (saved page) or .docx")
    parser.add_argument("-o", "--output", metavar="DIR", type=Path, default=None,
                        help="folder to write briefing.json and sources/ into (default: SOURCE's name beside it)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing DIR/briefing.json")
    parser.add_argument("--principal", metavar="NAME", default=None,
                        help="the person briefed, e.g. 'Sophie Wilmès'; a title alone ('the Minister') then means them")
    parser.add_argument("--language", choices=("en", "fr", "nl"), default=None,
                        help="language of the release (guessed from its words if omitted)")
    parser.add_argument("--issuer", metavar="TEXT", default=None, help="who issued the release")
    parser.add_argument("--published", metavar="YYYY-MM-DD", type=dt.date.fromisoformat, default=None,
                        help="publication date of the release (it decides the year when the text gives none)")
    parser.add_argument("--classification", metavar="TEXT", default="UNCLASSIFIED",
                        help="marking of the book (default: UNCLASSIFIED)")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Draft, write, report; 66 when SOURCE cannot be read, 2 when DIR already holds a book, 74 on a write error."""
    from briefing.importer import DraftError, ReleaseReadError, draft_from_file, write_draft
    from briefing.importer.report import found_lines, todo_lines
    from briefing.render.safety import shown

    source: Path = options.source
    folder: Path = options.output or source.with_suffix("")
    try:
        draft = draft_from_file(source, principal=options.principal, language=options.language,
                                issuer=options.issuer, classification=options.classification,
                                published=options.published)
    except ReleaseReadError as error:
        say(f"briefing import: {error}")
        return int(ExitCode.NO_INPUT if error.unreadable else ExitCode.DATA_ERROR)
    except DraftError as error:
        say(f"briefing import: {error}")
        return int(ExitCode.DATA_ERROR)
    try:
        book_path = write_draft(draft, folder, force=options.force)
    except FileExistsError:
        say(f"briefing import: {folder / 'briefing.json'} already exists; give another -o DIR, or --force to overwrite it")
        return int(ExitCode.USAGE)
    except OSError as error:
        say(f"briefing import: cannot write into {folder}: {error.strerror or error}")
        return int(ExitCode.IO_ERROR)
    print(f"Drafted {shown(str(book_path))} from {shown(str(source))} "
          f"(source text: {shown(str(folder / draft.source_path))}); status: draft, it validates.")
    from briefing.importer.wording import say as in_language

    language = draft.briefing.language
    print(in_language(language, "Found:"))
    print("\n".join(f"  - {shown(line)}" for line in found_lines(draft)))
    print(in_language(language, "Still to do:"))
    print("\n".join(f"  - {shown(line)}" for line in todo_lines(draft)))
    print(f"Check it with: briefing validate {shown(str(book_path))}   Read it with: briefing {shown(str(book_path))}")
    return int(ExitCode.OK)
