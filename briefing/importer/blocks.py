"""Reading a release file of any supported format into blocks of text, and those into the normalised source.

The normalised source is what the draft book cites: its paragraphs are the blocks, separated by one
blank line, so `validate` numbers them exactly as the importer did. Whatever markup the original had
(Markdown stars, HTML tags, Word styles) is gone from it; what is left is the words, verbatim.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from briefing.files import FileTooLarge, NotARegularFile, read_bounded
from briefing.loading.sources import split_paragraphs

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")

MAX_RELEASE_BYTES = 20 * 1024 * 1024
"""Largest release file read: a press release is a few kilobytes, a Word file with pictures a few megabytes."""

MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Largest total a .docx may unpack to (its pictures included)."""

DOCX_HINT = "install the optional extra: pip install 'briefing[docx]' (it adds python-docx)"


class BlockKind(StrEnum):
    """What the original's markup said a block is; plain text says nothing (the importer then guesses)."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BLOCK_QUOTE = "block-quote"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    kind: BlockKind = BlockKind.UNKNOWN


@dataclass(frozen=True, slots=True)
class ReleaseText:
    """A release read from a file: its paragraphs (as `validate` will number them) and what markup said."""

    paragraphs: list[str]
    kinds: list[BlockKind]
    title: str | None
    published: str | None
    format: str

    @property
    def normalised(self) -> str:
        """The text written under `sources/`: paragraphs separated by one blank line."""
        return "\n\n".join(self.paragraphs) + "\n"


class ReleaseReadError(Exception):
    """The release cannot be read: missing, unreadable, empty, of an unsupported format."""

    def __init__(self, message: str, *, unreadable: bool = True) -> None:
        super().__init__(message)
        self.unreadable = unreadable


def read_release(path: Path) -> ReleaseText:
    """Read `path` by its suffix; raise `ReleaseReadError` with what to do when that is impossible."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReleaseReadError(
            f"{path}: cannot import a {suffix or 'suffix-less'} file; save the release as "
            + ", ".join(SUPPORTED_SUFFIXES), unreadable=False,
        )
    if suffix == ".docx":
        blocks, title = _docx_blocks(path)
        return _release(blocks, title, None, "docx", path)
    text = _read_text(path)
    if suffix in (".html", ".htm"):
        from briefing.importer.html_text import read_html

        page = read_html(text)
        return _release(page.blocks, page.title or None, page.published, "html", path)
    if suffix in (".md", ".markdown"):
        return _release(_markdown_blocks(text), None, None, "markdown", path)
    return _release([Block(paragraph) for paragraph in split_paragraphs(_tidy(text))], None, None, "text", path)


def _read_bytes(path: Path) -> bytes:
    # Only a regular file, and never more than the limit: a FIFO would hang, /dev/zero fill the memory.
    try:
        return read_bounded(path, MAX_RELEASE_BYTES)
    except FileNotFoundError:
        raise ReleaseReadError(f"{path}: no such file; check the path and the file name") from None
    except NotARegularFile as error:
        raise ReleaseReadError(f"{path}: {error}; save the release as an ordinary file first") from None
    except FileTooLarge:
        raise ReleaseReadError(
            f"{path}: is larger than {MAX_RELEASE_BYTES:,} bytes, far more than a press release", unreadable=False
        ) from None
    except OSError as error:
        raise ReleaseReadError(f"{path}: cannot be read: {error.strerror or error}") from None


def _read_text(path: Path) -> str:
    data = _read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Releases saved on older office machines are often Windows-1252; its bytes always decode.
        return data.decode("cp1252", errors="replace")


def _tidy(text: str) -> str:
    """Line endings unified, trailing spaces dropped: neither is part of what a release says."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _release(blocks: list[Block], title: str | None, published: str | None, kind: str, path: Path) -> ReleaseText:
    # A block must stay one paragraph under the rule `validate` uses: no blank line inside it.
    paragraphs: list[str] = []
    kinds: list[BlockKind] = []
    for block in blocks:
        for part in split_paragraphs(_tidy(block.text)):
            paragraphs.append(part)
            kinds.append(block.kind)
    if not paragraphs:
        raise ReleaseReadError(f"{path}: holds no text to import", unreadable=False)
    return ReleaseText(paragraphs, kinds, title, published, kind)


_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1")
_MD_QUOTE_PREFIX = re.compile(r"^ {0,3}> ?", re.MULTILINE)


def _markdown_blocks(text: str) -> list[Block]:
    """Markdown → blocks: `#` and underlined headings, `>` block quotes; links and emphasis lose their marks."""
    blocks: list[Block] = []
    for chunk in split_paragraphs(_tidy(text)):
        lines = chunk.split("\n")
        heading = _MD_HEADING.match(lines[0])
        if heading and len(lines) == 1:
            blocks.append(Block(_md_inline(heading.group(2)), BlockKind.HEADING))
        elif len(lines) == 2 and _MD_SETEXT.match(lines[1]):
            blocks.append(Block(_md_inline(lines[0]), BlockKind.HEADING))
        elif all(_MD_QUOTE_PREFIX.match(line) for line in lines):
            blocks.append(Block(_md_inline(_MD_QUOTE_PREFIX.sub("", chunk)), BlockKind.BLOCK_QUOTE))
        else:
            blocks.append(Block(_md_inline(chunk), BlockKind.PARAGRAPH))
    return [block for block in blocks if block.text.strip()]


def _md_inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    previous = None
    while previous != text:  # nested emphasis: ***x*** is ** around *x*
        previous, text = text, _MD_EMPHASIS.sub(r"\2", text)
    return text.replace("\\", "")


def _refuse_zip_bomb(path: Path, data: bytes) -> None:
    # A .docx is a zip: a few kilobytes can declare gigabytes. Python's zip reader never inflates a
    # member past its declared size, so the declared sizes bound what python-docx can unpack.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise ReleaseReadError(f"{path}: is not a readable Word (.docx) file (not a zip archive)") from None
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise ReleaseReadError(
            f"{path}: unpacks to {unpacked:,} bytes, more than {MAX_DOCX_UNPACKED_BYTES:,}: not a press release",
            unreadable=False,
        )


def _docx_blocks(path: Path) -> tuple[list[Block], str | None]:
    try:
        import docx  # python-docx, the optional extra [docx]
    except ImportError:
        raise ReleaseReadError(f"{path}: reading Word files needs python-docx; {DOCX_HINT}") from None
    data = _read_bytes(path)
    _refuse_zip_bomb(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises zipfile, KeyError and its own errors on bad files
        raise ReleaseReadError(f"{path}: is not a readable Word (.docx) file ({type(error).__name__})") from None
    blocks: list[Block] = []
    title = document.core_properties.title or None
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if not paragraph.text.strip():
            continue
        if style.startswith(("Heading", "Title")):
            blocks.append(Block(paragraph.text, BlockKind.HEADING))
        elif "Quote" in style:
            blocks.append(Block(paragraph.text, BlockKind.BLOCK_QUOTE))
        else:
            blocks.append(Block(paragraph.text, BlockKind.PARAGRAPH))
    return blocks, title
