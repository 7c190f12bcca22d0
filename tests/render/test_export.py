"""export_summary: every meeting, session, figure and quote in every format; widths; selections; golden files.

Golden files: after a deliberate change to the layout or the sample, regenerate them with
`UPDATE_GOLDEN=1 /work/.venv/bin/pytest tests/render/test_export.py`, read the diff by eye, commit.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from briefing.model import Briefing
from briefing.render import (
    EXPORT_FORMATS,
    FORMAT_SUFFIXES,
    UnknownMeetingError,
    export_summary,
    summary_renderable,
)
from briefing.render.export import OFFLINE_SVG_FORMAT
from tests.render.conftest import briefing_items
from tests.render.formats import searchable, shows
from tests.render.html_check import check_html

GOLDEN = Path(__file__).parent / "golden"
WIDE = 1000
"""Wide enough that nothing wraps, so every string can be searched for whole in terminal formats."""


@pytest.mark.parametrize("format", EXPORT_FORMATS)
@pytest.mark.parametrize("which", ["small_briefing", "sample_briefing"])
def test_every_meeting_session_figure_and_quote_is_shown(
    format: str, which: str, request: pytest.FixtureRequest
) -> None:
    briefing: Briefing = request.getfixturevalue(which)
    output = export_summary(briefing, format, width=WIDE)
    missing = [
        (kind, text) for kind, texts in briefing_items(briefing).items() for text in texts
        if not shows(output, format, text)
    ]
    assert not missing
    assert shows(output, format, briefing.classification)


@pytest.mark.parametrize("format", EXPORT_FORMATS)
def test_marking_is_at_the_top_and_the_bottom(format: str, sample_briefing: Briefing) -> None:
    output = export_summary(sample_briefing, format, width=WIDE)
    assert searchable(output, format).count("UNCLASSIFIED – PUBLIC") >= 2
    lines = [line for line in output.splitlines() if line.strip()]
    if format in ("text", "markdown"):
        assert "UNCLASSIFIED – PUBLIC" in "".join(lines[:3])
        assert "UNCLASSIFIED – PUBLIC" in "".join(lines[-3:])


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("which", ["small_briefing", "sample_briefing", "hostile_briefing"])
def test_text_lines_fit_the_width(width: int, which: str, request: pytest.FixtureRequest) -> None:
    output = export_summary(request.getfixturevalue(which), "text", width=width)
    too_long = [line for line in output.splitlines() if cell_len(line) > width]
    assert not too_long


@pytest.mark.parametrize("format", EXPORT_FORMATS)
@pytest.mark.parametrize("which", ["small_briefing", "sample_briefing"])
def test_no_quotes_leaves_out_quotes_and_their_appendix(
    format: str, which: str, request: pytest.FixtureRequest
) -> None:
    briefing: Briefing = request.getfixturevalue(which)
    output = export_summary(briefing, format, include_quotes=False, width=WIDE)
    seen = searchable(output, format)
    assert "Appendix: quotes" not in seen
    assert " Quotes " not in seen
    assert "— Sophie Wilmès, Deputy Prime Minister and Minister of Foreign Affairs (¶" not in seen
    assert shows(output, format, briefing_items(briefing)["figure"][0])
    if which == "small_briefing":  # the sample's source passages hold its quotes, so only here
        for quote in briefing_items(briefing)["quote"]:
            assert not shows(output, format, quote)


def test_meeting_selection_shows_only_those_meetings(small_briefing: Briefing) -> None:
    output = export_summary(small_briefing, "text", meeting_ids=["fac-2022-04-11"], width=WIDE)
    assert "EU Foreign Affairs Council" in output
    assert "NATO Foreign Ministers' Meeting" not in output
    assert "Session with partners" not in output
    assert "North Atlantic Treaty Organization" not in output  # who's who follows the selection
    assert "Josep Borrell" in output


def test_unknown_meeting_id_lists_the_valid_ones(small_briefing: Briefing) -> None:
    with pytest.raises(UnknownMeetingError) as raised:
        export_summary(small_briefing, "text", meeting_ids=["fac-2022-04-11", "nope"])
    assert raised.value.unknown_ids == ("nope",)
    assert "nato-ministerial" in str(raised.value) and "fac-2022-04-11" in str(raised.value)


def test_unknown_format_and_tiny_width_are_refused(small_briefing: Briefing) -> None:
    with pytest.raises(ValueError, match="pdf"):
        export_summary(small_briefing, "pdf")
    with pytest.raises(ValueError, match="narrow"):
        export_summary(small_briefing, "text", width=5)


def test_every_format_has_a_suffix() -> None:
    assert set(FORMAT_SUFFIXES) == set(EXPORT_FORMATS)
    assert FORMAT_SUFFIXES["markdown"] == ".md" and FORMAT_SUFFIXES["html"] == ".html"


def test_html_is_strict_self_contained_and_print_ready(sample_briefing: Briefing) -> None:
    output = export_summary(sample_briefing, "html")
    checker = check_html(output)
    tags = {tag for tag, _ in checker.elements}
    assert not tags & {"script", "img", "link", "iframe", "object", "embed"}
    assert "url(" not in output and "@import" not in output
    html_element = next(attrs for tag, attrs in checker.elements if tag == "html")
    assert html_element["lang"] == "en"
    assert '<meta charset="utf-8" />' in output
    assert "break-before: page" in output
    meetings = [attrs for tag, attrs in checker.elements if tag == "section" and attrs["class"] == "meeting"]
    assert [attrs["id"] for attrs in meetings] == [f"meeting-{m.id}" for m in sample_briefing.meetings]


def test_svg_reaches_for_no_web_font(sample_briefing: Briefing) -> None:
    assert "@font-face" not in OFFLINE_SVG_FORMAT
    output = export_summary(sample_briefing, "svg", width=80)
    without_comments = re.sub(r"<!--.*?-->", "", output, flags=re.DOTALL)
    assert "https://" not in without_comments
    assert without_comments.count("http://") == 1  # the SVG namespace, which is a name, not a fetch
    assert not re.search(r"url\((?!#)", without_comments)  # only references to its own clip paths


def test_renderable_prints_like_the_text_export(small_briefing: Briefing) -> None:
    console = Console(width=70, record=True, color_system=None, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(summary_renderable(small_briefing))
    printed = "\n".join(line.rstrip() for line in console.export_text().splitlines())
    assert printed.strip() == export_summary(small_briefing, "text", width=70).strip()


@pytest.mark.parametrize(
    ("format", "name", "brief"),
    [("text", "sample-80.txt", False), ("markdown", "sample.md", False),
     ("text", "sample-brief-80.txt", True), ("markdown", "sample-brief.md", True)],
)
def test_sample_matches_the_golden_file(format: str, name: str, brief: bool, sample_briefing: Briefing) -> None:
    output = export_summary(sample_briefing, format, width=80, brief=brief)
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8"), (
        f"{name} differs; if the change is intended: UPDATE_GOLDEN=1 pytest {__file__}, then review the diff"
    )
