"""Strict JSON for briefing files: no duplicate keys, no NaN or Infinity, and a map from paths to lines.

The standard `json` module accepts duplicate keys (the last one silently wins) and `NaN`; in a
briefing either would mean that what the author wrote is not what the reader sees.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

JsonPath = tuple[str | int, ...]

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+|\s+', re.DOTALL)


class DuplicateKeyError(ValueError):
    """An object holds the same key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class NonFiniteNumberError(ValueError):
    """`NaN`, `Infinity` or `-Infinity`, which JSON does not allow."""

    def __init__(self, constant: str) -> None:
        super().__init__(constant)
        self.constant = constant


MAX_NUMBER_DIGITS = 100
"""Longest number accepted (sign and decimal point aside). Python itself refuses integers of more than
4,300 digits with an internal message; no figure in a briefing comes anywhere near 100."""

_LONG_NUMBER = re.compile(rf"-?\d{{{MAX_NUMBER_DIGITS + 1},}}")


class NumberTooLongError(ValueError):
    """A number with more digits than any real figure has (and Python's int() would refuse)."""

    def __init__(self, digits: int) -> None:
        super().__init__(f"a number with {digits:,} digits")
        self.digits = digits


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise NumberTooLongError(len(text.lstrip("-")))
    return int(text)


def _parse_float(text: str) -> float:
    mantissa = text.lstrip("-").split("e")[0].split("E")[0]
    if len(mantissa.replace(".", "")) > MAX_NUMBER_DIGITS:
        raise NumberTooLongError(len(mantissa.replace(".", "")))
    return float(text)


def long_number_lines(text: str) -> list[int]:
    """Lines (1-based) of the numbers in `text` that are longer than MAX_NUMBER_DIGITS."""
    return [text.count("\n", 0, match.start()) + 1 for match in _LONG_NUMBER.finditer(text)]


def _reject_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKeyError(key)
        result[key] = value
    return result


def _reject_constant(constant: str) -> object:
    raise NonFiniteNumberError(constant)


def parse_strict(text: str) -> object:
    """`json.loads` that raises on duplicate keys and non-finite numbers."""
    return json.loads(
        text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant,
        parse_int=_parse_int, parse_float=_parse_float,
    )


@dataclass
class JsonLayout:
    """Where each value of a parsed JSON text starts, and where its oddities are."""

    lines: dict[JsonPath, int] = field(default_factory=dict)
    """Line (1-based) of the value at each path."""
    duplicate_keys: list[tuple[JsonPath, int]] = field(default_factory=list)
    """Path and line of every key that repeats an earlier key of the same object."""
    constants: list[tuple[str, int]] = field(default_factory=list)
    """`NaN`/`Infinity` tokens and their lines."""

    def line_of(self, path: JsonPath) -> int | None:
        """The line of `path`, or of its nearest ancestor that the text has."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None


@dataclass
class _OpenContainer:
    path: JsonPath
    is_object: bool
    slot: str | int | None
    """The key being read (objects) or the index of the current element (arrays)."""
    keys: set[str] = field(default_factory=set)


def layout_of(text: str) -> JsonLayout:
    """Scan a JSON text once, without recursion (so any nesting depth is fine), and map its paths to lines.

    Only used to explain errors, so it favours simplicity over speed and tolerates broken input.
    """
    layout = JsonLayout()
    stack: list[_OpenContainer] = []
    line = 1
    expect_key = False
    pending_key: str | None = None

    def value_path() -> JsonPath:
        if not stack:
            return ()
        return (*stack[-1].path, stack[-1].slot)

    for token in _tokens(text):
        first = token[0]
        if first.isspace():
            line += token.count("\n")
            continue
        if first == '"' and expect_key:
            try:
                pending_key = json.loads(token)
            except ValueError:
                pending_key = token.strip('"')
            container = stack[-1]
            if pending_key in container.keys:
                layout.duplicate_keys.append(((*container.path, pending_key), line))
            container.keys.add(pending_key)
            container.slot = pending_key
            layout.lines.setdefault((*container.path, pending_key), line)
            expect_key = False
        elif first == ":":
            continue
        elif first == ",":
            if stack and stack[-1].is_object:
                expect_key = True
            elif stack:
                stack[-1].slot += 1  # type: ignore[operator]
        elif first in "{[":
            path = value_path()
            layout.lines.setdefault(path, line)
            stack.append(_OpenContainer(path, first == "{", None if first == "{" else 0))
            expect_key = first == "{"
        elif first in "}]":
            if stack:
                stack.pop()
            expect_key = False
        else:
            layout.lines.setdefault(value_path(), line)
            if token in ("NaN", "Infinity", "-Infinity"):
                layout.constants.append((token, line))
    return layout


def _tokens(text: str) -> Iterator[str]:
    for match in _TOKEN.finditer(text):
        yield match.group()
