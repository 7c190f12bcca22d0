"""Briefing files → validated `Briefing`s, or one `BriefingLoadError` that says exactly what is wrong.

Loading only reads: nothing here ever writes to a briefing file or next to it.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from briefing.files import FileTooLarge, NotARegularFile, read_bounded
from briefing.loading.errors import BriefingLoadError, LoadFailure, Problem
from briefing.loading.json_hints import syntax_problem
from briefing.loading.sources import (
    check_paragraphs,
    missing_sources,
    raw_source_problems,
    read_source_paragraphs,
    sources_outside,
)
from briefing.loading.strict_json import (
    MAX_NUMBER_DIGITS,
    DuplicateKeyError,
    JsonLayout,
    NonFiniteNumberError,
    NumberTooLongError,
    layout_of,
    long_number_lines,
    parse_strict,
)
from briefing.model import Briefing, format_location
from briefing.model.references import REFERENCE_ERROR_TYPE

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest briefing file read by default; the sample is under 100 kB, so 20 MB leaves room for big books."""

MAX_BYTES_VARIABLE = "BRIEFING_MAX_BYTES"
"""Environment variable that raises (or lowers) the size limit, in bytes."""

FIX_ADVICE = "Fix the file and check it with `briefing validate FILE`; `briefing schema` prints the format."

_JSON_TYPE_NAMES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}

_HINTS = {
    "missing": "add this field",
    "extra_forbidden": "remove this field or correct its name",
    "string_pattern_mismatch": "ids use lower-case letters, digits and hyphens",
    "date_from_datetime_parsing": "write dates as YYYY-MM-DD",
    "date_parsing": "write dates as YYYY-MM-DD",
    "literal_error": "this file format is version 1",
}


def sample_path() -> Path:
    """The bundled sample briefing, wherever the package is installed."""
    return Path(str(resources.files("briefing.data").joinpath("briefing.json")))


