"""The help's Reading section says each key once per meaning (it listed j three times: "Down" of a text,
"Next item", "Down" of a list; k, g and G alike; and "Down" as the meeting tabs' j, where j is "Next item")."""

from __future__ import annotations

from briefing.tui.screens.help_screen import HELP_SECTIONS, binding_lines, own_bindings
from briefing.tui.widgets.reader_scroll import StopReader


def test_a_subclass_key_replaces_its_base_key() -> None:
    j = [binding for binding in own_bindings(StopReader) if binding.key == "j"]
    assert [binding.action for binding in j] == ["step(1)"]


def test_the_reading_section_names_each_key_once_per_meaning() -> None:
    title, classes = HELP_SECTIONS[1]
    assert title.startswith("Reading")
    lines = binding_lines(classes(), lambda binding: binding.key)
    whats = [what for _keys, what in lines]
    assert len(whats) == len(set(whats))
    j_lines = [what for keys, what in lines if "j" in keys.split()]
    assert j_lines == ["Next item", "a line down (in a text without items: source, help)"], j_lines
