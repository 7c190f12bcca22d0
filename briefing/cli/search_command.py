"""`briefing search QUERY [FILE] [--json] [--limit N]`: ranked hits with highlighted matches, as grep would.

Exit 0 with hits, 1 with none, 2 for a query that cannot be understood (the reason on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable

from rich.console import Console
from rich.text import Text

from briefing.cli.common import add_file_argument, add_library_argument, load_from_options, subcommand_parser
from briefing.cli.exit_codes import ExitCode
from briefing.cli.streams import say
from briefing.model import BriefingLookup
from briefing.render.safety import safe_json, safe_text
from briefing.render.vocabulary import vocabulary
from briefing.search import (
    QUERY_HELP,
    CompiledQuery,
    FullTextIndex,
    QueryError,
    SearchHit,
    SearchIndex,
    SearchResults,
    compile_query,
)
from briefing.search.scan import ScanIndex

NAME = "search"

MATCH_STYLE = "bold reverse"
"""How a match is shown in a snippet; the only styling applied to briefing text."""


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(
        subcommands, NAME, "search a briefing; print ranked hits", _indented("query language:", QUERY_HELP) + epilog
    )
    parser.dash_words_are_positional = True  # `briefing search -russia`: the query, not an option
    parser.add_argument("query", metavar="QUERY",
                        help="what to look for (see the query language below); it may start with -, "
                        "as in `briefing search -russia`")
    add_file_argument(parser)
    add_library_argument(parser, optional_value=True)
    parser.add_argument("--json", action="store_true", help="one JSON object per hit and line")
    parser.add_argument(
        "--limit", type=_positive_int, default=50, metavar="N", help="show at most N hits (default 50)"
    )
    parser.set_defaults(handler=run)


def _indented(title: str, text: str) -> str:
    return title + "\n" + "".join(f"  {line}\n" for line in text.splitlines()) + "\n"


def _positive_int(value: str) -> int:
    if len(value.strip()) > 18 and value.strip().isdigit():  # int() refuses 4,300+ digits with its own words
        raise argparse.ArgumentTypeError("is far too large; any number above the number of hits shows them all")
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value[:40]!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def run(options: argparse.Namespace) -> int:
    if options.library is not None:
        from briefing.cli.library_search import run_library_search

        return run_library_search(options)
    briefing = load_from_options(options)
    index = SearchIndex.for_briefing(briefing)
    if index.unavailable_reason:
        say(f"briefing search: {index.unavailable_reason} Searching by a plain scan instead (same results, slower).")
    try:
        compiled = compile_query(options.query)
        results = index.search_compiled(compiled, limit=options.limit)
    except QueryError as error:
        say(f"briefing search: {error.message}")
        return int(ExitCode.USAGE)
    lookup = BriefingLookup(briefing)
    if options.json:
        for hit in results.hits:
            # Readable UTF-8, but C1, bidi and invisible characters escaped: a terminal shows the JSON too.
            sys.stdout.write(safe_json(json.dumps(hit_record(hit, lookup), ensure_ascii=False)) + "\n")
    else:
        print_hits(results, compiled, lookup, PipeConsole(highlight=False, soft_wrap=True))
    if not results.total:
        say_suggestion(index, compiled)
    return int(ExitCode.OK if results.total else ExitCode.NO_MATCH)


def say_suggestion(index: FullTextIndex | ScanIndex, compiled: CompiledQuery) -> None:
    """After a miss, on stderr (stdout stays the hits, for pipes): the query with its typos corrected."""
    suggestion = index.suggest(compiled)
    if suggestion is not None:
        say(f"briefing search: no match; did you mean {suggestion.query}?")


class PipeConsole(Console):
    """Rich's console, except that a closed pipe (`briefing search … | head -1`) is not a failure.

    Rich's own handler exits with 1, which `briefing search` uses for "no match"; raising the error
    lets `briefing.cli.main` treat it as every other command does (exit 0: the reader has had enough).
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def hit_record(hit: SearchHit, lookup: BriefingLookup) -> dict[str, object]:
    """A hit as JSON: ids, where it lives, its whole text and spans, and its snippet."""
    meeting = lookup.meetings.get(hit.meeting_id) if hit.meeting_id else None
    session = lookup.sessions[hit.session_id][1] if hit.session_id in lookup.sessions else None
    return hit_fields(hit, meeting.title if meeting else None, session.title if session else None)