def max_bytes_from_environment() -> int:
    """The size limit: `BRIEFING_MAX_BYTES` if set to a positive integer, else the default."""
    raw = os.environ.get(MAX_BYTES_VARIABLE, "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_BYTES


def load_briefing(
    path: Path | str, *, max_bytes: int | None = None, check_sources: bool = True, require_sources: bool = False
) -> Briefing:
    """Read, parse and validate a briefing file.

    With `check_sources`, every quote, passage and figure is also checked word for word against the
    source texts the file names, when those texts are present beside it; with `require_sources` (what
    `briefing validate` does) a source text that is not there is an error too, since nothing was checked.
    """
    return _load(Path(path), max_bytes, check_sources, require_sources)[0]


@dataclass(frozen=True, slots=True)
class LoadedBook:
    briefing: Briefing
    digest: str
    """SHA-256 of the file's text, the version the reader's state is kept for (`briefing.state.reading`)."""


def load_book(
    path: Path | str, *, max_bytes: int | None = None, check_sources: bool = True, require_sources: bool = False
) -> LoadedBook:
    """`load_briefing`, with the digest of exactly the text that was validated (the app's reading state
    needs it; `validate`, `print` and `search` do not pay for it)."""
    briefing, text = _load(Path(path), max_bytes, check_sources, require_sources)
    return LoadedBook(briefing, hashlib.sha256(text.encode()).hexdigest())


def _load(path: Path, max_bytes: int | None, check_sources: bool, require_sources: bool) -> tuple[Briefing, str]:
    """The validated book and the text it was read from."""
    text = read_briefing_text(path, max_bytes=max_bytes_from_environment() if max_bytes is None else max_bytes)
    briefing = parse_briefing(path, text)
    if check_sources:
        if outside := sources_outside(briefing, path.parent):
            raise BriefingLoadError(
                path, "names a source text outside its folder, through a link", outside,
                advice="A briefing reads files only from its own folder; this one was not opened.",
            )
        layout = _LazyLayout(text)
        problems = missing_sources(briefing, path.parent) if require_sources else []
        problems += check_paragraphs(briefing, read_source_paragraphs(briefing, path.parent), layout.line_of)
        if problems:
            raise BriefingLoadError(
                path,
                f"{len(problems)} problem(s) with the source texts it cites",
                [_with_line(problem, layout) for problem in problems],
                advice="Copy the text exactly from the source paragraph cited, or correct the citation; "
                "keep each source text at its `path` beside the briefing.",
            )
    return briefing, text


class _LazyLayout:
    """The file's layout (line of every value), worked out on the first line asked for: only a
    problem needs it, and on a valid 20 MB book it took most of the loading time."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._layout: JsonLayout | None = None

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        if self._layout is None:
            self._layout = layout_of(self._text)
        return self._layout.line_of(path)


def _with_line(problem: Problem, layout: JsonLayout | _LazyLayout) -> Problem:
    if problem.line is not None or not problem.field:
        return problem
    return replace(problem, line=layout.line_of(_path_of(problem.field)))


def _path_of(field: str) -> tuple[str | int, ...]:
    """`sources[0].path` → ("sources", 0, "path"): the inverse of `format_location` for plain keys."""
    parts: list[str | int] = []
    for name, index in re.findall(r"([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]", field):
        parts.append(int(index) if index else name)
    return tuple(parts)


def read_briefing_text(path: Path, *, max_bytes: int) -> str:
    """The file's text, after the checks that need no parsing: exists, is a file, fits, is UTF-8."""
    try:
        if path.is_dir():
            raise BriefingLoadError(
                path, "is a folder, not a briefing file", failure=LoadFailure.UNREADABLE,
                advice="Give the path of a .json briefing file inside it.",
            )
        data = read_bounded(path, max_bytes)
    except NotARegularFile as error:
        raise BriefingLoadError(
            path, f"is {error.kind}, not a regular file: only an ordinary file is read as a briefing",
            failure=LoadFailure.UNREADABLE,
            advice="Save the briefing to an ordinary .json file first, then give the path of that file.",
        ) from None
    except FileTooLarge as error:
        size = f"is {error.size:,} bytes" if error.size is not None else "grew while it was read"
        raise BriefingLoadError(
            path, f"{size}, over the limit of {max_bytes:,} bytes",
            advice=f"Check that this is a briefing file; to read larger ones, set {MAX_BYTES_VARIABLE}.",
        ) from None
    except FileNotFoundError:
        raise BriefingLoadError(
            path, "no such file", failure=LoadFailure.UNREADABLE, advice="Check the path and the file name."
        ) from None
    except PermissionError:
        raise BriefingLoadError(
            path, "cannot be read: permission denied", failure=LoadFailure.UNREADABLE,
            advice="Ask for read access, or copy the file somewhere you can read it.",
        ) from None
    except OSError as error:
        raise BriefingLoadError(
            path, f"cannot be read: {error.strerror or error}", failure=LoadFailure.UNREADABLE
        ) from None
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark is harmless: accept it
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise BriefingLoadError(
            path,
            "is not UTF-8 text",
            [Problem(f"byte 0x{data[error.start]:02x} at offset {error.start} is not valid UTF-8", line=line)],
            advice="Save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding').",
        ) from None
    if not text.strip():
        raise BriefingLoadError(path, "is empty", advice="A briefing file is a JSON object; see `briefing schema`.")
    return text


def parse_briefing(path: Path, text: str) -> Briefing:
    """Parse JSON text strictly and validate it, reporting every problem with its line and field."""
    # Validation creates many long-lived, acyclic objects; the cyclic garbage collector would walk
    # them again and again for nothing (half the load time of a large book). Pause it meanwhile.
    collector_was_on = gc.isenabled()
    gc.disable()
    try:
        return _parse_briefing(path, text)
    finally:
        if collector_was_on:
            gc.enable()


def _validate(text: str) -> Briefing:
    """Strict, from the JSON text: `"paragraph": "7"`, `"heading": 1` or `"schema_version": true` are
    refused as the published JSON Schema refuses them, instead of being quietly converted."""
    try:
        return Briefing.model_validate_json(text, strict=True)
    except ValidationError as error:
        if any(problem["type"] != "json_invalid" for problem in error.errors()):
            raise
    # Pydantic's JSON reader refuses what Python's accepted (a lone surrogate escape, `\ud800`): judge
    # the parsed data instead, so that the message names the field at fault.
    return Briefing.model_validate(parse_strict(text))


def _parse_briefing(path: Path, text: str) -> Briefing:
    try:
        data = parse_strict(text)
    except DuplicateKeyError as error:
        duplicates = layout_of(text).duplicate_keys
        problems = [
            Problem(f"the key {dup_path[-1]!r} appears twice in the same object", format_location(dup_path), line)
            for dup_path, line in duplicates
        ] or [Problem(f"the key {error.key!r} appears twice in the same object")]
        raise BriefingLoadError(
            path, "has duplicate keys, so its meaning is ambiguous", problems,
            advice="Keep one of each key. " + FIX_ADVICE,
        ) from None
    except NonFiniteNumberError as error:
        constants = layout_of(text).constants or [(error.constant, None)]
        problems = [Problem(f"{constant} is not a valid JSON number", line=line) for constant, line in constants]
        raise BriefingLoadError(path, "is not valid JSON", problems, advice="Write a finite number.") from None
    except NumberTooLongError as error:
        problems = [
            Problem(f"a number with {error.digits:,} digits is too long (the most is {MAX_NUMBER_DIGITS})", line=line)
            for line in long_number_lines(text)[:1]
        ] or [Problem(f"a number with {error.digits:,} digits is too long (the most is {MAX_NUMBER_DIGITS})")]
        raise BriefingLoadError(path, "is not valid JSON", problems, advice="Write the figure with fewer digits.") from None
    except RecursionError:
        raise BriefingLoadError(
            path, "is not a usable briefing: its JSON is nested too deeply to read",
            advice="A briefing is only a few levels deep; check how this file was produced.",
        ) from None
    except json.JSONDecodeError as error:
        raise BriefingLoadError(path, "is not valid JSON", [syntax_problem(text, error)], advice=FIX_ADVICE) from None
    except ValueError as error:
        raise BriefingLoadError(path, "is not valid JSON", [Problem(str(error))], advice=FIX_ADVICE) from None
    if not isinstance(data, dict):
        raise BriefingLoadError(
            path, f"holds a JSON {_JSON_TYPE_NAMES.get(type(data), 'value')}, not an object",
            advice="A briefing file is one JSON object.",
        )
    # The parsed tree is not kept while the model is built (on a 20 MB book it held some 70 MB more at
    # the peak, `briefing print` included): a file that fails validation is parsed again for its report.
    del data
    try:
        return _validate(text)
    except ValidationError as error:
        data = parse_strict(text)
        problems = _problems_from_validation(error, text)
        # Every problem at once: the verbatim ones too, as far as the invalid file allows.
        problems += raw_source_problems(data, path.parent, layout_of(text).line_of)
        raise BriefingLoadError(
            path, f"is not a valid briefing: {len(problems)} problem(s)", problems, advice=FIX_ADVICE
        ) from None
    except RecursionError:
        raise BriefingLoadError(path, "is not a usable briefing: its JSON is nested too deeply") from None


def _problems_from_validation(error: ValidationError, text: str) -> list[Problem]:
    layout = layout_of(text)
    problems: list[Problem] = []
    for detail in error.errors(include_url=False):
        if detail["type"] == REFERENCE_ERROR_TYPE:
            for reference in detail["ctx"]["problems"]:
                problems.append(
                    Problem(reference.message, format_location(reference.location), layout.line_of(reference.location))
                )
            continue
        location = tuple(detail["loc"])
        message = detail["msg"]
        if detail["type"] == "extra_forbidden":
            message = f"unknown field {json.dumps(location[-1])}"
        problems.append(
            Problem(
                _without_prefix(message),
                format_location(location),
                layout.line_of(location),
                hint=_HINTS.get(detail["type"]),
            )
        )
    return problems


def _without_prefix(message: str) -> str:
    # Pydantic prefixes messages of custom validators with "Value error, "; readers need not see it.
    return message.removeprefix("Value error, ")
