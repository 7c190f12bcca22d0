"""The note editor's text area, drawn as safely as the text boxes (`safe_input`).

A module of its own: Textual's `TextArea` takes some 40 ms to import, and only the note editor needs it,
not the first frame (the text boxes of the search and the filters import `safe_input`).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from briefing.render.safety import safe_text_same_length


class SafeTextArea(TextArea):
    """A `TextArea` (the note editor) that draws each line through `safe_text_same_length`.

    A note can be pasted, or imported from a file, so it may hold what the book's text may hold. The
    text itself is kept as written; only what is drawn changes. (The area measures its wrapping and
    cursor on the raw line, so a cursor can sit one cell off next to a control character: a cosmetic
    slip, never a raw character on the terminal.)
    """

    def get_line(self, line_index: int) -> Text:
        return Text(safe_text_same_length(self.document.get_line(line_index)), end="", no_wrap=True)
