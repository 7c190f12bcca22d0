"""Random valid briefings, hostile text included: every export works and is inert; search and loading hold.

The briefings come from `tests.hardening.strategies.briefings`. For each one, every format of
`export_summary` must succeed and carry nothing a terminal, browser or Markdown reader would act on;
the search index built from it answers any query with results or a `QueryError`; and the loader
reads back exactly what `model_dump_json` wrote.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing.loading import parse_briefing
from briefing.model import Briefing, iter_items
from briefing.render import EXPORT_FORMATS, export_summary, safe_text
from briefing.search import QueryError, SearchIndex
from tests.hardening.strategies import ANY_CHARACTER, briefings
from tests.render.html_check import check_html

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
"""Each example renders five formats; 40 keeps the whole hardening fuzz suite well under a minute."""

WIDTHS = (60, 80, 120)

SGR = re.compile(r"\x1b\[[0-9;]*m")
"""Select Graphic Rendition (colours and text styles): the only escape sequences Rich's ANSI export may hold."""

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
"""Characters no export may hold: C0 controls but newline and tab (NUL and ESC among them), DEL, C1
controls, and bidi embeddings, overrides and isolates."""

ACTIVE_ELEMENTS = frozenset({"script", "img", "iframe", "object", "embed", "link", "foreignObject", "a", "form"})
"""Elements that run code, load something or navigate: none may come from a briefing's text."""

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "background"})
"""Attributes a browser follows as URLs: a `javascript:` there runs (elsewhere, as in `lang`, it is only text)."""


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def forbidden_in(output: str) -> list[str]:
    return sorted({f"U+{ord(character):04X}" for character in FORBIDDEN.findall(output)})


def assert_no_active_markup(root: ElementTree.Element) -> None:
    for element in root.iter():
        assert local_name(element.tag) not in ACTIVE_ELEMENTS, element.tag
        handlers = [name for name in element.attrib if local_name(name).lower().startswith("on")]
        assert not handlers, (element.tag, handlers)
        for name, value in element.attrib.items():
            if local_name(name) in URL_ATTRIBUTES:
                assert "javascript:" not in value.lower(), (element.tag, name, value)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow  # a long fuzz tour (seconds of examples): `pytest -m slow` (and .ci/run) runs it
@FUZZ
@given(briefing=briefings(), width=st.sampled_from(WIDTHS))
def test_every_format_renders_inert_output(briefing: Briefing, width: int) -> None:
    outputs = {format: export_summary(briefing, format, width=width) for format in EXPORT_FORMATS}

    assert "\x1b" in outputs["ansi"], "the ANSI export is coloured"
    for format, output in outputs.items():
        if format == "ansi":
            output = SGR.sub("", output)
        assert forbidden_in(output) == [], format

    for format in ("text", "ansi"):
        too_long = [line for line in SGR.sub("", outputs[format]).split("\n") if cell_len(line) > width]
        assert too_long == [], format

    html = outputs["html"]
    assert "<script" not in html and "<img" not in html  # "onerror=" may stay, as escaped text
    check_html(html)
    assert_no_active_markup(ElementTree.fromstring(html.removeprefix("<!DOCTYPE html>\n")))
    html_text = squash("".join(ElementTree.fromstring(html.removeprefix("<!DOCTYPE html>\n")).itertext()))
    for meeting in briefing.meetings:
        assert squash(safe_text(meeting.title)) in html_text

    assert_no_active_markup(ElementTree.fromstring(outputs["svg"]))


@pytest.mark.slow  # a long fuzz tour (seconds of examples): `pytest -m slow` (and .ci/run) runs it
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefing=briefings(), data=st.data())
def test_a_selected_meeting_without_quotes_renders_inert_output(briefing: Briefing, data: st.DataObject) -> None:
    meeting = data.draw(st.sampled_from(briefing.meetings))
    for format in EXPORT_FORMATS:
        output = export_summary(briefing, format, meeting_ids=[meeting.id], include_quotes=False, width=80)
        if format == "ansi":
            output = SGR.sub("", output)
        assert forbidden_in(output) == [], format


QUERY_WORDS = ('"', "'", "-", "*", "OR", "AND", "NOT", "NEAR(", "NEAR", "(", ")", ":", "^", "+", "\\",
               "\x00", "\x1b[2J", "\u202e", "ministers", "ukraine", "[b]", "x" * 60)

QUERIES = st.one_of(
    st.text(alphabet=ANY_CHARACTER, max_size=40),
    st.lists(st.sampled_from(QUERY_WORDS), max_size=8).map(" ".join),
    st.lists(st.sampled_from(QUERY_WORDS), max_size=8).map("".join),
)
"""Anything a user can type, weighted towards the query language's own syntax."""


# Hypothesis, 3-4 s: under `slow`, which .ci/run also runs (the default run neared 150 s).
@pytest.mark.slow
@FUZZ
@given(briefing=briefings(), queries=st.lists(QUERIES, min_size=1, max_size=5), as_you_type=st.booleans())
def test_any_query_on_any_briefing_gives_results_or_a_query_error(
    briefing: Briefing, queries: list[str], as_you_type: bool
) -> None:
    index = SearchIndex.for_briefing(briefing)
    ids = {
        *(located.item.id for located in iter_items(briefing)),
        *(meeting.id for meeting in briefing.meetings),
        *(session.id for meeting in briefing.meetings for session in meeting.sessions),
        *(person.id for person in briefing.people),
        *(organisation.id for organisation in briefing.organisations),
    }
    try:
        for query in queries:
            try:
                results = index.search(query, as_you_type=as_you_type)
            except QueryError as error:
                assert error.message
                continue
            assert results.total >= len(results.hits)
            for hit in results.hits:
                assert hit.briefing_id == briefing.id
                assert hit.item_id in ids
                assert all(0 <= start < end <= len(hit.text) for start, end in hit.spans), (hit.text, hit.spans)
    finally:
        index.close()


@pytest.mark.slow  # a long fuzz tour (seconds of examples): `pytest -m slow` (and .ci/run) runs it
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefing=briefings())
def test_the_loader_reads_back_what_the_model_writes(briefing: Briefing) -> None:
    assert parse_briefing(Path("x.json"), briefing.model_dump_json()) == briefing
    assert parse_briefing(Path("x.json"), briefing.model_dump_json(indent=2)) == briefing
