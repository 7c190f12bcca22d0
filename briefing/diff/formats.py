"""`briefing diff` output as plain text, Markdown or JSON.

Every string comes from a briefing file, so it is untrusted: text output passes it through
`safe_text`, Markdown also escapes it, and JSON writes dangerous characters as `\\uXXXX` escapes
(the data stays exact, the terminal stays safe).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from briefing.diff.compare import BookDiff, FieldChange, ItemChange, WordOp
from briefing.diff.items import KIND_NAMES, BookItem
from briefing.render.markdown_writer import escape_markdown
from briefing.render.safety import NEUTRALISED, safe_text

DIFF_FORMATS = ("text", "markdown", "json")

TEXT_MARKS = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
"""Word-diff marks of the text format, as `git diff --word-diff=plain` writes them."""

WHITESPACE = re.compile(r"\s+")

MARKDOWN_MARKS = {"equal": ("", ""), "delete": ("~~", "~~"), "insert": ("**", "**")}


def format_diff(diff: BookDiff, old_name: str, new_name: str, format: str) -> str:
    if format == "json":
        return diff_json(diff, old_name, new_name)
    if format == "markdown":
        return "\n".join(_markdown_lines(diff, old_name, new_name)) + "\n"
    return "\n".join(_text_lines(diff, old_name, new_name)) + "\n"


def _text_lines(diff: BookDiff, old_name: str, new_name: str) -> Iterator[str]:
    yield f"Changes from {safe_text(old_name)} to {safe_text(new_name)}: {diff.counts()}"
    sections = (("Added", "+", diff.added), ("Removed", "-", diff.removed))
    for title, mark, items in sections:
        if items:
            yield from ("", f"{title} ({len(items)})")
            for item in items:
                yield f"  {mark} {_text_heading(item)}"
                yield from (f"      {name}: {safe_text(value)}" for name, value in item.fields.items())
    if diff.changed:
        yield from ("", f"Changed ({len(diff.changed)})")
        for change in diff.changed:
            yield f"  ~ {_text_heading(change.new)}"
            yield from (f"      {name}: {_text_words(field)}" for name, field in _named(change))


def _text_heading(item: BookItem) -> str:
    where = f"  ({safe_text(item.location)})" if item.location else ""
    return f"{KIND_NAMES[item.kind]} {item.item_id}{where}"


def _text_words(field: FieldChange) -> str:
    return "".join(_marked(run, TEXT_MARKS, safe_text) for run in field.words)


def _named(change: ItemChange) -> Iterator[tuple[str, FieldChange]]:
    for field in change.fields:
        yield field.name.replace("_", " "), field


def _marked(run: WordOp, marks: dict[str, tuple[str, str]], escape: Any) -> str:
    opening, closing = marks[run.op]
    if not opening or not run.text.strip():
        return escape(run.text)
    # Marks hug the words, not the spaces around them: `~~ old ~~` would not be struck through.
    stripped = run.text.strip()
    start = run.text.index(stripped)
    return f"{run.text[:start]}{opening}{escape(stripped)}{closing}{run.text[start + len(stripped):]}"


def _markdown_lines(diff: BookDiff, old_name: str, new_name: str) -> Iterator[str]:
    yield f"# Changes from {_md(old_name)} to {_md(new_name)}"
    yield from ("", diff.counts().capitalize() + ".")
    for title, items in (("Added", diff.added), ("Removed", diff.removed)):
        if items:
            yield from ("", f"## {title} ({len(items)})", "")
            for item in items:
                yield f"- {_md_heading(item)}"
                yield from (f"    - {name.replace('_', ' ')}: {_md(value)}" for name, value in item.fields.items())
    if diff.changed:
        yield from ("", f"## Changed ({len(diff.changed)})", "")
        for change in diff.changed:
            yield f"- {_md_heading(change.new)}"
            for name, field in _named(change):
                words = "".join(_marked(run, MARKDOWN_MARKS, _md) for run in field.words)
                yield f"    - {name}: {words}"


def _md(text: str) -> str:
    # One line per list item: line breaks become spaces (kept at the edges, where word runs meet).
    return escape_markdown(WHITESPACE.sub(" ", safe_text(text)))


def _md_heading(item: BookItem) -> str:
    where = f" ({_md(item.location)})" if item.location else ""
    return f"**{KIND_NAMES[item.kind]}** `{item.item_id}`{where}"


def diff_json(diff: BookDiff, old_name: str, new_name: str) -> str:
    document = {
        "old": old_name,
        "new": new_name,
        "summary": {"added": len(diff.added), "removed": len(diff.removed), "changed": len(diff.changed)},
        "added": [_item_json(item) for item in diff.added],
        "removed": [_item_json(item) for item in diff.removed],
        "changed": [
            {
                **_item_json(change.new, with_fields=False),
                "fields": [
                    {"field": field.name, "old": field.old, "new": field.new,
                     "words": [[run.op, run.text] for run in field.words]}
                    for field in change.fields
                ],
            }
            for change in diff.changed
        ],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2)
    # Structure is ASCII; only string contents can hold these, and `\uXXXX` is valid JSON there.
    return "".join(f"\\u{ord(c):04x}" if ord(c) in NEUTRALISED else c for c in text) + "\n"


def _item_json(item: BookItem, with_fields: bool = True) -> dict[str, Any]:
    result: dict[str, Any] = {"id": item.item_id, "kind": item.kind, "meeting": item.meeting_id,
                              "session": item.session_id}
    if with_fields:
        result["fields"] = item.fields
    return result
