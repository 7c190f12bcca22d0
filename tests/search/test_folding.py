"""Folding rules, and the way back from folded offsets to original offsets."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.search import FoldedText, fold
from briefing.search.folding import TOKEN, index_form


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Wilmès", "wilmes"),
        ("WILMÈS", "wilmes"),
        ("Court’s", "court's"),
        ("Court‘s", "court's"),
        ("Courtʼs", "court's"),
        ("“Women, Peace and Security”", '"women, peace and security"'),
        ("Asia–Pacific — war", "asia-pacific - war"),
        ("Asia‑Pacific", "asia-pacific"),
        ("Straße", "strasse"),
        ("ﬁnal", "final"),
        ("Ｗｉｄｅ", "wide"),
        ("İstanbul", "istanbul"),
        ("Ελλάδα", "ελλαδα"),
        ("Łódź", "łodz"),
    ],
)
def test_fold_rules(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_nfc_and_nfd_fold_alike() -> None:
    word = "Wilmès Bucha Kyiv Curaçao Ålesund"
    assert fold(unicodedata.normalize("NFD", word)) == fold(unicodedata.normalize("NFC", word))


def test_hyphenated_words_are_two_tokens() -> None:
    assert TOKEN.findall(fold("Asia-Pacific partners")) == TOKEN.findall(fold("asia pacific partners"))
    assert TOKEN.findall(fold("Asia-Pacific partners")) == ["asia", "pacific", "partners"]


@given(st.text())
def test_index_form_splits_like_token_under_the_ascii_tokenizer(text: str) -> None:
    # FTS5's `ascii` tokenizer splits on ASCII characters other than letters and digits only.
    assert re.findall(r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+", index_form(text)) == TOKEN.findall(fold(text))


@given(st.text())
def test_fold_is_per_character(text: str) -> None:
    # The offset mapping relies on this: the fold of a text is the folds of its characters, joined.
    assert fold(text) == FoldedText.of(text).folded


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_every_folded_token_maps_back_to_an_original_piece_that_folds_to_it(text: str) -> None:
    folded = FoldedText.of(text)
    for match in TOKEN.finditer(folded.folded):
        start, end = folded.original_span(*match.span())
        assert 0 <= start < end <= len(text)
        assert match.group() in fold(text[start:end])


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Sophie Wilmès said", "wilmes", "Wilmès"),
        (unicodedata.normalize("NFD", "Sophie Wilmès said"), "wilmes", unicodedata.normalize("NFD", "Wilmès")),
        ("die Straße hier", "strasse", "Straße"),
        ("a ﬁne day", "fine", "ﬁne"),
        ("the Court’s work", "court", "Court"),
        ("İstanbul x", "istanbul", "İstanbul"),
    ],
)
def test_spans_cover_exactly_the_original_word(text: str, word: str, expected: str) -> None:
    folded = FoldedText.of(text)
    start = folded.folded.index(word)
    original_start, original_end = folded.original_span(start, start + len(word))
    assert text[original_start:original_end] == expected
