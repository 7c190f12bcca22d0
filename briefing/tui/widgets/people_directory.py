"""Who's who: the people and organisations of the book, and everywhere each of them appears.

An entry appears where it takes part (meetings, sessions), what it said (quotes), what it organised,
and every item whose text mentions its name, surname or acronym. Briefing text is untrusted: every
string goes through `safe_text` and enters the widgets as `Content`, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing.model import BriefingLookup, Located, Organisation, Person
from briefing.render.safety import safe_text
from briefing.render.vocabulary import Vocabulary, vocabulary
from briefing.search.matching import RecordMatch, SearchCancelled, compile_filter
from briefing.search.people import Appearance, DirectoryEntry, Group, Role, filter_entries
from briefing.search.people import build_entries as build_directory_entries
from briefing.tui.focus import focus_now
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.appearance_finder import AppearanceFinder
from briefing.tui.widgets.appearance_window import appearance_options, first_of_group, more_group, widen
from briefing.tui.widgets.browse_pane import BrowsePane, Pane, Panes
from briefing.tui.widgets.filter_input import FilterInput
from briefing.tui.widgets.lazy_options import LazyOption, known_option
from briefing.tui.widgets.literal import literal, literal_with_spans, one_line
from briefing.tui.widgets.measured import MeasuredStatic
from briefing.tui.widgets.reader_scroll import BrowseList

MENTION_STYLE = "bold reverse"
"""How a mention is marked: bold and reverse, not colour alone."""

FILTER_MATCH_STYLE = "underline"
"""The filter's words in a listed name: underlined (bold is the name's own style)."""

MENTION_CONTEXT = 40
"""About how many characters of text to show before a mention (and twice that after it)."""

SNIPPET_WORDS = 14
"""How many words of a quote an appearance shows."""

DETAIL_LABELS = ("Role", "Organisation", "Country", "Acronym", "Kind", "People")
"""The labels of an entry's details, in English."""


def book_words(lookup: BriefingLookup) -> Vocabulary:
    """The vocabulary of the book's language: its labels, dates and quotation marks."""
    return vocabulary(lookup.briefing.language)


def build_entries(lookup: BriefingLookup) -> list[DirectoryEntry]:
    """People by last name, then organisations by name; organisation kinds phrased as the list shows them."""
    return build_directory_entries(lookup, kind_name=book_words(lookup).organisation_kind)


def kind_label(organisation: Organisation, words: Vocabulary | None = None) -> str:
    """ "international organisation", as the app phrases an organisation's kind."""
    return (words or vocabulary()).organisation_kind(organisation.kind)


def item_place(located: Located, words: Vocabulary | None = None) -> str:
    """ "Session title, date" or "Meeting title, dates" for an item."""
    return (words or vocabulary()).item_place(located)


def snippet(text: str, words: int = SNIPPET_WORDS) -> str:
    """The first `words` words of `text`, with an ellipsis when there is more."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def mention_in_context(text: str, spans: tuple[tuple[int, int], ...]) -> Content:
    """The words around the first mention in `text` (its spans from the search layer), marked."""
    if not spans:
        return literal(snippet(text))
    start, end = spans[0]
    first = max(0, start - MENTION_CONTEXT)
    last = min(len(text), end + 2 * MENTION_CONTEXT)
    if first > 0:
        first = text.find(" ", first, start) + 1 or first
    if last < len(text):
        last = text.rfind(" ", end, last) if text.rfind(" ", end, last) > end else last
    window = one_line(text[first:last])
    shifted = [(a - first, b - first) for a, b in spans if a >= first and b <= last]
    content = literal_with_spans(window, shifted, MENTION_STYLE)
    return Content.assemble("…" if first > 0 else "", content, "…" if last < len(text) else "")


def appearance_label(kind: str, title: str, detail: Content | str | None = None) -> Content:
    """ "Kind  title", the kind dim; then `detail` (if not None) on a second line, indented.

    One line, or two with a detail, whatever the book holds (`one_line`): the appearance list declares
    each option's height without building it (`appearance_lines`)."""
    content = Content.assemble((f"{kind}  ", "$text-muted"), (one_line(safe_text(title)), "bold"))
    if detail is not None:
        body = detail if isinstance(detail, Content) else Content(one_line(safe_text(detail)))
        content += Content("\n  ") + body
    return content


