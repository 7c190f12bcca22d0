"""Reading a book's JSON for the first build: pydantic's parser, with `json` for whatever it refuses."""

from __future__ import annotations

import json

import pytest

from briefing.library import records
from briefing.library.records import parsed_json

AS_JSON_READS_THEM = [
    b'{"title": "Moldova", "id": "b-1"}',
    '{"title": "Wilmès’ “Court”", "tags": ["ß", "東京"]}'.encode(),
    b'{"a": 1, "a": 2}',  # the last of two keys, as json keeps it
    b'\xef\xbb\xbf{"a": 1}',  # a byte-order mark, which json reads past (utf-8-sig)
    b'{"text": "\\ud800 lone"}',  # a lone surrogate, which pydantic's parser refuses
    b'{"n": 123456789012345678901234567890, "x": NaN}',
    b"[" * 300 + b"]" * 300,  # deeper than pydantic's parser goes
]


@pytest.mark.parametrize("data", AS_JSON_READS_THEM)
def test_a_book_file_is_read_as_json_reads_it(data: bytes) -> None:
    expected = json.loads(data.decode("utf-8-sig"))
    # Compared as JSON text: the values and their types, key order included (and NaN equals NaN there).
    assert json.dumps(parsed_json(data), ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


@pytest.mark.parametrize("data", [b'{"a": 1', b'"a\x01b"', b'{"a": 1} trailing', b"\xff\xfe{}"])
def test_a_file_json_refuses_raises_its_error(data: bytes) -> None:
    with pytest.raises(ValueError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        parsed_json(data)


def test_the_usual_book_is_parsed_without_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """`json` took a quarter more CPU: it is only the fallback."""
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("json.loads used for plain JSON")

    monkeypatch.setattr(records.json, "loads", refused)
    assert parsed_json(b'{"title": "Moldova"}') == {"title": "Moldova"}
