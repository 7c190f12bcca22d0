"""Snippets: a window around the best matches, cut at spaces, with ellipses and spans carried over."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing.search import compile_query, make_snippet
from briefing.search.snippets import ELLIPSIS, SNIPPET_WIDTH

WORDS = st.sampled_from(["Mali", "Sahel", "the", "Court’s", "Wilmès", "peace", "war", "and", "Asia-Pacific", "\n"])


def test_window_goes_to_the_densest_cluster_of_matches() -> None:
    text = "Mali once. " + "filler words here. " * 20 + "Mali and Mali and Mali." + " more filler." * 20
    spans = compile_query("mali").spans(text)
    snippet = make_snippet(text, spans)
    assert sum(1 for start, end in snippet.spans if snippet.text[start:end] == "Mali") == 3


def test_cut_only_at_spaces() -> None:
    text = " ".join(["alpha"] * 60) + " target " + " ".join(["omega"] * 60)
    snippet = make_snippet(text, compile_query("target").spans(text))
    inner = snippet.text.removeprefix(ELLIPSIS).removesuffix(ELLIPSIS)
    assert inner.split(" ")[0] == "alpha" and inner.split(" ")[-1] == "omega"


def test_no_spans_gives_the_start_of_the_text() -> None:
    text = "word " * 100
    snippet = make_snippet(text, [])
    assert snippet.text.startswith("word") and snippet.cut_end and not snippet.cut_start
    assert snippet.spans == ()


@given(
    st.lists(WORDS, min_size=1, max_size=200).map(" ".join),
    st.sampled_from(["mali", "the", "asia-pacific", "wilmes"]),
)
def test_snippet_spans_show_the_same_characters_as_the_text_spans(text: str, query: str) -> None:
    spans = compile_query(query).spans(text)
    snippet = make_snippet(text, spans)
    assert snippet.text.startswith(ELLIPSIS) == snippet.cut_start
    assert snippet.text.endswith(ELLIPSIS) == snippet.cut_end
    assert "\n" not in snippet.text
    assert len(snippet.text) <= SNIPPET_WIDTH + 2 or not spans
    shown = [snippet.text[start:end] for start, end in snippet.spans]
    originals = [text[start:end].replace("\n", " ") for start, end in spans]
    for piece in shown:
        assert any(piece in original for original in originals)
    if spans:
        assert snippet.spans, "the best match is always in the snippet"