def hit_fields(hit: SearchHit, meeting_title: str | None, session_title: str | None) -> dict[str, object]:
    """The JSON of a hit, given the titles of its meeting and session."""
    return {
        "briefing": hit.briefing_id,
        "meeting": hit.meeting_id,
        "meeting_title": meeting_title,
        "session": hit.session_id,
        "session_title": session_title,
        "kind": hit.kind,
        "id": hit.item_id,
        "label": hit.label,
        "score": round(hit.score, 6),
        "text": hit.text,
        "spans": [list(span) for span in hit.spans],
        "snippet": hit.snippet.text,
        "snippet_spans": [list(span) for span in hit.snippet.spans],
        "matched_in": [
            {"where": str(match.where), "field": match.field, "text": match.text, "spans": [list(span) for span in match.spans]}
            for match in hit.matched_in
        ],
        "context_only": hit.context_only,
    }


def print_hits(results: SearchResults, compiled: CompiledQuery, lookup: BriefingLookup, console: Console) -> None:
    """Each hit as a heading (rank, kind, label, where) and its snippet, matches highlighted in both.

    The label is highlighted too because a quote is also found by its speaker's name.
    """
    shown = 0
    for rank, hit in enumerate(results.hits, start=1):
        shown = rank
        print_hit(rank, hit, compiled, location(hit, lookup), console)
    print_summary(results, shown, console)


def print_hit(rank: int, hit: SearchHit, compiled: CompiledQuery, where: str, console: Console,
              indent: int = 0) -> None:
    """One hit: its heading (rank, kind, label, where) and its snippet, matches highlighted in both."""
    heading = Text(" " * indent + f"{rank}. ", style="bold")
    kind_name = vocabulary().kind_name(hit.kind)
    heading.append(kind_name, style="bold")
    if hit.label and hit.label not in (hit.text, kind_name):
        heading.append(" · ")
        label = one_line(hit.label)
        heading.append_text(highlighted(label, compiled.spans(label)))
    if where:
        heading.append("  — " + safe_text(one_line(where)), style="dim")
    console.print(heading)
    snippet = highlighted(hit.snippet.text, hit.snippet.spans)
    snippet.pad_left(3 + indent)
    console.print(snippet)
    if hit.context_only:
        # The words are not in the text shown: say where they were, so the hit does not look wrong.
        for match in hit.matched_in:
            found = Text(" " * (3 + indent) + f"found in its {match.field}: ", style="dim")
            found.append_text(highlighted(one_line(match.text), match.spans if one_line(match.text) == match.text else []))
            console.print(found)


def print_summary(results: SearchResults, shown: int, console: Console) -> None:
    total = results.total
    summary = f"{total:,}{'' if results.total_is_exact else '+'} hit{'s' if total != 1 else ''}"
    if shown < total:
        summary += f" ({shown} shown; use --limit to see more)"
    if not results.ranked:
        summary += "; too many to rank: titles and names first, then in book order"
    console.print(Text(summary, style="bold"))


def location(hit: SearchHit, lookup: BriefingLookup) -> str:
    """"Meeting title › session title" for a hit (empty for people and organisations)."""
    parts = []
    if hit.meeting_id and (meeting := lookup.meetings.get(hit.meeting_id)) and hit.kind != "meeting":
        parts.append(meeting.title)
    if hit.session_id and hit.session_id in lookup.sessions and hit.kind != "session":
        parts.append(lookup.sessions[hit.session_id][1].title)
    return " › ".join(parts)


def one_line(text: str) -> str:
    return " ".join(text.split())


def highlighted(text: str, spans: Iterable[tuple[int, int]]) -> Text:
    """`text` made terminal-safe, with MATCH_STYLE on the spans (offsets into the unsafe text)."""
    result = Text()
    position = 0
    for start, end in spans:
        if start > position:
            result.append(safe_text(text[position:start]))
        result.append(safe_text(text[max(start, position) : end]), style=MATCH_STYLE)
        position = max(position, end)
    result.append(safe_text(text[position:]))
    return result
