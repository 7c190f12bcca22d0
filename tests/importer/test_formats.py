"""Reading releases saved as .txt, .md, .html and .docx; refusing what cannot be read, with what to do."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from briefing.importer import draft_from_file
from briefing.importer.blocks import BlockKind, ReleaseReadError, read_release
from tests.importer.conftest import quotes_of

PAGE = """<!DOCTYPE html><html><head><title>Minister meets Council partners</title></head><body>
<header class="site-header"><a href="/">Home</a> <nav><ul><li>News</li><li>Press releases</li></ul></nav></header>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<nav class="breadcrumb">Home &gt; News &gt; 2024</nav>
<main>
  <h1>Minister meets Council partners</h1>
  <p class="date"><time datetime="2024-05-13">13 May 2024</time></p>
  <p>Today, Monday 13 May, the Minister of Foreign Affairs, Anna&nbsp;Berg, attended a Foreign Affairs Council in Brussels.</p>
  <h2>Ukraine</h2>
  <p>Anna Berg said: &ldquo;We will stand by Ukraine<br>for as long as it takes.&rdquo;</p>
  <div class="share-buttons"><a>Share on X</a> <a>Print</a></div>
</main>
<aside class="related"><h3>Related news</h3><p>Another story.</p></aside>
<footer><p>© Ministry. All rights reserved.</p></footer>
<script>var tracking = "“not a quote at all, said nobody”";</script>
</body></html>"""


def test_a_saved_web_page_keeps_its_main_text_only(tmp_path: Path) -> None:
    path = tmp_path / "release.html"
    path.write_text(PAGE, encoding="utf-8")
    release = read_release(path)
    text = release.normalised
    for chrome in ("Home", "cookies", "Share on X", "Related news", "All rights reserved", "tracking", "Press releases"):
        assert chrome not in text
    assert release.paragraphs[0] == "Minister meets Council partners"
    assert release.kinds[0] is BlockKind.HEADING and release.kinds[3] is BlockKind.HEADING
    assert "Anna\u00a0Berg" in text  # &nbsp; stays what it is: the verbatim check depends on it
    draft = draft_from_file(path)
    assert draft.briefing.title == "Minister meets Council partners"
    assert str(draft.briefing.sources[0].published) == "2024-05-13"
    assert quotes_of(draft) == [("We will stand by Ukraine\nfor as long as it takes.", "Anna Berg", False)]


def test_a_page_without_main_keeps_every_block_but_the_chrome(tmp_path: Path) -> None:
    path = tmp_path / "release.htm"
    path.write_text(PAGE.replace("<main>", "<div>").replace("</main>", "</div>"), encoding="utf-8")
    text = read_release(path).normalised
    assert "Anna\u00a0Berg" in text and "cookies" not in text and "Related news" not in text


def test_markdown_headings_block_quotes_and_emphasis(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_text(
        "# Council meeting in Luxembourg\n\nOn **Monday 11 April 2022**, the Minister, Anna Berg, was in "
        "[Luxembourg](https://example.invalid).\n\nAnna Berg said:\n\n> We will stand by Ukraine, and we will\n> keep our word.\n\nEnd.\n",
        encoding="utf-8",
    )
    release = read_release(path)
    assert release.paragraphs[0] == "Council meeting in Luxembourg"
    assert "**" not in release.normalised and "https" not in release.normalised
    assert release.kinds[3] is BlockKind.BLOCK_QUOTE
    draft = draft_from_file(path)
    assert quotes_of(draft) == [("We will stand by Ukraine, and we will\nkeep our word.", "Anna Berg", False)]


def test_a_word_document(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.core_properties.title = "Council meeting"
    document.add_heading("Foreign Affairs Council", level=1)
    document.add_paragraph("Today, Monday 11 April 2022, the Minister, Anna Berg, was in Luxembourg.")
    document.add_paragraph("Anna Berg: “We will stand by Ukraine for as long as it takes.”")
    document.add_paragraph("")
    path = tmp_path / "release.docx"
    document.save(str(path))
    release = read_release(path)
    assert release.paragraphs[0] == "Foreign Affairs Council" and release.kinds[0] is BlockKind.HEADING
    assert len(release.paragraphs) == 3
    assert quotes_of(draft_from_file(path)) == [("We will stand by Ukraine for as long as it takes.", "Anna Berg", False)]


def test_a_word_document_without_python_docx_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def without_docx(name: str, *args: object, **kwargs: object) -> object:
        if name == "docx":
            raise ImportError("No module named 'docx'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_docx)
    with pytest.raises(ReleaseReadError, match=r"pip install 'briefing\[docx\]'"):
        read_release(tmp_path / "release.docx")


def test_a_broken_word_file_is_refused_clearly(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    path = tmp_path / "release.docx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(ReleaseReadError, match="not a readable Word"):
        read_release(path)


def test_unsupported_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(ReleaseReadError, match=r"cannot import a \.pdf file") as unsupported:
        read_release(tmp_path / "release.pdf")
    assert not unsupported.value.unreadable
    with pytest.raises(ReleaseReadError, match="no such file"):
        read_release(tmp_path / "missing.txt")
    (tmp_path / "empty.txt").write_text(" \n\n \n", encoding="utf-8")
    with pytest.raises(ReleaseReadError, match="no text"):
        read_release(tmp_path / "empty.txt")


def test_windows_line_endings_a_bom_and_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes("\ufeffFirst paragraph.\r\n\r\nSecond \u201cparagraph\u201d.\r\n".encode("utf-8"))
    assert read_release(path).paragraphs == ["First paragraph.", "Second “paragraph”."]
    path.write_bytes("Caf\xe9 \x93quoted\x94.".encode("latin-1"))
    assert read_release(path).paragraphs == ["Café “quoted”."]
