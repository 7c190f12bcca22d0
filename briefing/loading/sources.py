"""Source texts of a briefing: split into paragraphs, and checked against what the briefing cites.

A quote with a typo is worse than no quote: diplomats copy them into their own notes. So whenever
the source text a briefing names is present, every verbatim item is compared with it.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.files import read_bounded
from briefing.loading.errors import Problem
from briefing.model import ITEM_KIND_BY_NAME, Briefing, Location, SourceRef, format_location, iter_items

MAX_SOURCE_BYTES = 50 * 1024 * 1024
"""A larger 'source text' is not one: it is skipped rather than read."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_WHITESPACE = re.compile(r"\s+")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a source text: blocks separated by blank lines; headings count as paragraphs."""
    return [block.strip() for block in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")) if block.strip()]


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace as one space: line wrapping is not part of what a source says."""
    return _WHITESPACE.sub(" ", text).strip()


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


def check_paragraphs(briefing: Briefing, paragraphs: dict[str, list[str]]) -> list[Problem]:
    """Every verbatim item that does not occur in the paragraph it cites, given the sources' paragraphs."""
    if not paragraphs:
        return []
    problems: list[Problem] = []

    def check(text: str, ref: SourceRef, location: Location, kind: str, field: str) -> None:
        document = paragraphs.get(ref.document)
        if document is None:
            return
        last = ref.last_paragraph or ref.paragraph
        if last > len(document):
            problems.append(
                Problem(
                    f"cites paragraph {last}, but the source has {len(document)} paragraphs",
                    format_location((*location, "source", "last_paragraph" if last != ref.paragraph else "paragraph")),
                )
            )
            return
        # An item over a range of paragraphs holds one part per paragraph, separated by a blank line.
        parts = split_paragraphs(text) if ref.last_paragraph is not None else [text]
        if len(parts) != len(ref.paragraphs):
            problems.append(
                Problem(
                    f"cites {len(ref.paragraphs)} paragraphs ({ref.label}) but its text has {len(parts)} part(s)",
                    format_location((*location, field)),
                    hint="separate the parts taken from each paragraph by a blank line (\\n\\n)",
                )
            )
            return
        for part, number in zip(parts, ref.paragraphs, strict=True):
            if collapse_whitespace(part) not in collapse_whitespace(document[number - 1]):
                problems.append(
                    Problem(
                        f"this {kind} does not occur word for word in paragraph {number} of {ref.document!r}",
                        format_location((*location, field)),
                    )
                )
                return

    for located in iter_items(briefing):
        spec = ITEM_KIND_BY_NAME[located.kind]
        if spec.verbatim:
            for ref in located.sources:
                check(located.text, ref, located.path, located.kind, spec.text_field)
    return problems
