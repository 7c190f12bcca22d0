"""The tabs of the main screen, from one typed registry.

Everything that names or numbers a tab reads it from here: the tab bar (full or short titles), the
digit keys, the help screen, the command palette and the overview's meeting list. To add a tab, add a
`TabSpec` to `book_tabs` (where in the list is where in the bar); its content widget is built by
`build` the first time the tab is needed (or right after the first frame, for a lazy tab).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane, Tabs
from textual.widgets._tabs import Underline

from briefing.model import BriefingLookup, Meeting
from briefing.model.ordering import meetings_in_time_order
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.measured import SizedQuietly

MAX_DIGIT_KEYS = 9
"""Keys 1…9 go to the first nine tabs; further tabs are reached with the palette or the tab bar."""

MAX_MEETING_TABS = 6
"""Meetings that get a tab each. A book with more has one "Meetings" tab (a picker) and one "Meeting"
tab that shows the meeting picked: 2,000 tabs would be unusable, and composing them took most of the
start-up of a big book."""

MEETING_PANE = "meeting"
"""The pane id of the one meeting tab of a book with a picker."""

MEDIUM_TITLE_WIDTH = 28
"""When the full titles do not fit, a meeting's title is cut to this many characters before falling
back to the short titles."""


@dataclass(frozen=True)
class TabSpec:
    """One tab: its pane id, titles and what fills it."""

    id: str
    """The TabPane's id (also the jump list's and the palette's name for the tab)."""
    title: str
    """The title where there is room (briefing text for a meeting: shown literally)."""
    short_title: str
    """The title on narrow screens (80 columns must hold every tab)."""
    build: Callable[[], Widget]
    """Makes the tab's content widget (imported and built only when the tab is first needed)."""
    key: str | None = None
    """The digit that switches to the tab; None past the ninth tab."""
    meeting_id: str | None = None
    """The meeting shown, for a meeting tab."""

    def label(self, width: str = "full") -> Content:
        """The tab bar label: "2 Foreign Affairs Council" ("full"), cut ("medium") or "2 FAC" ("short")."""
        title = {"full": self.title, "short": self.short_title}.get(width, self.title)
        if width == "medium" and len(title) > MEDIUM_TITLE_WIDTH:
            title = title[: MEDIUM_TITLE_WIDTH - 1] + "…"
        return Content.assemble(f"{self.key} " if self.key else "", literal(title))

    def pane(self, *children: Widget) -> TabPane:
        """The tab's pane, labelled as a tab bar of medium width labels it (the screen relabels it to fit)."""
        return BookPane(self.label("medium"), *children, id=self.id)


class BookPane(SizedQuietly, TabPane):
    """A tab's pane: as high and wide as the tab bar leaves, whatever its content, so its being sized (each
    tab's first showing) asks for no other layout pass."""


def meeting_short_title(meeting: Meeting) -> str:
    """ "NATO" for "Extraordinary NATO ministerial meeting", "FAC" for "Foreign Affairs Council".

    A word in capitals (an acronym) wins; otherwise the initials of the capitalised words; the id when
    the title gives neither.
    """
    words = re.findall(r"[\w'-]+", meeting.title)
    acronyms = [word for word in words if len(word) >= 2 and word.isupper() and word.isalpha()]
    if acronyms:
        return acronyms[0]
    initials = "".join(word[0] for word in words if word[:1].isupper())
    return initials if len(initials) >= 2 else meeting.title[:12]


# Each tab's content is built when the tab is first shown; its widget module is imported then, not
# before the first frame.

def _meeting_view(lookup: BriefingLookup, meeting: Meeting) -> Widget:
    from briefing.tui.widgets.meeting_view import MeetingView

    return MeetingView(lookup, meeting)


def _quotes(lookup: BriefingLookup) -> Widget:
    from briefing.tui.widgets.quote_browser import QuoteBrowser

    return QuoteBrowser(lookup, id="quote-browser")


def _search(lookup: BriefingLookup) -> Widget:
    from briefing.tui.widgets.search_panel import SearchPanel

    return SearchPanel(lookup, id="search-panel")


def _people(lookup: BriefingLookup) -> Widget:
    from briefing.tui.widgets.people_directory import PeopleDirectory

    return PeopleDirectory(lookup, id="people-directory")


def _picker(lookup: BriefingLookup) -> Widget:
    from briefing.tui.widgets.meeting_picker import MeetingPicker

    return MeetingPicker(lookup, id="meeting-picker")


def _notes() -> Widget:
    from briefing.tui.widgets.notes_list import NotesList

    return NotesList(id="notes-list-view")


