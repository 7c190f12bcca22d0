"""The library index: every book's rows in one FTS5 index on disk, kept current book by book.

`refresh()` compares each book file's size and modification time (then its hash) with what was
indexed: changed books are re-indexed, new ones added, removed ones dropped. It reports progress,
can be cancelled between two books (what was committed stays valid), and holds the lock only while
writing, so searches answer while it runs. Searching is `briefing.search`'s own (`FullTextIndex`):
same query language, ranking, spans and snippets; hits also say which book they come from.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.files import read_bounded
from briefing.library.discovery import BookSummary, FileStamp, book_paths, content_hash, read_book, stamp_of
from briefing.library.paths import index_path
from briefing.library.store import open_store, remove_store
from briefing.loading.loader import max_bytes_from_environment
from briefing.model import Briefing
from briefing.search.documents import IndexedItem, briefing_items
from briefing.search.index import TIERS, FullTextIndex, SearchHit, SearchResults, index_row
from briefing.search.query import CompiledQuery, compile_query

TIER_SHIFT = 40
"""A row's rowid is its tier (titles, quotes, the rest) shifted by this, plus a running number: rowid
order is then tier order, which is how the unranked hits of a very common word come (see TIERS)."""

BATCH_SECONDS = 0.05
"""Longest a refresh holds the write lock before committing and letting a search in."""

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
    cancelled: bool = False
    seconds: float = 0.0
    changed_paths: list[Path] = field(default_factory=list)

    def describe(self, *, timing: bool = True) -> str:
        text = (
            f"{self.added} added, {self.changed} re-indexed, {self.removed} removed, "
            f"{self.unchanged} unchanged" + (f" ({self.seconds:.2f} s)" if timing else "")
        )
        return text + ("; stopped before the end" if self.cancelled else "")


class LibraryIndex(FullTextIndex):
    """The index of one library folder, on disk at `index_file` (or in memory, see `message`)."""

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
                "SELECT path, briefing_id, title, start, end, meetings, classification, draft, errors, message "
                "FROM books ORDER BY path"
            ).fetchall()
        return [_summary(row) for row in rows]

    def book(self, path: str | Path) -> BookSummary | None:
        with self._lock:
            row = self._connection.execute(
                "SELECT path, briefing_id, title, start, end, meetings, classification, draft, errors, message "
                "FROM books WHERE path = ?", (str(path),)
            ).fetchone()
        return _summary(row) if row else None

    def titles(self, hit: LibraryHit) -> tuple[str | None, str | None]:
        """Titles of the meeting and the session a hit lives in, from the index (the book is not read)."""
        with self._lock:
            found = dict(self._connection.execute(
                "SELECT r.kind, r.text FROM rows r JOIN books b ON b.id = r.book WHERE b.path = ? "
                "AND r.col = 'heading' AND ((r.kind = 'meeting' AND r.item_id = ?) "
                "OR (r.kind = 'session' AND r.item_id = ?))",
                (hit.book_path, hit.meeting_id or "", hit.session_id or ""),
            ).fetchall())
        return found.get("meeting"), found.get("session")

    def row_count(self) -> int:
        with self._lock:
            return int(self._connection.execute("SELECT count(*) FROM rows").fetchone()[0])

    def search_library(self, query: str, limit: int = 50, as_you_type: bool = False) -> LibraryResults:
        """The `limit` best hits across books, and the same hits grouped by book; may raise `QueryError`."""
        return self.search_library_compiled(compile_query(query, as_you_type=as_you_type), limit)

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
                "SELECT path, briefing_id, title, start, end, meetings, classification, draft, errors, message "
                f"FROM books WHERE path IN ({marks})", paths
            ).fetchall()
        return {str(row[0]): _summary(row) for row in rows}

    def _items_of(self, rowids: list[int]) -> dict[int, IndexedItem]:
        if not rowids:
            return {}
        marks = ", ".join("?" for _ in rowids)
        found = self._connection.execute(
            "SELECT r.rowid, r.meeting_id, r.session_id, r.kind, r.item_id, r.text, r.label, r.col, r.extras, "
            f"b.briefing_id, b.path FROM rows r JOIN books b ON b.id = r.book WHERE r.rowid IN ({marks})",
            rowids,
        ).fetchall()
        return {
            rowid: LibraryItem(
                briefing_id, meeting, session, kind, item, text, label, column, _extras_of(extras),
                book_path=path,
            )
            for rowid, meeting, session, kind, item, text, label, column, extras, briefing_id, path in found
        }

    def _hit(self, rowid: int, item: IndexedItem, score: float, compiled: CompiledQuery) -> SearchHit:
        hit = super()._hit(rowid, item, score, compiled)
        return LibraryHit(
            hit.briefing_id, hit.meeting_id, hit.session_id, hit.kind, hit.item_id, hit.score, hit.text,
            hit.spans, hit.snippet, hit.label, book_path=getattr(item, "book_path", ""),
        )

    # Writing -------------------------------------------------------------------------------------------

    def refresh(
        self, progress: ProgressCallback | None = None, cancelled: Callable[[], bool] | None = None
    ) -> RefreshReport:
        """Bring the index in line with the library folder; see the module's docstring."""
        began = time.perf_counter()
        report = RefreshReport()
        files = book_paths(str(self.library), checked=False)
        with self._lock:
            known = {
                path: (book_id, FileStamp(size, mtime_ns), digest)
                for book_id, path, size, mtime_ns, digest in self._connection.execute(
                    "SELECT id, path, size, mtime_ns, hash FROM books"
                )
            }
        if cancelled is not None and cancelled():  # the app quit while the folder was being listed
            report.cancelled = True
            return report
        present = set(files)
        gone = [known[path][0] for path in known if path not in present]
        writer = _BatchWriter(self)
        for book_id in gone:
            writer.run(lambda book_id=book_id: self._delete_book(book_id))
            report.removed += 1
        for done, path in enumerate(files):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            self._refresh_one(path, known.get(path), writer, report)
            if progress is not None:
                progress(done + 1, len(files))
        writer.finish()
        if report.added or report.changed or report.removed:
            with self._lock:
                self._vocabulary = None  # typo suggestions come from the words of the books as they are now
        report.seconds = time.perf_counter() - began
        return report

    def _refresh_one(
        self, path: str, known: tuple[int, FileStamp, str] | None, writer: _BatchWriter, report: RefreshReport
    ) -> None:
        stamp = stamp_of(path)
        if stamp is None:
            if known is not None:  # gone since it was indexed (or a folder that holds no book)
                writer.run(lambda: self._delete_book(known[0]))
                report.removed += 1
            return
        if known is not None and known[1] == stamp:
            report.unchanged += 1
            return
        try:
            # Bounded, and never blocking on a FIFO someone dropped into the library folder.
            digest = content_hash(read_bounded(path, max_bytes_from_environment()))
        except OSError:
            digest = ""  # read_book says what is wrong with it
        if known is not None and digest and known[2] == digest:
            writer.run(lambda: self._connection.execute(
                "UPDATE books SET size = ?, mtime_ns = ? WHERE id = ?", (stamp.size, stamp.mtime_ns, known[0])
            ))
            report.unchanged += 1
            return
        summary, briefing = read_book(Path(path))
        writer.run(lambda: self._store_book(known[0] if known else None, summary, briefing, stamp, digest))
        if known is None:
            report.added += 1
        else:
            report.changed += 1
        report.changed_paths.append(Path(path))

    def _store_book(
        self, old_id: int | None, summary: BookSummary, briefing: Briefing | None, stamp: FileStamp, digest: str
    ) -> None:
        connection = self._connection
        if old_id is not None:
            self._delete_book(old_id)
        book_id = connection.execute(
            "INSERT INTO books (path, size, mtime_ns, hash, briefing_id, title, start, end, meetings, "
            "classification, draft, errors, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(summary.path), stamp.size, stamp.mtime_ns, digest, summary.briefing_id, summary.title,
             _iso(summary.start), _iso(summary.end), summary.meetings, summary.classification, int(summary.draft),
             json.dumps(summary.errors, ensure_ascii=False), summary.message),
        ).lastrowid
        if briefing is not None:
            self._insert_rows(book_id, list(briefing_items(briefing)))

    def _insert_rows(self, book_id: int, items: list[IndexedItem]) -> None:
        connection = self._connection
        counter = connection.execute("SELECT value FROM counters WHERE name = 'row'").fetchone()
        first = counter[0] if counter else 0
        rowids = [
            (TIERS.get(item.column, len(TIERS)) << TIER_SHIFT) | (first + number)
            for number, item in enumerate(items)
        ]
        connection.execute(
            "INSERT OR REPLACE INTO counters (name, value) VALUES ('row', ?)", (first + len(items),)
        )
        connection.executemany(
            "INSERT INTO rows (rowid, book, meeting_id, session_id, kind, item_id, text, label, col, extras) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (rowid, book_id, item.meeting_id, item.session_id, item.kind, item.item_id, item.text,
                 item.label, item.column, _extras_text(item.extras))
                for rowid, item in zip(rowids, items, strict=True)
            ],
        )
        connection.executemany(
            "INSERT INTO items (rowid, heading, quote, body, extra) VALUES (?, ?, ?, ?, ?)",
            [index_row(rowid, item) for rowid, item in zip(rowids, items, strict=True)],
        )

    def _delete_book(self, book_id: int) -> None:
        connection = self._connection
        rows = connection.execute(
            "SELECT rowid, text, col, extras FROM rows WHERE book = ?", (book_id,)
        ).fetchall()
        # A contentless FTS5 table forgets a row when told the exact values it indexed.
        connection.executemany(
            "INSERT INTO items (items, rowid, heading, quote, body, extra) VALUES ('delete', ?, ?, ?, ?, ?)",
            [
                index_row(rowid, IndexedItem("", None, None, "", "", text, "", column, _extras_of(extras)))
                for rowid, text, column, extras in rows
            ],
        )
        connection.execute("DELETE FROM rows WHERE book = ?", (book_id,))
        connection.execute("DELETE FROM books WHERE id = ?", (book_id,))


