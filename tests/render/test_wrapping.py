"""Line layout of terminal exports: wrapping in cells, the fast path agreeing with the general one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.segment import Segment

from briefing.model import Briefing
from briefing.render import export_summary, wrapping
from briefing.render.export import ExportTooLargeError
from briefing.render.wrapping import line_breaks, wrap

WORDS = st.lists(st.sampled_from(["a", "bb", "Wilmès", "“quoted”", "–", "(¶3)", "x" * 30, "中文字", "e\u0301"]),
                 max_size=25)


def general_breaks(text: str, width: int) -> list[tuple[int, int]]:
    """line_breaks with the fast path turned off."""
    saved = wrapping._OTHER_SPACE
    wrapping._OTHER_SPACE = re.compile(r"[\s\S]")
    try:
        return line_breaks(text, width)
    finally:
        wrapping._OTHER_SPACE = saved


@settings(max_examples=300, deadline=None)
@given(words=WORDS, spaces=st.lists(st.integers(1, 3), max_size=25), width=st.integers(1, 40))
def test_fast_path_breaks_lines_where_the_general_path_does(words: list[str], spaces: list[int], width: int) -> None:
    text = "".join(word + " " * (spaces[i] if i < len(spaces) else 1) for i, word in enumerate(words))
    assert line_breaks(text, width) == general_breaks(text, width)


@settings(max_examples=200, deadline=None)
@given(words=WORDS, width=st.integers(2, 40))
def test_no_line_is_wider_than_the_width_and_no_word_is_lost(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap([Segment(text)], width)
    assert all(cell_len("".join(s.text for s in line)) <= width for line in lines)
    assert "".join("".join(s.text for s in line) for line in lines).replace(" ", "") == text.replace(" ", "")


def test_styles_follow_their_text_across_a_line_break() -> None:
    bold, dim = object(), object()
    lines = wrap([Segment("one two ", bold), Segment("three four", dim)], 10)  # type: ignore[arg-type]
    assert [[(s.text, s.style) for s in line] for line in lines] == [
        [("one two", bold)], [("three four", dim)],
    ]


def test_line_breaks_in_the_text_are_kept() -> None:
    assert [("".join(s.text for s in line)) for line in wrap([Segment("a b\n\nc")], 10)] == ["a b", "", "c"]


def test_progress_is_reported_up_to_the_end(sample_briefing: Briefing) -> None:
    calls: list[tuple[int, int]] = []
    export_summary(sample_briefing, "text", progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1] and [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_an_svg_too_tall_to_view_is_refused(sample_briefing: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefing.render.export.MAX_SVG_LINES", 50)
    with pytest.raises(ExportTooLargeError, match="--meeting"):
        export_summary(sample_briefing, "svg")


@pytest.mark.parametrize("width", range(3, 40))
def test_a_word_folded_around_an_emoji_with_a_variation_selector_fits_its_lines(width: int) -> None:
    # Found by the render fuzz test: "🏳" is one cell, "🏳" + U+FE0F two; a long word holding it was cut
    # by adding up single characters, and its line came out one cell too wide.
    text = "before \U0001F3F3\uFE0F<U+200D>\U0001F308<U+202A><U+202B><U+202C>evilAsia-Pacific after"
    lines = [text[start:end] for start, end in wrapping.line_breaks(text, width)]
    assert all(cell_len(line) <= width for line in lines), [line for line in lines if cell_len(line) > width]
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
