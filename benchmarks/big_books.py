"""The two big books of issue 9: a 20 MB book (2,000 meetings, 20,000 quotes) and one meeting of 10,000 sessions.

    python benchmarks/big_books.py            # writes them under benchmarks/.cache/big-books/ and says where

Both are valid briefings that load with every check on (`briefing validate` passes): they are built from
the seeded books of `library_generator.py` and, like `load_benchmark.py`'s merged book, every passage,
quote and figure sits verbatim in the paragraph of the source text it cites. The same seed gives the same
files; they are written once and reused (delete the folder to rebuild).

- `big-book/briefing.json`: 1,000 generated books merged: 2,000 meetings of 3 sessions, each session with
  its generated quote plus more taken from its passages' sentences, 20,000 quotes in all; about 20 MB
  of JSON (under the loader's 20 MiB limit).
- `long-meeting/briefing.json`: one meeting holding the sessions of 1,667 generated books (10,000
  sessions), dated through one year in time order.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_generator import generate_library

CACHE = Path(__file__).resolve().parent / ".cache" / "big-books"
SOURCE_ID = "record"
SOURCE_PATH = "sources/record.txt"
BIG_MEETINGS = 2_000
BIG_QUOTES = 20_000
LONG_SESSIONS = 10_000
SESSIONS_PER_BOOK = 6
SENTENCE = re.compile(r"(?<=[.!?])\s+")


class _Record:
    """The one source text of a merged book: each cited text gets a paragraph of its own."""

    def __init__(self) -> None:
        self.paragraphs = ["Record of the meetings (synthetic)."]

    def cite(self, text: str) -> dict[str, Any]:
        self.paragraphs.append(text)
        return {"document": SOURCE_ID, "paragraph": len(self.paragraphs)}

    def text(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


def _recite(session: dict[str, Any], record: _Record, extra_quotes: int) -> None:
    """Point the session's verbatim items at the record, and add `extra_quotes` quotes from its passages."""
    sentences = [s for p in session["passages"] for s in SENTENCE.split(p["text"]) if len(s) > 40]
    for passage in session["passages"]:
        passage["source"] = record.cite(passage["text"])
    speaker = session["quotes"][0]["speaker"]
    for number, sentence in enumerate(sentences[:extra_quotes]):
        session["quotes"].append({"id": f"{session['id']}-q{number + 1}", "speaker": speaker, "text": sentence,
                                  "source": {"document": SOURCE_ID, "paragraph": 1}})
    for quote in session["quotes"]:
        quote["source"] = record.cite(f"“{quote['text']}”, the minister said.")
    for figure in session["figures"]:
        figure["source"] = record.cite(f"{figure['counts']} It amounts to {figure['as_written']}.")
    for point in (*session["key_points"], *session["positions"]):
        point["sources"] = [{"document": SOURCE_ID, "paragraph": 1}]


def _book(first: dict[str, Any], identifier: str, title: str, meetings: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        **first,
        "id": identifier,
        "title": title,
        "start": min(meeting["start"] for meeting in meetings),
        "end": max(meeting["end"] for meeting in meetings),
        "sources": [{**first["sources"][0], "id": SOURCE_ID, "path": SOURCE_PATH,
                     "published": max(meeting["end"] for meeting in meetings)}],
        "meetings": meetings,
    }


def big_book(seed: int = 7) -> tuple[dict[str, Any], str]:
    """2,000 meetings, 20,000 quotes, and the source text they cite."""
    books = [b.model_dump(mode="json") for b in generate_library(BIG_MEETINGS // 2, seed)]
    record = _Record()
    meetings = []
    sessions_total = BIG_MEETINGS * 3
    extra_needed = BIG_QUOTES - sessions_total
    session_number = 0
    for book in books:
        for meeting in book["meetings"]:
            for passage in meeting["passages"]:
                passage["source"] = record.cite(passage["text"])
            for session in meeting["sessions"]:
                # Spread the extra quotes evenly: session k gets the ones numbered in its share.
                share = (session_number + 1) * extra_needed // sessions_total - session_number * extra_needed // sessions_total
                _recite(session, record, share)
                session_number += 1
            meetings.append(meeting)
    return _book(books[0], "big-generated-book", f"Big generated briefing: {len(meetings)} meetings",
                 meetings), record.text()


def long_meeting(seed: int = 11) -> tuple[dict[str, Any], str]:
    """One meeting of 10,000 sessions through 2021, in time order, and its source text."""
    books = [b.model_dump(mode="json") for b in generate_library(-(-LONG_SESSIONS // SESSIONS_PER_BOOK), seed)]
    record = _Record()
    sessions = [s for book in books for meeting in book["meetings"] for s in meeting["sessions"]][:LONG_SESSIONS]
    start = dt.date(2021, 1, 1)
    for number, session in enumerate(sessions):
        # A lighter session (one passage, one key point) keeps 10,000 of them under the 20 MiB limit.
        session["passages"] = session["passages"][:1]
        session["key_points"] = session["key_points"][:1]
        _recite(session, record, 0)
        session["date"] = (start + dt.timedelta(days=number * 365 // LONG_SESSIONS)).isoformat()
    first_meeting = books[0]["meetings"][0]
    meeting = {**first_meeting, "id": "long-meeting", "title": "A year-long conference of 10,000 sessions",
               "start": sessions[0]["date"], "end": sessions[-1]["date"], "passages": [], "sessions": sessions}
    return _book(books[0], "long-meeting-book", "One meeting of 10,000 sessions", [meeting]), record.text()


def write_book(folder: Path, book: dict[str, Any], source: str) -> Path:
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / SOURCE_PATH).write_text(source, encoding="utf-8")
    path = folder / "briefing.json"
    # One line, as an exporting tool writes it: indentation alone would take the big book past 20 MiB.
    path.write_text(json.dumps(book, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def big_books(folder: Path = CACHE) -> dict[str, Path]:
    """The paths of both big books, written on first use."""
    paths = {"big book": folder / "big-book" / "briefing.json", "long meeting": folder / "long-meeting" / "briefing.json"}
    if not paths["big book"].exists():
        write_book(paths["big book"].parent, *big_book())
    if not paths["long meeting"].exists():
        write_book(paths["long meeting"].parent, *long_meeting())
    return paths


def main() -> None:
    for name, path in big_books().items():
        print(f"{name}: {path} ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
