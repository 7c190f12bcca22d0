"""`load_book`: the book and the digest of exactly the text it was validated from (the version the
reader's state is kept for)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefing.loading import load_book, load_briefing
from tests.books import overnight_edit, sample_copy


def test_the_digest_is_that_of_the_files_text_and_follows_its_edits(tmp_path: Path) -> None:
    path = sample_copy(tmp_path / "book")
    book = load_book(path)
    assert book.digest == hashlib.sha256(path.read_bytes()).hexdigest()
    assert book.briefing == load_briefing(path)
    assert load_book(path).digest == book.digest
    sample_copy(tmp_path / "book", overnight_edit)
    assert load_book(path).digest != book.digest
