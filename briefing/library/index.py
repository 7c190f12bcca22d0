"""The library index: every book's rows in one FTS5 index on disk, kept current book by book.

`refresh()` compares each book file's size and modification time (then its hash) with what was
indexed: changed books are re-indexed, new ones added, removed ones dropped. It reports progress,
can be cancelled between two books (what was committed stays valid), and holds the lock only while
writing, so searches answer while it runs. Searching is `briefing.search`'s own (`FullTextIndex`):
same query language, ranking, spans and snippets; hits also say which book they come from.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.files import read_bounded
from briefing.library.changes import (
    Known,
    content_hash,
    decode_stamps,
    encode_stamps,
    sources_changed,
    stamp_of,
    unchanged_books,
)
from briefing.library.discovery import BookSummary, book_paths, read_book
from briefing.library.paths import index_path
from briefing.library.records import checked_record, quick_record
from briefing.library.store import open_store, remove_store
from briefing.library.writing import (
    OWN_BATCH_SECONDS,
    SHARED_BATCH_SECONDS,
    IndexWriter,
    heading_start,
    iso_date,
    unpack_fields,
)
from briefing.loading.loader import max_bytes_from_environment
from briefing.search.documents import HEADING, IndexedItem
from briefing.search.index import FullTextIndex, SearchHit, SearchResults
from briefing.search.query import CompiledQuery, compile_query

_SUMMARY_COLUMNS = "path, briefing_id, title, start, end, meetings, classification, draft, errors, message"

TYPING_PREFIX = 3
"""Letters a last word needs, while typed, to match as a prefix across the library: the index keeps
three-letter prefixes only (`briefing.library.store.PREFIX_LENGTHS`); two letters begin so many words
of ten thousand books that merging them took 80 ms. An explicit `mo*` still works, more slowly."""

ProgressCallback = Callable[[int, int], None]
"""Called with (books looked at, books in the library) as a refresh goes."""


@dataclass(frozen=True, slots=True)
class LibraryItem(IndexedItem):
    book_path: str = ""


@dataclass(frozen=True, slots=True)
class LibraryHit(SearchHit):
    """A hit of a cross-book search: a `SearchHit` that knows the file of its book."""

    book_path: str = ""


@dataclass(frozen=True, slots=True)
class BookHits:
    book: BookSummary
    hits: list[LibraryHit]


@dataclass(frozen=True, slots=True)
class LibraryResults:
    """A cross-book search: the ranked hits, and the same hits grouped by book (best book first)."""

    results: SearchResults
    groups: list[BookHits]


@dataclass(slots=True)
class RefreshReport:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    checked: int = 0
    """Books validated (after being indexed from their JSON alone)."""
    invalid: int = 0
    """Of those, books that failed validation."""
    cancelled: bool = False
    seconds: float = 0.0
    changed_paths: list[Path] = field(default_factory=list)

    def describe(self, *, timing: bool = True) -> str:
        text = (
            f"{self.added} added, {self.changed} re-indexed, {self.removed} removed, "
            f"{self.unchanged} unchanged" + (f" ({self.seconds:.2f} s)" if timing else "")
        )
        if self.checked:
            text += f"; {self.checked} checked, {self.invalid} invalid"
        return text + ("; stopped before the end" if self.cancelled else "")


class LibraryIndex(FullTextIndex):
    """The index of one library folder, on disk at `index_file` (or in memory, see `message`)."""

    counts_beyond_ranking = False
    """Across ten thousand books, counting a common phrase's matches on to 10,000 ("to Ukraine") was
    half of the slowest searches (4-8 ms of 9-11 ms CPU). Past MOST_RANKED the hits come unranked
    anyway, so the library counts to there and says "2,000+ matches"."""

    @classmethod
    def open(cls, library: Path, *, rebuild: bool = False, in_memory: bool = False) -> LibraryIndex:
        """The index of `library` in the user's cache dir (see `briefing.library.paths`); `rebuild`
        deletes it first. Call `refresh()` to bring it up to date."""
        index_file = None if in_memory else index_path(library)
        if rebuild and index_file is not None:
            remove_store(index_file)
        return cls(library, index_file)

    def __init__(self, library: Path, index_file: Path | None) -> None:
        opened = open_store(index_file)
        super().__init__(opened.connection)
        # The library's order sorts titles as Python does (`sort_newest_first`), in SQL for the first frame.
        opened.connection.create_function("casefold", 1, _casefold, deterministic=True)
        self._writer = opened.writer
        # On disk, refreshes write with their own connection and never hold up a search (WAL).
        self._write_lock: threading.RLock | threading.Lock = (
            self._lock if opened.writer is opened.connection else threading.Lock()
        )
        self.library = library.expanduser().resolve()
        self.index_file = index_file
        self.on_disk = opened.on_disk
        self.message = opened.message
        """Why the index is in memory when it should be on disk; empty otherwise."""

    # Reading -------------------------------------------------------------------------------------------

    def books(self) -> list[BookSummary]:
        """Every book indexed (valid or not), in file order."""
        with self._lock:
            rows = self._connection.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM books ORDER BY path"
            ).fetchall()
        return [_summary(row) for row in rows]

    def newest_books(self, limit: int) -> list[BookSummary]:
        """The first `limit` books in `sort_newest_first` order, without listing the others (the
        library's first frame)."""
        with self._lock:
            rows = self._connection.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM books ORDER BY errors != '[]', "
                "CASE WHEN errors = '[]' THEN start END DESC, CASE WHEN errors = '[]' THEN end END DESC, "
                "CASE WHEN errors = '[]' THEN casefold(title) END, path LIMIT ?", (limit,)
            ).fetchall()
        return [_summary(row) for row in rows]

    def book_count(self) -> tuple[int, int]:
        """(books, invalid books) of the library, as indexed."""
        with self._lock:
            total, invalid = self._connection.execute(
                "SELECT count(*), coalesce(sum(errors != '[]'), 0) FROM books"
            ).fetchone()
        return int(total), int(invalid)

    def markings(self) -> list[str]:
        """Every classification of the library's books, most common first (then in file order)."""
        with self._lock:
            return [marking for (marking,) in self._connection.execute(
                "SELECT classification FROM books WHERE classification != '' GROUP BY classification "
                "ORDER BY count(*) DESC, min(path)"
            )]

    def book(self, path: str | Path) -> BookSummary | None:
        with self._lock:
            row = self._connection.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM books WHERE path = ?", (str(path),)
            ).fetchone()
        return _summary(row) if row else None

    def titles(self, hit: LibraryHit) -> tuple[str | None, str | None]:
        """Titles of the meeting and the session a hit lives in, from the index (the book is not read)."""
        starts = [heading_start(kind, item_id or "", HEADING) or "\x00"  # "\x00": no row begins so
                  for kind, item_id in (("meeting", hit.meeting_id), ("session", hit.session_id))]
        with self._lock:
            found = self._connection.execute(
                # Titles are in the first tier, whose rowids are the rows' running numbers (`row_ranges`).
                "SELECT r.fields, r.text FROM books b JOIN rows r ON r.rowid BETWEEN b.first_row "
                "AND b.first_row + b.row_count - 1 WHERE b.path = ? "
                "AND (substr(r.fields, 1, ?) = ? OR substr(r.fields, 1, ?) = ?)",
                (hit.book_path, len(starts[0]), starts[0], len(starts[1]), starts[1]),
            ).fetchall()
        titles = {unpack_fields(fields)[0]: text for fields, text in found}
        return titles.get("meeting"), titles.get("session")

    def row_count(self) -> int:
        with self._lock:
            return int(self._connection.execute("SELECT count(*) FROM rows").fetchone()[0])

    def search_library(self, query: str, limit: int = 50, as_you_type: bool = False) -> LibraryResults:
        """The `limit` best hits across books, and the same hits grouped by book; may raise `QueryError`."""
        compiled = compile_query(query, as_you_type=as_you_type, typing_prefix=TYPING_PREFIX)
        return self.search_library_compiled(compiled, limit)

    def search_library_compiled(self, compiled: CompiledQuery, limit: int = 50) -> LibraryResults:
        results = self.search_compiled(compiled, limit)
        grouped: dict[str, list[LibraryHit]] = {}
        for hit in results.hits:
            assert isinstance(hit, LibraryHit)
            grouped.setdefault(hit.book_path, []).append(hit)
        books = self._books_at(list(grouped))
        groups = [BookHits(books[path], hits) for path, hits in grouped.items() if path in books]
        return LibraryResults(results, groups)

    def _books_at(self, paths: list[str]) -> dict[str, BookSummary]:
        if not paths:
            return {}
        marks = ", ".join("?" for _ in paths)
        with self._lock:
            rows = self._connection.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM books WHERE path IN ({marks})", paths
            ).fetchall()
        return {str(row[0]): _summary(row) for row in rows}

    def _items_of(self, rowids: list[int]) -> dict[int, IndexedItem]:
        if not rowids:
            return {}
        marks = ", ".join("?" for _ in rowids)
        found = self._connection.execute(
            f"SELECT r.rowid, r.text, r.fields, b.briefing_id, b.path FROM rows r JOIN books b ON b.id = r.book "
            f"WHERE r.rowid IN ({marks})",
            rowids,
        ).fetchall()
        items: dict[int, IndexedItem] = {}
        for rowid, text, fields, briefing_id, path in found:
            kind, item, column, meeting, session, label, extras = unpack_fields(fields)
            items[rowid] = LibraryItem(
                briefing_id, meeting or None, session or None, kind, item, text, label, column, extras, book_path=path,
            )
        return items

    def _hit(self, rowid: int, item: IndexedItem, score: float, compiled: CompiledQuery) -> SearchHit:
        hit = super()._hit(rowid, item, score, compiled)
        return LibraryHit(
            hit.briefing_id, hit.meeting_id, hit.session_id, hit.kind, hit.item_id, hit.score, hit.text,
            hit.spans, hit.snippet, hit.label, book_path=getattr(item, "book_path", ""),
        )

    # Writing -------------------------------------------------------------------------------------------

    def refresh(
        self, progress: ProgressCallback | None = None, cancelled: Callable[[], bool] | None = None,
        *, check: bool = True,
    ) -> RefreshReport:
        """Bring the index in line with the library folder (see the module's docstring); unless not
        `check`, then validate the books indexed from their JSON alone (`check_books`)."""
        began = time.perf_counter()
        report = RefreshReport()
        files = book_paths(str(self.library), checked=False)
        with self._write_lock:
            known: dict[str, Known] = {
                path: (book_id, size, mtime_ns, digest, sources)
                for path, book_id, size, mtime_ns, digest, sources in self._writer.execute(
                    "SELECT path, id, size, mtime_ns, hash, sources FROM books"
                )
            }
        if cancelled is not None and cancelled():  # the app quit while the folder was being listed
            report.cancelled = True
            return report
        present = set(files)
        same = unchanged_books(files, known)
        writer = self._new_writer()
        for path, gone in known.items():
            if path not in present:
                writer.run(lambda book_id=gone[0]: writer.delete(book_id))
                report.removed += 1
        report.unchanged = sum(same)  # the usual case, ten thousand times a refresh: counted at once
        done = 0
        for done in (position + 1 for position, unchanged in enumerate(same) if not unchanged):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            self._refresh_one(files[done - 1], known.get(files[done - 1]), writer, report)
            if progress is not None:
                progress(done, len(files))
        if progress is not None and done < len(files) and not report.cancelled:
            progress(len(files), len(files))
        writer.finish()
        if report.added or report.changed or report.removed:
            with self._lock:
                self._vocabulary = None  # typo suggestions come from the words of the books as they are now
        if check and not report.cancelled:
            self.check_books(cancelled=cancelled, report=report)
        report.seconds = time.perf_counter() - began
        return report

    def check_books(
        self, progress: ProgressCallback | None = None, cancelled: Callable[[], bool] | None = None,
        report: RefreshReport | None = None,
    ) -> RefreshReport:
        """Validate, as `briefing validate` does, every book so far indexed from its JSON alone; a book
        found invalid leaves the search and is listed with its problems."""
        report = report if report is not None else RefreshReport()
        with self._write_lock:
            pending = self._writer.execute("SELECT id, path FROM books WHERE checked = 0 ORDER BY path").fetchall()
        writer = self._new_writer()
        for done, (book_id, path) in enumerate(pending):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            summary, _ = read_book(Path(path))
            writer.run(lambda book_id=book_id, summary=summary: writer.set_checked(book_id, summary))
            report.checked += 1
            report.invalid += 0 if summary.is_valid else 1
            if progress is not None:
                progress(done + 1, len(pending))
        writer.finish()
        return report

    def unchecked(self) -> int:
        """How many books are indexed but not validated yet."""
        with self._lock:
            return int(self._connection.execute("SELECT count(*) FROM books WHERE checked = 0").fetchone()[0])

    def close(self) -> None:
        with self._write_lock:
            if self._writer is not self._connection:
                self._writer.close()
        super().close()

    def _new_writer(self) -> IndexWriter:
        shared = self._writer is self._connection
        return IndexWriter(self._writer, self._write_lock, SHARED_BATCH_SECONDS if shared else OWN_BATCH_SECONDS)

    def _refresh_one(self, path: str, known: Known | None, writer: IndexWriter, report: RefreshReport) -> None:
        stamp = stamp_of(path)
        if stamp is None:
            if known is not None:  # gone since it was indexed (or a folder that holds no book)
                writer.run(lambda: writer.delete(known[0]))
                report.removed += 1
            return
        sources_same, fresh = True, None
        if known is not None and known[4]:
            try:
                changed, fresh = sources_changed(os.path.dirname(path), decode_stamps(known[4]))
            except ValueError:
                changed = True  # damaged stamps in the index: re-read the book and stamp it again
            sources_same = not changed
        if known is not None and sources_same and (known[1], known[2]) == (stamp.size, stamp.mtime_ns):
            if fresh is not None:
                writer.run(lambda: writer.update_stamps(known[0], stamp, encode_stamps(fresh)))
            report.unchanged += 1
            return
        try:
            # Bounded, and never blocking on a FIFO someone dropped into the library folder.
            data: bytes | None = read_bounded(path, max_bytes_from_environment())
        except OSError:
            data = None  # validation says what is wrong with it
        digest = content_hash(data) if data is not None else ""
        if known is not None and sources_same and digest and known[3] == digest:
            sources = encode_stamps(fresh) if fresh is not None else None
            writer.run(lambda: writer.update_stamps(known[0], stamp, sources))
            report.unchanged += 1
            return
        record = quick_record(path, stamp, data, digest) if data is not None else checked_record(path, stamp, digest)
        writer.run(lambda: writer.store(known[0] if known else None, record))
        if known is None:
            report.added += 1
        else:
            report.changed += 1
        report.changed_paths.append(Path(path))


def _casefold(text: object) -> str:
    return str(text).casefold()


def _summary(row: tuple[object, ...]) -> BookSummary:
    path, briefing_id, title, start, end, meetings, classification, draft, errors, message = row
    # Ten thousand of these make the library's first frame: no JSON parsing for the usual "no errors".
    return BookSummary(
        Path(str(path)), str(briefing_id), str(title),
        iso_date(start), iso_date(end), int(meetings), str(classification), bool(draft),  # type: ignore[call-overload]
        tuple(json.loads(str(errors))) if errors != "[]" else (), str(message),
    )
