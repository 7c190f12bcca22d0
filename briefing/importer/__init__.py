"""`briefing import`: a draft book from an official release (.txt, .md, .html, .docx), in under a second.

The draft always validates and is verbatim by construction: every passage is a paragraph of the
normalised source written beside it, every quote and figure the very characters of a paragraph.
What only a person can do (key points, positions, checking attributions) is left to the author, and
the report says so.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from briefing.importer.analysis import Analysis, analyse
from briefing.importer.assemble import DraftOptions, build_book, meeting_titles
from briefing.importer.blocks import ReleaseReadError, ReleaseText, read_release
from briefing.importer.wording import say
from briefing.loading.sources import check_paragraphs
from briefing.model import Briefing

__all__ = ["Draft", "DraftError", "ReleaseReadError", "draft_from_file", "draft_from_release", "write_draft"]

BOOK_NAME = "briefing.json"


class DraftError(Exception):
    """The importer built a draft that does not validate: a bug, reported rather than written."""


@dataclass(frozen=True)
class Draft:
    """A draft book, the normalised source it cites, and what the analysis found."""

    book: dict
    briefing: Briefing
    source_text: str
    source_path: str
    analysis: Analysis


def draft_from_file(
    path: Path, *, principal: str | None = None, language: str | None = None, issuer: str | None = None,
    classification: str = "UNCLASSIFIED", published: dt.date | None = None,
) -> Draft:
    """Read a release file and draft a book from it; `ReleaseReadError` when the file cannot be used."""
    release = read_release(path)
    return draft_from_release(release, path.stem, principal=principal, language=language, issuer=issuer,
                              classification=classification, published=published)


def draft_from_release(
    release: ReleaseText, name: str, *, principal: str | None = None, language: str | None = None,
    issuer: str | None = None, classification: str = "UNCLASSIFIED", published: dt.date | None = None,
) -> Draft:
    """The draft of an already read release; `name` gives the source's file name and id."""
    published = published or _published_from(release)
    analysis = analyse(release, language=language, principal=principal, published=published)
    source_id = _identifier(name)
    source_path = f"sources/{source_id}.txt"
    titles = meeting_titles(analysis)
    options = DraftOptions(
        source_id=source_id,
        source_path=source_path,
        source_title=(release.title or "; ".join(titles) or name.replace("-", " ").replace("_", " ").strip()
                      or "Release")[:200],
        issuer=(issuer or say(analysis.language, "Issuer not stated"))[:200],
        classification=classification[:200],
        published=analysis.published,
    )
    book = build_book(analysis, options)
    briefing = _validated(book, {source_id: release.paragraphs})
    return Draft(book, briefing, release.normalised, source_path, analysis)


def _validated(book: dict, paragraphs: dict[str, list[str]]) -> Briefing:
    from pydantic import ValidationError

    try:
        briefing = Briefing.model_validate(book)
    except ValidationError as error:
        raise DraftError(f"the draft does not validate (a bug in `briefing import`): {error}") from None
    problems = check_paragraphs(briefing, paragraphs)
    if problems:
        raise DraftError("the draft is not verbatim (a bug in `briefing import`): "
                         + "; ".join(problem.describe() for problem in problems))
    return briefing


def _identifier(name: str) -> str:
    from briefing.importer.actors import slug

    return slug(name)[:60]


def _published_from(release: ReleaseText) -> dt.date | None:
    if release.published:
        try:
            return dt.date.fromisoformat(release.published[:10])
        except ValueError:
            return None
    return None


def write_draft(draft: Draft, folder: Path, *, force: bool = False) -> Path:
    """Write `folder/briefing.json` and the normalised source atomically; refuse to overwrite without `force`."""
    from briefing.files import write_atomic

    book_path = folder / BOOK_NAME
    if book_path.exists() and not force:
        raise FileExistsError(str(book_path))
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    write_atomic(folder / draft.source_path, draft.source_text)
    text = json.dumps(_without_nulls(draft.book), ensure_ascii=False, indent=2) + "\n"
    write_atomic(book_path, text)
    return book_path


def _without_nulls(value: object) -> object:
    """Fields left null or false are defaults: leaving them out keeps the draft short to read."""
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items()
                if (item is not None and item is not False and item != []) or key in ("key_points", "positions")}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value
