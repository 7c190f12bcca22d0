"""A trailing comma is named after the container it is in, not after the bracket that follows it (a list
ended by `}` by mistake was called "an object")."""

from __future__ import annotations

import json

import pytest

from briefing.loading.json_hints import syntax_problem


@pytest.mark.parametrize(
    ("text", "container"),
    [
        ('{"oops": [1, 2,}', "array"),
        ('{"a": {"b": 1,]', "object"),
        ('{"a": "[", "b": [1,}', "array"),  # a bracket inside a string opens nothing
        ('{"a": [1, 2,]}', "array"),
        ('{"a": 1,}', "object"),
        ('{"a": ["x\\"]", 1,}', "array"),  # an escaped quotation mark does not end the string
    ],
)
def test_the_trailing_comma_names_its_container(text: str, container: str) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    problem = syntax_problem(text, caught.value)
    assert f"trailing comma after the last item of an {container}" in str(problem.message)
