"""The verbatim check against source paragraphs: whitespace rules, and a paragraph cited by many items."""

from __future__ import annotations

import re
import sys

from briefing.loading.sources import check_paragraphs, collapse_whitespace
from briefing.model import Briefing
from tests.factories import changed, minimal_briefing_dict


def test_whitespace_collapses_as_the_published_rule_says() -> None:
    # The rule: every run of `\s` (Unicode whitespace) is one space, none at either end.
    rule = re.compile(r"\s+")
    spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if rule.fullmatch(c))
    samples = [spaces, f"a{spaces}b", f" {spaces}x\u200by{spaces}", "no change", "", "\x1c\x1d\x1e\x1f text \x85"]
    for text in samples:
        assert collapse_whitespace(text) == rule.sub(" ", text).strip()


def test_a_paragraph_cited_by_several_items_checks_each_of_them() -> None:
    data = minimal_briefing_dict()
    data = changed(data, ("meetings", 0, "passages"), [
        {"id": "m1", "text": "the   Council\nmet", "source": {"document": "release", "paragraph": 2}},
        {"id": "m2", "text": "the Council wept", "source": {"document": "release", "paragraph": 2}},
        {"id": "m3", "text": "Council met", "source": {"document": "release", "paragraph": 2}},
    ])
    briefing = Briefing.model_validate(data)
    paragraphs = {"release": ["Heading", "On Monday the Council\n  met in Luxembourg."]}
    problems = [problem for problem in check_paragraphs(briefing, paragraphs) if (problem.field or "").startswith("meetings[0].passages")]
    assert [problem.field for problem in problems] == ["meetings[0].passages[1].text"]