class _BatchWriter:
    """Writes in transactions of at most BATCH_SECONDS, so that searches get the lock in between."""

    def __init__(self, index: LibraryIndex) -> None:
        self.index = index
        self.began: float | None = None

    def run(self, write: Callable[[], object]) -> None:
        index = self.index
        if self.began is None:
            index._lock.acquire()
            index._connection.execute("BEGIN IMMEDIATE")
            self.began = time.perf_counter()
        try:
            write()
        except BaseException:
            index._connection.execute("ROLLBACK")
            self.began = None
            index._lock.release()
            raise
        if time.perf_counter() - self.began > BATCH_SECONDS:
            self.finish()

    def finish(self) -> None:
        if self.began is None:
            return
        try:
            self.index._connection.execute("COMMIT")
        finally:
            self.began = None
            self.index._lock.release()


def _extras_text(extras: tuple[str, ...]) -> str:
    # Most rows have no extras: an empty string spares a JSON encoding per row (a tenth of a build).
    return json.dumps(extras, ensure_ascii=False) if extras else ""


def _extras_of(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text)) if text else ()


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _summary(row: tuple[object, ...]) -> BookSummary:
    path, briefing_id, title, start, end, meetings, classification, draft, errors, message = row
    # Ten thousand of these make the library's first frame: no JSON parsing for the usual "no errors".
    return BookSummary(
        Path(str(path)), str(briefing_id), str(title),
        _date(start), _date(end), int(meetings), str(classification), bool(draft),  # type: ignore[call-overload]
        tuple(json.loads(str(errors))) if errors != "[]" else (), str(message),
    )


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None
