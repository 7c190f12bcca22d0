"""Fuzzing the loader: whatever a damaged file holds, loading either succeeds or raises BriefingLoadError."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli.schema_command import briefing_schema
from briefing.loading import BriefingLoadError, LoadFailure, parse_briefing
from tests.conftest import SAMPLE_PATH

SAMPLE_BYTES = SAMPLE_PATH.read_bytes()
SAMPLE_DATA = json.loads(SAMPLE_BYTES)
FUZZ_PATH = Path("fuzzed.json")

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


SCHEMA = jsonschema.Draft202012Validator(briefing_schema(), format_checker=jsonschema.FormatChecker())
"""An independent judge of the damage: the published JSON Schema of the format."""


def schema_rejects(text: str) -> bool:
    """True when the text is not JSON, or is JSON the format's schema refuses."""
    try:
        data = json.loads(text)
    except ValueError:
        return True
    return not SCHEMA.is_valid(data)


def parse(text: str) -> None:
    """Loading either succeeds or raises BriefingLoadError, and damage the schema sees is always refused.

    (The loader checks more than the schema can say — references, dates that fit — so it may refuse
    what the schema accepts; never the other way round.)
    """
    try:
        parse_briefing(FUZZ_PATH, text)
    except BriefingLoadError as error:
        assert error.message.startswith(f"{FUZZ_PATH}: ")
        assert error.failure is LoadFailure.INVALID
        return
    assert not schema_rejects(text), "the loader accepted a file that is not a valid briefing"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(position=st.integers(0, len(SAMPLE_BYTES) - 1), length=st.integers(1, 40), junk=st.binary(max_size=40))
def test_byte_level_damage(position: int, length: int, junk: bytes) -> None:
    damaged = SAMPLE_BYTES[:position] + junk + SAMPLE_BYTES[position + length :]
    parse(damaged.decode("utf-8", errors="replace"))


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


SAMPLE_PATHS = _paths(SAMPLE_DATA)[1:]


@pytest.mark.slow  # a long fuzz tour (seconds of examples): `pytest -m slow` (and .ci/run) runs it
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(SAMPLE_PATHS), replacement=JSON_VALUES, delete=st.booleans())
def test_structural_damage(target: tuple, replacement: object, delete: bool) -> None:
    data = json.loads(SAMPLE_BYTES)
    parent = data
    for part in target[:-1]:
        parent = parent[part]
    if delete:
        del parent[target[-1]]
    else:
        parent[target[-1]] = replacement
    parse(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.pop("meetings"),
        lambda data: data["meetings"][0].pop("sessions"),
        lambda data: data["people"][0].update(name=""),
        lambda data: data["meetings"][0]["sessions"][0].update(date="2022-13-40"),
        lambda data: data["meetings"][0]["sessions"][0].update(speeker="x"),
        lambda data: data["sources"][0].update(title=None),
    ],
)
def test_known_damage_is_refused_by_both_judges(damage: object) -> None:
    """The judges themselves can fail: each of these files is refused by the schema and the loader."""
    data = json.loads(SAMPLE_BYTES)
    damage(data)
    text = json.dumps(data, ensure_ascii=False)
    assert schema_rejects(text)
    with pytest.raises(BriefingLoadError):
        parse_briefing(FUZZ_PATH, text)
