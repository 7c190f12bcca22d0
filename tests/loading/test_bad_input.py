"""The bad-input matrix: each broken file gets one clear message, the documented exit code, and is left as it was."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.files import reading
from briefing.loading import BriefingLoadError, LoadFailure, load_briefing
from briefing.loading.loader import MAX_BYTES_VARIABLE
from tests.factories import changed, minimal_briefing_dict


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def _bytes_of(path: Path) -> bytes:
    # Not Path.read_bytes: some tests replace it to simulate unreadable files.
    with open(path, "rb") as handle:
        return handle.read()


def load_error(path: Path, **options: object) -> BriefingLoadError:
    """Load `path`, expecting failure; check that the file was not touched."""
    before = (_bytes_of(path), path.stat().st_mtime_ns) if path.is_file() else None
    listing = sorted(os.listdir(path.parent)) if path.parent.is_dir() else None
    with pytest.raises(BriefingLoadError) as caught:
        load_briefing(path, **options)
    if before is not None:
        assert (_bytes_of(path), path.stat().st_mtime_ns) == before
    if listing is not None:
        assert sorted(os.listdir(path.parent)) == listing, "loading must not write anything"
    assert str(path) in caught.value.message
    assert "Traceback" not in caught.value.message
    return caught.value


def test_missing_file(tmp_path: Path) -> None:
    error = load_error(tmp_path / "nope.json")
    assert error.failure is LoadFailure.UNREADABLE
    assert "no such file" in error.message


def test_folder(tmp_path: Path) -> None:
    error = load_error(tmp_path)
    assert error.failure is LoadFailure.UNREADABLE
    assert "is a folder" in error.message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_json(tmp_path / "secret.json", minimal_briefing_dict())

    def denied(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    # Tests often run as root, for whom chmod 000 changes nothing, so the refusal is simulated.
    monkeypatch.setattr(reading.os, "open", denied)
    error = load_error(path)
    assert error.failure is LoadFailure.UNREADABLE
    assert "permission denied" in error.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    path = write_json(tmp_path / "secret.json", minimal_briefing_dict())
    path.chmod(0)
    try:
        assert load_error(path).failure is LoadFailure.UNREADABLE
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(content)
    error = load_error(path)
    assert error.failure is LoadFailure.INVALID
    assert "is empty" in error.message


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{\n"title":\n"Wilmès"}'.encode("latin-1"))
    error = load_error(path)
    assert error.failure is LoadFailure.INVALID
    assert "is not UTF-8" in error.message
    assert error.problems[0].line == 3
    assert "Save the file as UTF-8" in error.message


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(minimal_briefing_dict()).encode())
    assert load_briefing(path).id == "test-book"


def test_invalid_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "x",\n  "title": "y",,\n}', encoding="utf-8")
    error = load_error(path)
    assert error.failure is LoadFailure.INVALID
    [problem] = error.problems
    assert (problem.line, problem.column) == (3, 16)


def test_duplicate_keys_are_refused_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    text = json.dumps(minimal_briefing_dict(), indent=2)
    text = text.replace('"title": "Test book', '"title": "First title",\n  "title": "Test book', 1)
    path.write_text(text, encoding="utf-8")
    error = load_error(path)
    assert "duplicate keys" in error.message
    [problem] = error.problems
    assert problem.field == "title"
    assert problem.line == text.splitlines().index('  "title": "First title",') + 2


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused(tmp_path: Path, constant: str) -> None:
    text = json.dumps(minimal_briefing_dict(), indent=2).replace("500000000", constant)
    path = tmp_path / "nan.json"
    path.write_text(text, encoding="utf-8")
    error = load_error(path)
    assert f"{constant} is not a valid JSON number" in error.message
    assert error.problems[0].line == next(i for i, line in enumerate(text.splitlines(), 1) if constant in line)


def test_wrong_types_and_unknown_fields_name_path_and_line(tmp_path: Path) -> None:
    data = changed(minimal_briefing_dict(), ("meetings", 0, "start"), 20220411)
    data = changed(data, ("meetings", 0, "sessions", 0, "quotes", 0, "speeker"), "minister")
    path = write_json(tmp_path / "types.json", data)
    error = load_error(path)
    assert error.failure is LoadFailure.INVALID
    by_field = {problem.field: problem for problem in error.problems}
    assert set(by_field) == {"meetings[0].start", "meetings[0].sessions[0].quotes[0].speeker"}
    lines = path.read_text(encoding="utf-8").splitlines()
    assert '"start": 20220411' in lines[by_field["meetings[0].start"].line - 1]
    assert '"speeker"' in lines[by_field["meetings[0].sessions[0].quotes[0].speeker"].line - 1]
    assert 'unknown field "speeker"' in error.message
    assert "remove this field or correct its name" in error.message


def test_dangling_references_and_duplicate_ids_are_all_listed(tmp_path: Path) -> None:
    data = changed(minimal_briefing_dict(), ("meetings", 0, "sessions", 0, "quotes", 0, "speaker"), "ghost")
    data = changed(data, ("meetings", 0, "sessions", 0, "figures", 0, "id"), "k1")
    path = write_json(tmp_path / "refs.json", data)
    error = load_error(path)
    messages = [problem.describe() for problem in error.problems]
    assert len(messages) == 2
    assert any("meetings[0].sessions[0].quotes[0].speaker: no person has the id 'ghost'" in m for m in messages)
    assert any("id 'k1' is already used at meetings[0].sessions[0].key_points[0].id" in m for m in messages)
    assert all(problem.line is not None for problem in error.problems)


def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # a sparse 100 MB file: no disk space, but stat() says 100 MB
        handle.truncate(100 * 1024 * 1024)
    read: list[int] = []
    monkeypatch.setattr(reading.os, "read", lambda descriptor, size: read.append(size) or b"")
    error = load_error(path)
    assert read == [], "the file must not be read when it is over the limit"
    assert "over the limit of 20,971,520 bytes" in error.message
    assert MAX_BYTES_VARIABLE in error.message


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_json(tmp_path / "small.json", minimal_briefing_dict())
    assert "over the limit of 100 bytes" in load_error(path, max_bytes=100).message
    monkeypatch.setenv(MAX_BYTES_VARIABLE, "200")
    assert "over the limit of 200 bytes" in load_error(path).message
    monkeypatch.setenv(MAX_BYTES_VARIABLE, str(10 * 1024 * 1024))
    assert load_briefing(path).id == "test-book"


@pytest.mark.parametrize("opener,closer", [("[", "]"), ('{"a":', "}")])
def test_deep_nesting_is_refused_without_recursion_error(tmp_path: Path, opener: str, closer: str) -> None:
    path = tmp_path / "deep.json"
    path.write_text(opener * 100_000 + "1" + closer * 100_000, encoding="utf-8")
    error = load_error(path)
    assert "nested too deeply" in error.message


def test_hostile_strings_load_as_plain_data(tmp_path: Path) -> None:
    """Control characters and markup are legal in JSON strings; showing them safely is the views' job."""
    hostile = "[b]x[/b] \x1b[2J \u202e \u200b <script>"
    path = write_json(tmp_path / "hostile.json", minimal_briefing_dict(hostile))
    assert load_briefing(path).meetings[0].title == f"Council {hostile}"


