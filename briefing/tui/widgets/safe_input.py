"""Text boxes that never draw what the reader typed or pasted raw (the note editor's area: `safe_text_area`).

Textual's `Input` draws its value as it is. Typing can only add printable characters, but some of those
are drawn as nothing (Hangul fillers, the blank Braille pattern), and a paste can bring ESC, bidi
overrides or C1 controls: the box would show an empty-looking filter that still filters, or let a
pasted escape reach the terminal. The value stays what was typed (the filter and search use it as
is); only what is drawn is made safe, one character for one so the cursor and selection still line up.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual.expand_tabs import expand_tabs_inline
from textual.geometry import clamp
from textual.widgets import Input

from briefing.render.safety import safe_text_same_length


class SafeInput(Input):
    """An `Input` that draws its value through `safe_text_same_length` (no suggester: it would draw raw)."""

    @property
    def _value(self) -> Text:
        text = Text(safe_text_same_length(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        # Measured on what is drawn: a stand-in may be narrower or wider than the character it replaces.
        return cell_len(expand_tabs_inline(safe_text_same_length(self.value[:position]), 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        cell_offset = 0
        offset += self.scroll_offset.x
        for index, character in enumerate(safe_text_same_length(self.value)):
            cell_width = get_character_cell_size(character)
            if cell_offset <= offset < cell_offset + cell_width:
                return index
            cell_offset += cell_width
        return clamp(offset, 0, len(self.value))
