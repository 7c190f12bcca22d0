"""The library: a folder of briefing books, listed, checked, and searched across with one on-disk index.

No UI here: `briefing list/index/add/search --library` and the app's library screen use this package.
"""

from briefing.library.discovery import BOOK_FILE, BookSummary, book_files, read_book, sort_newest_first
from briefing.library.index import BookHits, LibraryHit, LibraryIndex, LibraryResults, RefreshReport
from briefing.library.paths import LIBRARY_VARIABLE, cache_dir, default_library_dir, index_path, library_dir

__all__ = [
    "BOOK_FILE",
    "LIBRARY_VARIABLE",
    "BookHits",
    "BookSummary",
    "LibraryHit",
    "LibraryIndex",
    "LibraryResults",
    "RefreshReport",
    "book_files",
    "cache_dir",
    "default_library_dir",
    "index_path",
    "library_dir",
    "read_book",
    "sort_newest_first",
]