def book_tabs(lookup: BriefingLookup) -> list[TabSpec]:
    """The tabs of a book, in the order of the tab bar: overview, meetings in time order (or, above
    `MAX_MEETING_TABS`, the meeting picker and the meeting picked), then the quotes, the search and the
    directory."""

    def overview() -> Widget:
        from briefing.tui.widgets.overview import Overview

        keys = {spec.meeting_id: spec.key for spec in tabs if spec.meeting_id and spec.key}
        return Overview(lookup, keys, id="overview-view")

    specs = [TabSpec("overview", "Overview", "Overview", overview)]
    meetings = meetings_in_time_order(lookup.briefing)
    if len(meetings) > MAX_MEETING_TABS:
        specs += [
            TabSpec("meetings", f"Meetings ({len(meetings):,})", "Meetings", partial(_picker, lookup)),
            TabSpec(MEETING_PANE, "Meeting", "Meeting", partial(_meeting_view, lookup, meetings[0]),
                    meeting_id=meetings[0].id),
        ]
    else:
        specs += [
            TabSpec(meeting_pane_id(meeting.id), meeting.title, meeting_short_title(meeting),
                    partial(_meeting_view, lookup, meeting), meeting_id=meeting.id)
            for meeting in meetings
        ]
    specs += [
        TabSpec("quotes", "Quotes", "Quotes", partial(_quotes, lookup)),
        TabSpec("search", "Search", "Search", partial(_search, lookup)),
        TabSpec("people", "People & organisations", "People", partial(_people, lookup)),
        TabSpec("notes", "Notes", "Notes", _notes),
    ]
    tabs = [
        TabSpec(spec.id, spec.title, spec.short_title, spec.build,
                str(number) if number <= MAX_DIGIT_KEYS else None, spec.meeting_id)
        for number, spec in enumerate(specs, start=1)
    ]
    return tabs


def meeting_pane_id(meeting_id: str) -> str:
    return f"meeting-{meeting_id}"


TAB_PADDING = 2
"""Columns a tab takes beyond its label (one space each side)."""


def fitting_labels(tabs: list[TabSpec], width: int, extra: dict[str, str] | None = None) -> list[Content]:
    """The labels of `tabs` for a tab bar `width` columns wide: full titles if they all fit, else titles
    cut to `MEDIUM_TITLE_WIDTH`, else the short titles. `extra` adds text after a tab's label ("3/9")."""
    extra = extra or {}
    labels: list[Content] = []
    for mode in ("full", "medium", "short"):
        labels = [
            Content.assemble(spec.label(mode), f" {extra[spec.id]}" if spec.id in extra else "") for spec in tabs
        ]
        if sum(label.cell_length + TAB_PADDING for label in labels) <= width:
            break
    return labels


def relabel(tab_bar: TabbedContent, tabs: list[TabSpec], labels: list[Content]) -> None:
    """Give the tabs of `tab_bar` their `labels`, then centre the active tab again.

    Textual centres the active tab when it becomes active, on the widths the labels have then; a label
    that changes after that (the search counter arriving from its worker, a resize choosing short titles)
    would leave the bar scrolled by the old widths, so what a narrow bar shows would depend on which came
    first. Centring after the relabel (once the new widths are laid out) makes it depend on the labels only.
    """
    changed = False
    for spec, label in zip(tabs, labels, strict=True):
        tab = tab_bar.get_tab(spec.id)
        if tab.label != label:
            tab.label = label
            changed = True
            if tab.is_mounted:
                _size_ahead(tab, tab_bar.size)
    bar = tab_bar.query_one(Tabs)
    if changed and bar.active_tab is not None:
        # After the refresh: `scroll_to_center` measures the tab when called, and the new label is not laid
        # out yet.
        # Immediate: by then it is laid out, and a deferred scroll would land one more frame later.
        bar.call_after_refresh(bar.query_one("#tabs-scroll").scroll_to_center, bar.active_tab, force=True,
                               immediate=True)


def _size_ahead(tab: Widget, room: Size) -> None:
    """Give a relabelled tab the `virtual_size` the next layout pass will give it (its label's width with
    its padding, its height). Found already there, the pass asks for no other one: a new `virtual_size`
    laid the whole screen out again (the meeting tab's title, each search hit opened in another meeting).
    Were it not the same, the pass sets it as before."""
    width = tab.get_content_width(room, room) + tab.styles.gutter.width
    tab.set_reactive(Widget.virtual_size, Size(width, tab.virtual_size.height))


def underline_now(tab_bar: TabbedContent) -> None:
    """Move the bar's underline under the active tab in the frame of the switch.

    Textual moves it after the next refresh, to measure the tab once laid out: one more frame for every
    tab switch. The tabs are laid out already (a switch changes no label), so their places are known now;
    Textual's own move then finds the underline where it goes and changes nothing. A tab not laid out yet
    (the first frame) is left to Textual.
    """
    bar = tab_bar.query_one(Tabs)
    tab = bar.active_tab
    if tab is None or not tab.virtual_region:
        return
    underline = bar.query_one(Underline)
    underline.highlight_start, underline.highlight_end = tab.virtual_region.shrink(tab.styles.gutter).column_span
