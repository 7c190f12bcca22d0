"""The hostile-payload matrix (issue 9): every category of the one inventory (tests/hostile.py) through
every output — the screen, the clipboard, every export format, `search` and `search --json`, and the
messages that quote a file name, a field name, a query or a meeting id.

The rule is the same everywhere: nothing that `safe_text` neutralises reaches the output raw (no C0
or C1 control, bidi, invisible, tag, separator or non-character), markup stays literal, HTML and SVG
stay well-formed XML without elements from the text, Markdown gets no link, image or script, and
the visible words around each payload survive.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from rich.console import Console

from briefing.cli import main
from briefing.cli.search_command import hit_record, print_hits
from briefing.model import Briefing, BriefingLookup
from briefing.render import EXPORT_FORMATS, export_summary
from briefing.render.citation import quote_citation
from briefing.render.safety import NEUTRALISED, clipboard_text, safe_json
from briefing.search import SearchIndex, compile_query
from tests.factories import minimal_briefing_dict
from tests.hostile import (
    EVERY_PAYLOAD,
    HOSTILE_CATEGORIES,
    LONE_SURROGATE_NAME,
    VISIBLE_AFTER,
    VISIBLE_BEFORE,
    file_name_safe,
    wrapped,
)

CATEGORIES = list(HOSTILE_CATEGORIES)
TAG = re.compile(r"<([a-z][a-z0-9]*)")
SGR = re.compile(r"\x1b\[[0-9;]*m")
"""The colour codes `ansi` output is made of: the only escape sequences any output may hold."""


def unsafe_in(text: str) -> list[str]:
    """The characters of `text` that should have been neutralised, as U+XXXX."""
    return sorted({f"U+{ord(c):04X}" for c in text if ord(c) in NEUTRALISED})


def hostile_data(payload: str) -> dict:
    data = minimal_briefing_dict(wrapped(payload))
    data["classification"] = f"SECRET {payload}"[:500]
    return data


def hostile_book(category: str) -> Briefing:
    return Briefing.model_validate(hostile_data(HOSTILE_CATEGORIES[category]))


# Every export ------------------------------------------------------------------------------------


@pytest.mark.parametrize("format", EXPORT_FORMATS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_every_export_is_inert(category: str, format: str) -> None:
    output = export_summary(hostile_book(category), format, width=100)
    plain = SGR.sub("", output) if format == "ansi" else output
    assert unsafe_in(plain) == [], f"{category} reached the {format} output raw"
    assert VISIBLE_BEFORE in output and VISIBLE_AFTER in output
    if format in ("html", "svg"):
        root = ET.fromstring(output.removeprefix("<!DOCTYPE html>"))  # well-formed XML, U+FFFE and all
        tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
        assert not tags & {"script", "img", "iframe", "object"}, tags
        handlers = [name for element in root.iter() for name in element.attrib if name.lower().startswith("on")]
        assert handlers == []
    if format == "markdown":
        # Rendered by GitHub's own GFM parser, the hostile book has exactly the elements of a plain one.
        cmarkgfm = pytest.importorskip("cmarkgfm")
        plain_book = export_summary(Briefing.model_validate(hostile_data("plain")), format, width=100)
        elements = Counter(TAG.findall(cmarkgfm.github_flavored_markdown_to_html(output)))
        assert elements == Counter(TAG.findall(cmarkgfm.github_flavored_markdown_to_html(plain_book))), category


# search and search --json --------------------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_search_output_and_json_are_inert_and_json_keeps_the_data(category: str) -> None:
    briefing = hostile_book(category)
    index = SearchIndex.for_briefing(briefing)
    compiled = compile_query("before after")
    results = index.search_compiled(compiled, limit=50)
    assert results.hits, "every item holds the two visible words"
    lookup = BriefingLookup(briefing)
    for hit in results.hits:
        record = hit_record(hit, lookup)
        line = safe_json(json.dumps(record, ensure_ascii=False))
        assert unsafe_in(line) == [], f"{category} reached search --json raw"
        assert json.loads(line) == record, "escaping must not change the data"
    stream = io.StringIO()
    print_hits(results, compiled, lookup, Console(file=stream, force_terminal=True, width=100, highlight=False))
    assert unsafe_in(SGR.sub("", stream.getvalue())) == []


# The clipboard -------------------------------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_clipboard_gets_nothing_that_acts_when_pasted(category: str) -> None:
    copied = clipboard_text(quote_citation(BriefingLookup(hostile_book(category)), "q1"))
    assert unsafe_in(copied) == [] and not {"\n", "\r", "\t", "\x1b"} & set(copied)
    assert VISIBLE_BEFORE in copied and VISIBLE_AFTER in copied


# Messages ------------------------------------------------------------------------------------------


def command(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    with contextlib.suppress(SystemExit):  # argparse's usage errors
        main(list(arguments))
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.parametrize("category", CATEGORIES)
def test_messages_quoting_a_file_name_a_field_a_query_or_an_id_are_inert(
    category: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = HOSTILE_CATEGORIES[category]
    name = tmp_path / (file_name_safe(payload)[:60] + ".json")
    name.write_text(json.dumps({**minimal_briefing_dict(), payload: 1}), encoding="utf-8")  # unknown field
    outputs = {
        "load error (file name, field name)": command(capsys, "validate", str(name)),
        "search query": command(capsys, "search", payload, str(tmp_path / "none.json")),
        "unknown --meeting": command(capsys, "print", "--meeting", payload, "--format", "text"),
        "--output name": command(capsys, "print", "-o", str(tmp_path / (file_name_safe(payload)[:60] + ".txt"))),
        "argparse": command(capsys, "print", "--format", payload),
    }
    for what, output in outputs.items():
        assert output, what
        assert unsafe_in(output) == [], f"{category} reached a message raw: {what}"


def test_a_file_name_that_is_not_utf8_is_shown_with_visible_escapes(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / LONE_SURROGATE_NAME
    try:
        path.write_text("{", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    output = command(capsys, "validate", str(path))
    assert "caf<U+DCE9> <U+DCFF>.json" in output and unsafe_in(output) == []


def test_a_lone_surrogate_in_a_briefing_is_refused_with_a_clear_message(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(minimal_briefing_dict()).replace('"Test book', '"Test \\ud800 book', 1)
    (tmp_path / "book.json").write_text(text, encoding="utf-8")
    output = command(capsys, "validate", "--no-source-check", str(tmp_path / "book.json"))
    assert "book.json: is not a valid briefing" in output and "line 1" in output
    assert "Traceback" not in output and unsafe_in(output) == []


# The screen ----------------------------------------------------------------------------------------


async def tour_is_inert(book: Path, marking_word: str = "SECRET") -> str:
    """Open `book` in the app, visit every tab, copy a quote; return the clipboard. Fails on anything raw."""
    from briefing.tui.app import make_app
    from briefing.tui.widgets.quote_browser import QuoteBrowser

    app = make_app(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        for key in ("1", "2", "right_square_bracket", "j", "3", "4", "5"):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            for number, strip in enumerate(app.screen._compositor.render_strips()):
                text = "".join(segment.text for segment in strip)
                assert unsafe_in(text) == [], f"after {key!r}, screen line {number}: {text!r}"
        assert marking_word in "".join(segment.text for segment in app.screen._compositor.render_strips()[0])
        app.query_one(QuoteBrowser).focus()
        await pilot.pause()
        await pilot.press("y")  # copy what has the keyboard, with its citation
        await pilot.pause()
        assert app.clipboard, "y copied the quote"
        plain = str(app.clipboard)
        await pilot.press("Y")  # the same as Markdown: line breaks kept, still nothing that acts
        await pilot.pause()
        markdown = str(app.clipboard)
        assert markdown != plain and unsafe_in(markdown) == [] and not {"\r", "\x1b"} & set(markdown)
        return plain


async def test_the_screen_and_the_app_s_clipboard_with_every_category_at_once(tmp_path: Path) -> None:
    data = minimal_briefing_dict(wrapped(HOSTILE_CATEGORIES["c0-controls"]))
    categories = iter(CATEGORIES)
    # Short fields get one category each; the long prose fields get all of them.
    for path in (("title",), ("meetings", 0, "title"), ("meetings", 0, "place"), ("people", 0, "name"),
                 ("people", 0, "role"), ("organisations", 0, "name"), ("meetings", 0, "sessions", 0, "title"),
                 ("sources", 0, "title")):
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = wrapped(HOSTILE_CATEGORIES[next(categories, "bidi")])[:500]
    session = data["meetings"][0]["sessions"][0]
    for field in (session["quotes"][0], session["passages"][0], session["key_points"][0], data["meetings"][0]):
        field["text" if "text" in field else "summary"] = wrapped(EVERY_PAYLOAD)
    data["classification"] = "SECRET " + HOSTILE_CATEGORIES["bidi"]
    book = tmp_path / "book.json"
    book.write_text(json.dumps(data), encoding="utf-8")
    copied = await tour_is_inert(book)
    assert unsafe_in(copied) == [] and "\x1b" not in copied and "\r" not in copied
    assert "We stand together.␛[201~" in copied


@pytest.mark.slow
@pytest.mark.parametrize("category", CATEGORIES)
async def test_the_screen_with_each_category(category: str, tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    book.write_text(json.dumps(hostile_data(HOSTILE_CATEGORIES[category])), encoding="utf-8")
    copied = await tour_is_inert(book)
    assert unsafe_in(copied) == []


async def test_every_notification_of_the_app_is_literal_and_inert(tmp_path: Path) -> None:
    """Notifications quote file names, store messages and book text: one rule for all, in BriefingApp.notify."""
    from briefing.tui.app import make_app

    book = tmp_path / "book.json"
    book.write_text(json.dumps(minimal_briefing_dict()), encoding="utf-8")
    app = make_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        for payload in HOSTILE_CATEGORIES.values():
            app.notify(wrapped(payload), title=wrapped(payload))  # markup=True by default in Textual
        await pilot.pause()
        notifications = list(app._notifications)
        assert len(notifications) == len(HOSTILE_CATEGORIES)
        for notification in notifications:
            for text in (notification.message, notification.title):
                assert unsafe_in(text) == [] and VISIBLE_BEFORE in text
            assert notification.markup is False


async def test_whatever_the_app_copies_is_made_safe_at_the_last_step(tmp_path: Path) -> None:
    """BriefingApp.copy_to_clipboard guards every copy, including ones a future key adds."""
    from briefing.tui.app import make_app

    book = tmp_path / "book.json"
    book.write_text(json.dumps(minimal_briefing_dict()), encoding="utf-8")
    app = make_app(book)
    async with app.run_test(size=(80, 24)):
        for payload in HOSTILE_CATEGORIES.values():
            app.copy_to_clipboard(f"line one\n{wrapped(payload)}")
            copied = str(app.clipboard)
            assert unsafe_in(copied) == [] and "\r" not in copied and "\x1b" not in copied
            assert copied.startswith("line one\n") and VISIBLE_AFTER in copied
