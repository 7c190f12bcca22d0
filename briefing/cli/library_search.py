"""`briefing search QUERY --library [DIR]`: the same search over every book of the library, hits grouped by book.

The JSON lines are those of a one-book search plus `book_title` and `book_path`.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.text import Text

from briefing.cli.exit_codes import ExitCode
from briefing.cli.library_support import chosen_library, refreshed_index
from briefing.cli.search_command import (
    PipeConsole,
    hit_fields,
    one_line,
    print_hit,
    print_summary,
    say_suggestion,
)
from briefing.cli.streams import say
from briefing.library import LibraryHit, LibraryIndex
from briefing.render.safety import safe_json, safe_text
from briefing.search import QueryError, compile_query


def run_library_search(options: argparse.Namespace) -> int:
    if options.file is not None:
        say("briefing search: give either FILE or --library, not both.")
        return int(ExitCode.USAGE)
    try:
        compiled = compile_query(options.query)
    except QueryError as error:
        say(f"briefing search: {error.message}")
        return int(ExitCode.USAGE)
    index, _ = refreshed_index(chosen_library(options))
    found = index.search_library_compiled(compiled, limit=options.limit)
    if options.json:
        for hit in found.results.hits:
            assert isinstance(hit, LibraryHit)
            sys.stdout.write(safe_json(json.dumps(library_hit_record(index, hit), ensure_ascii=False)) + "\n")
    else:
        console = PipeConsole(highlight=False, soft_wrap=True)
        rank_of = {id(hit): rank for rank, hit in enumerate(found.results.hits, start=1)}
        for group in found.groups:
            book = group.book
            heading = Text(safe_text(one_line(book.title)), style="bold underline")
            heading.append(safe_text(f"  {book.start} – {book.end}  {book.path}"), style="dim")
            console.print(heading)
            for hit in group.hits:
                where = " › ".join(title for title in _where(index, hit) if title)
                print_hit(rank_of[id(hit)], hit, compiled, where, console, indent=2)
        print_summary(found.results, len(found.results.hits), console)
    if not found.results.total:
        say_suggestion(index, compiled)
    return int(ExitCode.OK if found.results.total else ExitCode.NO_MATCH)


def library_hit_record(index: LibraryIndex, hit: LibraryHit) -> dict[str, object]:
    book = index.book(hit.book_path)
    meeting_title, session_title = index.titles(hit)
    record = hit_fields(hit, meeting_title, session_title)
    record["book_title"] = book.title if book else None
    record["book_path"] = hit.book_path
    return record


def _where(index: LibraryIndex, hit: LibraryHit) -> tuple[str | None, ...]:
    meeting_title, session_title = index.titles(hit)
    return (
        meeting_title if hit.kind != "meeting" else None,
        session_title if hit.kind not in ("meeting", "session") else None,
    )