def test_an_error_in_a_key_is_shown_escaped(tmp_path: Path) -> None:
    data = minimal_briefing_dict()
    data["\x1b[31mred"] = 1
    error = load_error(write_json(tmp_path / "key.json", data))
    assert "\x1b" not in error.message


SourceWriter = Callable[[str], Path]


@pytest.fixture
def with_source(tmp_path: Path) -> SourceWriter:
    """Write a source text beside a briefing file, as the sample ships with its press release."""

    def write(source_text: str) -> Path:
        (tmp_path / "sources").mkdir(exist_ok=True)
        (tmp_path / "sources" / "release.txt").write_text(source_text, encoding="utf-8")
        return tmp_path

    return write


def test_quotes_are_checked_word_for_word_against_the_source(with_source: SourceWriter) -> None:
    folder = with_source(
        "Intro The Council met.\n\nPassage The Council met. We said The Council met. 500 million euros\n"
    )
    good = write_json(folder / "good.json", minimal_briefing_dict())
    assert load_briefing(good).id == "test-book"
    typo = changed(minimal_briefing_dict(), ("meetings", 0, "sessions", 0, "quotes", 0, "text"), "We sayd The Council met.")
    error = load_error(write_json(folder / "typo.json", typo))
    assert error.failure is LoadFailure.INVALID
    [problem] = error.problems
    assert problem.field == "meetings[0].sessions[0].quotes[0].text"
    assert "does not occur word for word in ¶2" in problem.message


