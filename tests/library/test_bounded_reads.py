"""`briefing add` and the library index read every file bounded: no FIFO waited on, no link followed out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.library import LibraryIndex
from briefing.library.adding import add_book
from tests.library.conftest import write_book


def test_add_without_source_check_skips_a_source_that_is_a_fifo(tmp_path: Path) -> None:
    incoming = write_book(tmp_path / "in", "moldova", "x")
    source = incoming.parent / "sources" / "release.txt"
    source.unlink()
    os.mkfifo(source)
    added = add_book(incoming, tmp_path / "lib", source_check=False)  # would hang on a blocking read
    assert added.missing_sources == ("sources/release.txt",)
    assert not (tmp_path / "lib" / "moldova" / "sources" / "release.txt").exists()


def test_add_never_copies_a_source_through_a_link_leading_out(tmp_path: Path) -> None:
    incoming = write_book(tmp_path / "in", "moldova", "x")
    secret = tmp_path / "secret.txt"
    secret.write_text("not part of the book", encoding="utf-8")
    source = incoming.parent / "sources" / "release.txt"
    source.unlink()
    source.symlink_to(secret)
    added = add_book(incoming, tmp_path / "lib", source_check=False)
    assert added.missing_sources == ("sources/release.txt",)
    copied = tmp_path / "lib" / "moldova" / "sources" / "release.txt"
    assert not copied.exists()


def test_add_refuses_a_source_text_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefing.library.adding.MAX_SOURCE_BYTES", 10)
    incoming = write_book(tmp_path / "in", "moldova", "x")
    added = add_book(incoming, tmp_path / "lib", source_check=False)
    assert added.missing_sources == ("sources/release.txt",)


def test_add_copies_the_book_and_its_sources_byte_for_byte(tmp_path: Path) -> None:
    incoming = write_book(tmp_path / "in", "moldova", "x")
    added = add_book(incoming, tmp_path / "lib")
    assert added.path.read_bytes() == incoming.read_bytes()
    copied = added.path.parent / "sources" / "release.txt"
    assert copied.read_bytes() == (incoming.parent / "sources" / "release.txt").read_bytes()


def test_the_index_reads_a_book_over_the_size_limit_as_an_error_not_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library"
    write_book(library, "alpha", "sanctions on Moldova")
    monkeypatch.setenv("BRIEFING_MAX_BYTES", "100")
    index = LibraryIndex.open(library)
    index.refresh()
    (book,) = index.books()
    assert not book.is_valid and "over the limit" in book.first_error
