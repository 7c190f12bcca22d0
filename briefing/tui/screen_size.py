"""A screen's size classes (-narrow/-medium/-wide, -tiny/-short/-tall) from its first compose.

Textual puts the breakpoint classes on a screen at its first `Resize`, after every widget is mounted and
styled: the class change then restyles the whole screen once more (a tenth of the first frame). A screen
that takes them before its children are composed gets the same classes, styled once; a later resize
changes them as usual.
"""

from __future__ import annotations

from textual.screen import Screen


def size_classes(screen: Screen) -> set[str]:
    """The breakpoint classes Textual would give `screen` at the app's present size."""
    app = screen.app
    width, height = app.size
    horizontal = (app.HORIZONTAL_BREAKPOINTS if screen.HORIZONTAL_BREAKPOINTS is None
                  else screen.HORIZONTAL_BREAKPOINTS) or []
    vertical = (app.VERTICAL_BREAKPOINTS if screen.VERTICAL_BREAKPOINTS is None
                else screen.VERTICAL_BREAKPOINTS) or []
    classes = set()
    for dimension, breakpoints in ((width, horizontal), (height, vertical)):
        # The largest threshold not above the size, as `Screen._get_breakpoint_classes` picks it.
        reached = [(threshold, name) for threshold, name in breakpoints if dimension >= threshold]
        if reached:
            classes.add(max(reached)[1])
    return classes


def take_size_classes(screen: Screen) -> None:
    """Give `screen` its size classes now, without a restyle (call at the start of `compose`)."""
    classes = size_classes(screen)
    if classes:
        screen.add_class(*classes, update=False)