def test_a_citation_past_the_last_paragraph_is_reported(with_source: SourceWriter) -> None:
    folder = with_source("Intro The Council met.\n\nPassage The Council met. We said The Council met. 500 million euros")
    data = changed(minimal_briefing_dict(), ("meetings", 0, "sessions", 0, "passages", 0, "source", "paragraph"), 9)
    error = load_error(write_json(folder / "far.json", data))
    assert "cites ¶9, but the source has only 2 paragraphs: out of range" in error.message


@pytest.mark.parametrize("path", ["../elsewhere.txt", "/etc/passwd", "sources/../../x.txt", "C:\\\\x.txt", "a\x00b"])
def test_source_paths_must_stay_inside_the_briefing_folder(tmp_path: Path, path: str) -> None:
    data = changed(minimal_briefing_dict(), ("sources", 0, "path"), path)
    error = load_error(write_json(tmp_path / "paths.json", data))
    assert error.failure is LoadFailure.INVALID
    [problem] = error.problems
    assert problem.field == "sources[0].path"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_source_that_links_to_a_device_is_refused_not_read(tmp_path: Path) -> None:
    """A symbolic link to a device would make the source check read forever; it leads out of the folder."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "release.txt").symlink_to("/dev/zero")
    error = load_error(write_json(tmp_path / "book.json", minimal_briefing_dict()))
    assert [problem.field for problem in error.problems] == ["sources[0].path"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_source_that_is_a_fifo_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    os.mkfifo(tmp_path / "sources" / "release.txt")  # opening it to read would wait for a writer
    path = write_json(tmp_path / "book.json", minimal_briefing_dict())
    assert load_briefing(path).id == "test-book"


def test_a_source_that_links_out_of_the_book_s_folder_is_resolved_and_refused(tmp_path: Path) -> None:
    """`sources/passwd.txt -> /etc/passwd` was read, checked against and shown in the source dialog."""
    secret = tmp_path / "elsewhere" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    book = tmp_path / "book"
    (book / "sources").mkdir(parents=True)
    (book / "sources" / "release.txt").symlink_to(secret)
    error = load_error(write_json(book / "book.json", minimal_briefing_dict()))
    assert error.failure is LoadFailure.INVALID
    assert "outside its folder" in error.message
    [problem] = error.problems
    assert problem.field == "sources[0].path" and "leads outside the briefing's folder" in problem.message
    assert "root:x" not in error.message
    from briefing.loading.sources import read_source_paragraphs

    briefing = load_briefing(book / "book.json", check_sources=False)
    assert read_source_paragraphs(briefing, book) == {}, "the app's source dialog never reads it either"


def test_a_source_link_that_stays_inside_the_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "release.txt").write_text("Heading\n\nThe Council met.\n", encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "release.txt").symlink_to(tmp_path / "texts" / "release.txt")
    from briefing.loading.sources import read_source_paragraphs

    briefing = load_briefing(write_json(tmp_path / "book.json", minimal_briefing_dict()), check_sources=False)
    assert read_source_paragraphs(briefing, tmp_path) == {"release": ["Heading", "The Council met."]}


@pytest.mark.parametrize("value", [True, 1, 1.5])
def test_sources_that_are_not_a_list_are_named(tmp_path: Path, value: object) -> None:
    # Found by test_fuzz_loader: the verbatim check of a file that does not validate iterated `sources`
    # whatever it was, and a `true` there ended in a TypeError instead of the schema's message.
    data = minimal_briefing_dict()
    data["sources"] = value
    error = load_error(write_json(tmp_path / "book.json", data))
    assert error.failure is LoadFailure.INVALID
    assert [problem.field for problem in error.problems] == ["sources"]