def appearance_lines(appearance: Appearance) -> int:
    """How many lines `describe(appearance)` has: meetings and sessions one, the rest two."""
    return 1 if appearance.group in (Group.MEETINGS, Group.SESSIONS) else 2


def describe(appearance: Appearance, words: Vocabulary | None = None) -> Content:
    """What the appearance list shows for one appearance (the phrasing is the book's language's, the
    facts the domain's)."""
    located, words = appearance.located, words or vocabulary()
    if appearance.group is Group.MEETINGS:
        meeting = located.item
        role = words.label("Organiser" if appearance.role is Role.ORGANISER else "Participant")
        return appearance_label(role, f"{meeting.title}, {words.place(meeting)}, {words.meeting_dates(meeting)}")
    if appearance.group is Group.SESSIONS:
        return appearance_label(words.label("Participant"), f"{located.item.title}, {words.date(located.item.date)}")
    if appearance.group is Group.QUOTES:
        return appearance_label(words.label("Said"), item_place(located, words), words.quote(snippet(appearance.text)))
    return appearance_label(words.kind_label(located.kind), item_place(located, words),
                            mention_in_context(appearance.text, appearance.spans))


def entry_prompt(lookup: BriefingLookup, entry: DirectoryEntry, match: RecordMatch | None = None) -> Content:
    """One line: the name in bold (the filter's matches in it marked), then role and organisation, or
    acronym and kind, dim."""
    actor = entry.actor
    if isinstance(actor, Person):
        organisation = lookup.organisations.get(actor.organisation or "")
        about = ", ".join(part for part in (actor.role, organisation.name if organisation else None) if part)
    else:
        about = ", ".join(part for part in (actor.acronym, kind_label(actor, book_words(lookup))) if part)
    spans = match.spans_of("name") if match is not None else ()
    prompt = literal_with_spans(one_line(actor.name), spans, FILTER_MATCH_STYLE).stylize_before("bold")
    if about:
        prompt += Content.styled(f"  {one_line(safe_text(about))}", "$text-muted")
    return prompt


def entry_details(lookup: BriefingLookup, entry: DirectoryEntry) -> Content:
    """The entry's name and what the book says about it, as labelled lines."""
    actor, words = entry.actor, book_words(lookup)
    lines = [Content.styled(safe_text(actor.name), "bold")]
    width = max(13, *(len(words.label(label)) + 1 for label in DETAIL_LABELS))  # one space after the longest

    def add(label: str, value: str | None) -> None:
        if value:
            lines.append(Content.assemble((f"{words.label(label) if label else '':<{width}}", "$text-muted"),
                                          safe_text(value)))

    if isinstance(actor, Person):
        organisation = lookup.organisations.get(actor.organisation or "")
        add("Role", actor.role)
        add("Organisation", organisation.name if organisation else actor.organisation)
        add("Country", actor.country)
        if actor.id == lookup.briefing.principal:
            add("", words.label("The principal of this book."))
    else:
        add("Acronym", actor.acronym)
        add("Kind", kind_label(actor, words))
        members = [person.name for person in lookup.people.values() if person.organisation == actor.id]
        add("People", ", ".join(members))
    return Content("\n").join(lines)


WORKER_FROM_ITEMS = 5_000
"""From this many items, until the search index is built, where someone appears is looked up in a worker
thread: without the index that is a scan of the whole book's text (2 s on the 20 MB book of issue 9),
and the key that moved the cursor must not wait for it. Smaller books take a few milliseconds and show
the appearances at once, without a waiting line; so does any book once its index narrows the scan down."""

