"""JSON syntax errors as an author can fix them: the classic cause named, at the line where it is.

`json` reports a trailing comma at the next line's `}` and a missing comma at the next value; the
mistake is at the end of the line before. Single quotes and raw line breaks in strings get their
own words.
"""

from __future__ import annotations

import json

from briefing.loading.errors import Problem


def syntax_problem(text: str, error: json.JSONDecodeError) -> Problem:
    """One problem for a JSON syntax error, at the line of the mistake, naming its classic cause."""
    position = error.pos
    before = text[:position].rstrip()
    previous = before[-1:]
    here = text[position:position + 1]
    end_of_before = _line_and_column(text, len(before) - 1) if before else (1, 1)
    if previous == "," and here in "}]":
        # Named after the bracket the comma is inside: `[1, 2,}` is an array closed by mistake with `}`.
        container = "object" if _innermost_open(before) == "{" else "array"
        return Problem(
            f"trailing comma after the last item of an {container}", line=end_of_before[0], column=end_of_before[1],
            hint="remove this comma: JSON allows none after the last item",
        )
    if here == "'" or (error.msg.startswith("Expecting property name") and text[position:].lstrip()[:1] == "'"):
        return Problem(
            "a string in single quotes", line=error.lineno, column=error.colno,
            hint='JSON strings and names take double quotes: "like this"',
        )
    if error.msg.startswith("Expecting ',' delimiter") or (
        error.msg.startswith("Expecting property name") and previous not in "{,"
    ):
        return Problem(
            "missing comma after the value that ends here", line=end_of_before[0], column=end_of_before[1] + 1,
            hint=f"add a comma at the end of line {end_of_before[0]}: items are separated by commas",
        )
    if error.msg.startswith("Invalid control character"):
        return Problem(
            "a line break or tab inside a string", line=error.lineno, column=error.colno,
            hint="write a line break inside a string as \\n and a tab as \\t",
        )
    if error.msg.startswith("Unterminated string"):
        return Problem(
            "a string is not closed", line=error.lineno, column=error.colno,
            hint='add its closing double quote, or write a " inside it as \\"',
        )
    return Problem(error.msg, line=error.lineno, column=error.colno)


def _innermost_open(text: str) -> str:
    """The bracket (`{` or `[`) still open at the end of `text`, brackets inside strings left aside."""
    opened: list[str] = []
    in_string = escaped = False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "{[":
            opened.append(character)
        elif character in "}]" and opened:
            opened.pop()
    return opened[-1] if opened else "{"


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
