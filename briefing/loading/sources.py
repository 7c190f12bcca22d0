"""Source texts of a briefing: split into paragraphs, and checked against what the briefing cites.

A quote with a typo is worse than no quote: diplomats copy them into their own notes. So whenever
the source text a briefing names is present, every verbatim item is compared with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from briefing.files import read_bounded
from briefing.loading.errors import Problem
from briefing.loading.verbatim import explain, keeps_its_marks
from briefing.model import ITEM_KIND_BY_NAME, Briefing, Location, SourceRef, format_location, iter_items

MAX_SOURCE_BYTES = 50 * 1024 * 1024
"""A larger 'source text' is not one: it is skipped rather than read."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a source text: blocks separated by blank lines; headings count as paragraphs."""
    return [block.strip() for block in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")) if block.strip()]


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace as one space: line wrapping is not part of what a source says."""
    # str.split() splits on exactly the characters `\s` matches (every code point checked), and is
    # several times faster than a regular expression: a big book checks 40,000 items on opening.
    return " ".join(text.split())


def source_path(folder: Path, relative: str) -> Path | None:
    """Where a source document really is, or None when it leads outside `folder`.

    The model already refuses `..` and absolute paths; a symbolic link inside the folder
    (`sources/passwd.txt -> /etc/passwd`) can still lead out, so the path is resolved first.
    """
    try:
        resolved = (folder / relative).resolve()
        return resolved if resolved.is_relative_to(folder.resolve()) else None
    except (OSError, ValueError, RuntimeError):  # a NUL in the path, a symlink loop
        return folder / relative


def sources_outside(briefing: Briefing, folder: Path) -> list[Problem]:
    """A problem for every source path that leads outside the briefing's folder (through a link)."""
    return [
        Problem(
            f"{document.path!r} is a link that leads outside the briefing's folder; it was not read",
            format_location(("sources", index, "path")),
            hint="copy the source text into the briefing's folder instead of linking to it",
        )
        for index, document in enumerate(briefing.sources)
        if source_path(folder, document.path) is None
    ]


def read_source_paragraphs(briefing: Briefing, folder: Path) -> dict[str, list[str]]:
    """Paragraphs of each source document that can be read from `folder`, by document id.

    Only regular files inside the folder, of a sane size: a path naming a device (/dev/zero), a FIFO
    or a file elsewhere through a link is never read.
    """
    paragraphs: dict[str, list[str]] = {}
    for document in briefing.sources:
        path = source_path(folder, document.path)
        if path is None:
            continue
        try:
            text = read_bounded(path, MAX_SOURCE_BYTES).decode("utf-8-sig")
        except (OSError, UnicodeDecodeError, ValueError):
            # A briefing may travel without its sources (or name one that cannot be a path, with a NUL
            # in it): then there is nothing to compare.
            continue
        paragraphs[document.id] = split_paragraphs(text)
    return paragraphs


def check_against_sources(briefing: Briefing, folder: Path) -> list[Problem]:
    """Every verbatim item that does not occur in the paragraph it cites (sources that can be read only)."""
    return check_paragraphs(briefing, read_source_paragraphs(briefing, folder))


def missing_sources(briefing: Briefing, folder: Path) -> list[Problem]:
    """A problem for every source document whose text is not beside the briefing: nothing to check against."""
    readable = read_source_paragraphs(briefing, folder)
    return [
        Problem(
            f"the source text {document.path!r} cannot be read beside the briefing: the verbatim check of the "
            f"items citing {document.id!r} was skipped",
            format_location(("sources", index, "path")),
            hint="put the source text at that path, correct `path`, or run with --no-source-check",
        )
        for index, document in enumerate(briefing.sources)
        if document.id not in readable
    ]


LineOf = Callable[[Location], "int | None"]


def check_paragraphs(
    briefing: Briefing, paragraphs: dict[str, list[str]], line_of: LineOf | None = None
) -> list[Problem]:
    """Every verbatim item that does not occur in the paragraph it cites, given the sources' paragraphs."""
    problems: list[Problem] = []
    collapsed: dict[tuple[str, int], str] = {}
    """The paragraph last cited, collapsed once for the items that cite it one after another."""
    for located in iter_items(briefing):
        spec = ITEM_KIND_BY_NAME[located.kind]
        if not spec.verbatim:
            continue
        if located.kind == "quote" and keeps_its_marks(located.text):
            where = (*located.path, spec.text_field)
            problems.append(Problem(
                "the quote keeps its quotation marks, so it would print as ““…””", format_location(where),
                line_of(where) if line_of else None, hint="remove the marks at its start and end",
            ))
        for ref in located.sources:
            document = paragraphs.get(ref.document)
            if document is not None:
                problems += check_item(located.text, ref, document, located.path, located.kind, spec.text_field, line_of,
                                       collapsed=_CollapsedParagraphs(ref.document, document, collapsed))
    return problems


class _CollapsedParagraphs:
    """Paragraph n of one document with its whitespace collapsed, from a cache shared by the document's items."""

    __slots__ = ("_cache", "_document", "_name")

    def __init__(self, name: str, document: list[str], cache: dict[tuple[str, int], str]) -> None:
        self._name, self._document, self._cache = name, document, cache

    def __call__(self, number: int) -> str:
        key = (self._name, number)
        text = self._cache.get(key)
        if text is None:
            # One paragraph kept, the last one cited: items citing one paragraph mostly come together,
            # and keeping every paragraph of a big book's sources cost 12 MB of peak memory.
            self._cache.clear()
            text = self._cache[key] = collapse_whitespace(self._document[number - 1])
        return text


def check_item(
    text: str, ref: SourceRef, document: list[str], location: Location, kind: str, field: str,
    line_of: LineOf | None = None, collapsed: Callable[[int], str] | None = None,
) -> list[Problem]:
    """The problems of one verbatim item against the paragraphs of the document it cites.

    `collapsed(n)` gives paragraph n with its whitespace collapsed (from a cache); by default it is
    worked out here."""
    last = ref.last_paragraph or ref.paragraph
    if last > len(document):
        where = (*location, "source", "last_paragraph" if last != ref.paragraph else "paragraph")
        return [Problem(
            f"cites ¶{last}, but the source has only {len(document)} paragraphs: out of range",
            format_location(where), line_of(where) if line_of else None,
            hint="paragraphs are numbered from 1, separated by blank lines, headings included",
        )]
    # An item over a range of paragraphs holds one part per paragraph, separated by a blank line.
    parts = split_paragraphs(text) if ref.last_paragraph is not None else [text]
    where = (*location, field)
    if len(parts) != len(ref.paragraphs):
        return [Problem(
            f"cites {len(ref.paragraphs)} paragraphs ({ref.label}) but its text has {len(parts)} part(s)",
            format_location(where), line_of(where) if line_of else None,
            hint="separate the parts taken from each paragraph by a blank line (\\n\\n)",
        )]
    for part, number in zip(parts, ref.paragraphs, strict=True):
        paragraph = collapsed(number) if collapsed is not None else collapse_whitespace(document[number - 1])
        if collapse_whitespace(part) not in paragraph:
            mismatch = explain(part, document[number - 1], number, document, kind)
            return [Problem(f"{mismatch.message} of {ref.document!r}", format_location(where),
                            line_of(where) if line_of else None, hint=mismatch.hint, detail=mismatch.detail)]
    return []


_RAW_ITEMS = (("passages", "passage", "text"), ("quotes", "quote", "text"), ("figures", "figure", "as_written"))


def raw_source_problems(data: dict, folder: Path, line_of: LineOf | None = None) -> list[Problem]:
    """Verbatim problems of a file that does not validate, found in its raw JSON where it is well-formed enough."""
    paragraphs: dict[str, list[str]] = {}
    documents = data.get("sources")
    for document in documents if isinstance(documents, list) else []:  # the schema problems say what else it is
        if isinstance(document, dict) and isinstance(document.get("id"), str) and isinstance(document.get("path"), str):
            path = source_path(folder, document["path"]) if "\0" not in document["path"] else None
            try:
                if path is not None:
                    paragraphs[document["id"]] = split_paragraphs(read_bounded(path, MAX_SOURCE_BYTES).decode("utf-8-sig"))
            except (OSError, UnicodeDecodeError, ValueError):
                continue
    problems: list[Problem] = []
    for location, kind, field, item in _raw_items(data):
        try:
            ref = SourceRef.model_validate(item.get("source"))
        except ValueError:
            continue  # the schema problems already say what is wrong with this citation
        text = item.get(field)
        if isinstance(text, str) and text and ref.document in paragraphs:
            problems += check_item(text, ref, paragraphs[ref.document], location, kind, field, line_of)
    return problems


def _raw_items(data: dict) -> list[tuple[Location, str, str, dict]]:
    found: list[tuple[Location, str, str, dict]] = []
    meetings = data.get("meetings")
    for m, meeting in enumerate(meetings if isinstance(meetings, list) else []):
        if not isinstance(meeting, dict):
            continue
        containers: list[tuple[Location, dict]] = [(("meetings", m), meeting)]
        sessions = meeting.get("sessions")
        for s, session in enumerate(sessions if isinstance(sessions, list) else []):
            if isinstance(session, dict):
                containers.append((("meetings", m, "sessions", s), session))
        for where, container in containers:
            for key, kind, field in _RAW_ITEMS:
                items = container.get(key)
                for i, item in enumerate(items if isinstance(items, list) else []):
                    if isinstance(item, dict):
                        found.append(((*where, key, i), kind, field, item))
    return found