NO_INDEX = object()
"""The index of a directory shown without the app's main screen (tests): none will come."""

FINDING = "Finding where this entry appears in the book…"


class EntryList(BrowseList):
    """The people and organisations; `enter` moves to the selected entry's appearances."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Appearances")]


class AppearanceList(BrowseList):
    """Where the selected entry appears; `enter` opens the place."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open")]


class PeopleDirectory(BrowsePane[DirectoryEntry]):
    """People and organisations on the left, the selected one's details and appearances on the right.

    `enter` on an appearance posts `OpenLocation` for it.
    """

    NAME = "people"

    DEFAULT_CSS = """
    PeopleDirectory {
        #people-list { width: 1fr; height: 1fr; }
        #people-detail { width: 2fr; height: 1fr; }
        #people-about { height: auto; max-height: 50%; padding: 0 1; margin: 0 0 1 0; }
        #people-appearances { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "switch_pane", "Switch list", tooltip="between the list and where the entry appears"),
        Binding("escape", "back", "Back / clear", show=False),
    ]

    appearance_list = getters.query_one("#people-appearances", AppearanceList)
    about = getters.query_one("#people-about", Static)

    def __init__(self, lookup: BriefingLookup, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lookup = lookup
        self.words = book_words(lookup)
        """The book's labels, dates and quotation marks (the filter's own messages stay English)."""
        self.entries = build_entries(lookup)
        """Every person, then every organisation."""
        self.listed = list(self.entries)
        self.appearances: list[Appearance] = []
        """Where the selected entry appears; option ids of the appearance list index into it."""
        self.shown: dict[Group, int] = {}
        """How many appearances of a group are listed, once the reader asked for more than the first."""
        self.finder = AppearanceFinder(lookup, self._search_index)
        self.matches: dict[str, RecordMatch] = {}
        """Where the filter matched each listed entry (spans of its name, role…)."""

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="Filter people and organisations (f)", id="people-filter",
                          select_on_focus=False)
        yield Static(id="people-empty", classes="browse-empty", markup=False)
        with Panes(classes="browse-panes"):
            yield EntryList(id="people-list", classes="browse-list", markup=False)
            with Pane(id="people-detail", classes="browse-detail"):
                yield MeasuredStatic(id="people-about", markup=False)
                yield AppearanceList(id="people-appearances", classes="browse-list", markup=False)

    def matching(self, text: str) -> list[DirectoryEntry]:
        query, _error = compile_filter(text)  # an unfinished query ("kuleba OR") keeps the whole list
        found = filter_entries(self.entries, query)
        self.matches = {entry.id: match for entry, match in found}
        return [entry for entry, _match in found]

    def entry_id(self, entry: DirectoryEntry) -> str:
        return entry.id

    def empty_text(self) -> Content:
        return Content.assemble("Nobody matches “", safe_text(self.filter_text.strip()), "”.")

    def select_entry(self, actor_id: str) -> bool:
        """Put the list's cursor on person or organisation `actor_id` and show where it appears."""
        return self.select(actor_id)

    @property
    def selected_appearance(self) -> Appearance | None:
        """The appearance under the cursor of the appearance list."""
        option = self.appearance_list.highlighted_option
        if option is None or option.id is None or more_group(option.id) is not None:
            return None
        return self.appearances[int(option.id)]

    def appearances_of(self, entry: DirectoryEntry) -> list[Appearance]:
        """Where `entry` appears, computed once per entry."""
        return self.finder.appearances(entry.actor)

    def _search_index(self) -> object | None:
        """The book's search index (None while it is built, or in a directory shown without the app's screen)."""
        screen = getattr(self.app, "main_screen", None)
        return screen.search.index if screen is not None else NO_INDEX

    def options(self, entries: Sequence[DirectoryEntry]) -> list[Option]:
        options: list[Option] = []
        for heading, is_person in (("People ({count})", True), ("Organisations ({count})", False)):
            group = [entry for entry in entries if entry.is_person == is_person]
            if group:
                options.append(known_option(Content.styled(self.words.phrase(heading, count=len(group)),
                                                           "$text-accent bold"), disabled=True))
                options.extend(LazyOption(partial(entry_prompt, self.lookup, entry, self.matches.get(entry.id)),
                                          id=entry.id) for entry in group)
        return options

    def _appearance_options(self) -> list[Option]:
        """Each group's heading and first appearances (`briefing.tui.widgets.appearance_window`)."""
        return appearance_options(self.appearances, self.shown, self.words, describe, appearance_lines)

    def show_more(self, group: Group) -> None:
        """List more appearances of `group` (enter on its "more" line), the cursor on the first of them."""
        listed = widen(self.shown, group)
        appearance_list = self.appearance_list
        appearance_list.set_options(self._appearance_options())
        appearance_list.highlighted = appearance_list.get_option_index(
            str(first_of_group(self.appearances, group) + listed))

    def show_entry(self, entry: DirectoryEntry | None) -> None:
        """Show `entry`'s details and appearances, or empty the pane."""
        if entry is None:
            self.appearances = []
            self.about.update(Content("Nobody selected."))
            self.appearance_list.clear_options()
            return
        self.about.update(entry_details(self.lookup, entry))
        if (entry.id in self.finder.found or len(self.lookup.items) < WORKER_FROM_ITEMS
                or self.finder.index is not None):  # with the index, a few milliseconds in any book
            self._show_appearances(self.appearances_of(entry))
            return
        self.appearances = []
        self.appearance_list.set_options([known_option(Content(FINDING), disabled=True)])
        self.run_worker(partial(self._find_appearances, entry), thread=True, exclusive=True, group="appearances")

    def _find_appearances(self, entry: DirectoryEntry) -> None:
        """In a worker thread: where `entry` appears; the reader moving on to another entry cancels it."""
        worker = get_current_worker()
        self.finder.wait_for_index(lambda: worker.is_cancelled)  # it narrows the search down
        try:
            found = self.finder.appearances(entry.actor, cancelled=lambda: worker.is_cancelled)
        except SearchCancelled:
            return
        self.app.call_from_thread(self._found, entry, found)

    def _found(self, entry: DirectoryEntry, found: list[Appearance]) -> None:
        if self.selected_entry is entry:
            self._show_appearances(found)

    def _show_appearances(self, appearances: list[Appearance]) -> None:
        self.appearances, self.shown = appearances, {}
        appearance_list = self.appearance_list
        appearance_list.set_options(self._appearance_options())
        if not self.appearances:
            nowhere = self.words.label("Not mentioned anywhere else in the book.")
            appearance_list.add_option(known_option(Content(nowhere), disabled=True))
        appearance_list.action_first()

    @on(OptionList.OptionSelected, "#people-list")
    def entry_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.appearances:
            focus_now(self.appearance_list)

    @on(OptionList.OptionSelected, "#people-appearances")
    def appearance_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (group := more_group(event.option.id)) is not None:
            self.show_more(group)
        else:
            self.action_open_appearance()

    def action_switch_pane(self) -> None:
        focus_now(self.entry_list if self.appearance_list.has_focus else self.appearance_list)

    def action_back(self) -> None:
        """From the appearances back to the list; in the list, clear the filter."""
        if not self.appearance_list.has_focus:
            self.filter_input.value = ""
        focus_now(self.entry_list)

    def action_open_appearance(self) -> None:
        if (appearance := self.selected_appearance) is not None:
            self.post_message(OpenLocation(appearance.meeting_id, appearance.session_id, appearance.item_id))

    def copy_target(self) -> Located | Person | Organisation | None:
        """What `y` copies here: the appearance under the cursor when in that list, else the entry."""
        if self.appearance_list.has_focus and (appearance := self.selected_appearance) and appearance.item_id:
            return self.lookup.items.get(appearance.item_id)
        entry = self.selected_entry
        return entry.actor if entry is not None else None
