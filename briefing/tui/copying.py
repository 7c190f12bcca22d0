"""`y` and `Y`: copy whatever has the keyboard (an item, a quote, a person, a search hit) with its citation.

Widgets say what they would copy with a `copy_target()` method returning a located item, a person or
an organisation (or None); the nearest one up from the focused widget answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.model import BriefingLookup, Located, Organisation, Person
from briefing.render.clip import Clipping, clip_actor, clip_item
from briefing.render.safety import clipboard_text as sanitised
from briefing.render.safety import safe_text

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget

Target = Located | Person | Organisation


def clipboard_text(text: str, *, keep_line_breaks: bool = False) -> str:
    """What may leave the program: the hardening's clipboard sanitiser (no controls, no bidi tricks, no
    bracketed-paste end: a copied quote must never run a command where it is pasted)."""
    return sanitised(text, keep_line_breaks=keep_line_breaks)


def copy_target(focused: Widget | None) -> Target | None:
    """What the focused widget, or the nearest of its ancestors that knows, would copy."""
    node = focused
    while node is not None:
        target_of = getattr(node, "copy_target", None)
        if callable(target_of):
            target = target_of()
            if target is not None:
                return target
        node = node.parent if hasattr(node, "parent") else None  # type: ignore[assignment]
    return None


def clipping(lookup: BriefingLookup, target: Target) -> Clipping:
    if isinstance(target, Located):
        return clip_item(lookup, target)
    return clip_actor(lookup, target)


def copy_focused(screen: Screen, lookup: BriefingLookup, *, markdown: bool) -> None:
    """Copy what has the keyboard on `screen`, as plain text or Markdown; a toast says what was copied."""
    target = copy_target(screen.focused)
    if target is None:
        screen.notify("Nothing to copy here: move to an item, a quote, a person or a search hit.", markup=False)
        return
    clip = clipping(lookup, target)
    # Markdown needs its line breaks (the footnote); the plain citation is one line.
    text = clipboard_text(clip.markdown, keep_line_breaks=True) if markdown else clipboard_text(clip.plain)
    screen.app.copy_to_clipboard(text)
    form = "as Markdown" if markdown else "with its citation"
    screen.notify(f"Copied {safe_text(clip.what)} {form} ({len(text)} characters)", title="Copied",
                  markup=False)
