"""Who's who: the people and organisations of the book, and everywhere each of them appears.

An entry appears where it takes part (meetings, sessions), what it said (quotes), what it organised,
and every item whose text mentions its name, surname or acronym. Briefing text is untrusted: every
string goes through `safe_text` and enters the widgets as `Content`, never as markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import BriefingLookup, Located, Organisation, Person
from briefing.render.dates import format_date, format_date_range
from briefing.render.safety import safe_text
from briefing.search.folding import FoldedText, fold
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.browse_pane import BrowsePane
from briefing.tui.widgets.filter_input import FilterInput
from briefing.tui.widgets.reader_scroll import BrowseList

MIN_SURNAME_LENGTH = 4
"""A person's last name alone counts as a mention only from this length, so `Li` or `Ng` do not
match every other word."""

MENTION_STYLE = "bold reverse"
"""How a mention is marked: bold and reverse, not colour alone. (A component class cannot say
`reverse`: Textual's visual styles for components carry bold, dim, italic, underline and strike only.)"""

MENTION_CONTEXT = 40
"""About how many characters of text to show before a mention (and twice that after it)."""

KIND_LABELS = {"passage": "Passage", "key_point": "Key point", "position": "Position", "figure": "Figure",
               "quote": "Quote"}
"""How each kind of item is named in the list of appearances."""


@dataclass(frozen=True, slots=True)
class Appearance:
    """One place where a person or organisation appears, and what to open to see it."""

    group: str
    """The heading it is listed under: "Meetings", "Sessions", "Quotes", "Mentioned in"."""
    label: Content
    meeting_id: str
    session_id: str | None = None
    item_id: str | None = None


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """A person or an organisation, with what the list shows and what the filter matches."""

    id: str
    actor: Person | Organisation
    folded: str
    """Name, role, acronym, country and organisation, folded once for filtering."""

    @property
    def is_person(self) -> bool:
        return isinstance(self.actor, Person)


def build_entries(lookup: BriefingLookup) -> list[DirectoryEntry]:
    """People by surname, then organisations by name (accents and case ignored)."""
    people = sorted(lookup.people.values(), key=lambda person: (fold(surname(person.name)), fold(person.name)))
    organisations = sorted(lookup.organisations.values(), key=lambda organisation: fold(organisation.name))
    entries = []
    for person in people:
        organisation = lookup.organisations.get(person.organisation or "")
        words = [person.name, person.role or "", person.country or "",
                 organisation.name if organisation else "", (organisation.acronym or "") if organisation else ""]
        entries.append(DirectoryEntry(person.id, person, fold(" ".join(words))))
    for organisation in organisations:
        words = [organisation.name, organisation.acronym or "", kind_label(organisation)]
        entries.append(DirectoryEntry(organisation.id, organisation, fold(" ".join(words))))
    return entries


def surname(name: str) -> str:
    """The last word of a name (the whole name if it has no words)."""
    words = name.split()
    return words[-1] if words else name


def kind_label(organisation: Organisation) -> str:
    """`international-organisation` → "international organisation"."""
    return organisation.kind.value.replace("-", " ")


def mention_pattern(actor: Person | Organisation) -> re.Pattern[str]:
    """Whole-word matches, in folded text, of the actor's name (and surname or acronym)."""
    names = [actor.name]
    if isinstance(actor, Person):
        last_name = surname(actor.name)
        if len(last_name) >= MIN_SURNAME_LENGTH and last_name != actor.name:
            names.append(last_name)
    elif actor.acronym:
        names.append(actor.acronym)
    alternatives = "|".join(re.escape(fold(name)) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def item_text(located: Located) -> str:
    """The words of an item that can mention someone."""
    item = located.item
    if located.kind == "figure":
        return f"{item.counts} {item.as_written}"
    return item.text


def item_place(located: Located) -> str:
    """ "Session title, date" or "Meeting title, dates" for an item."""
    if located.session is not None:
        return f"{located.session.title}, {format_date(located.session.date)}"
    return f"{located.meeting.title}, {format_date_range(located.meeting.start, located.meeting.end)}"


def snippet(text: str, words: int = 14) -> str:
    """The first `words` words of `text`, with an ellipsis when there is more."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def mention_in_context(text: str, pattern: re.Pattern[str]) -> Content:
    """The words around the first mention in `text`, the mention in `style`."""
    folded = FoldedText.of(text)
    match = pattern.search(folded.folded)
    if match is None:
        return Content(safe_text(snippet(text)))
    start, end = folded.original_span(*match.span())
    before = text[max(0, start - MENTION_CONTEXT):start]
    after = text[end:end + 2 * MENTION_CONTEXT]
    if start > MENTION_CONTEXT:
        before = "…" + before.split(" ", 1)[-1]
    if end + 2 * MENTION_CONTEXT < len(text):
        after = after.rsplit(" ", 1)[0] + "…"
    return Content.assemble(safe_text(before), (safe_text(text[start:end]), MENTION_STYLE), safe_text(after))


def appearance_label(kind: str, title: str, detail: Content | str = "") -> Content:
    """ "Kind  title", the kind dim; then `detail` on a second line, indented."""
    content = Content.assemble((f"{kind}  ", "$text-muted"), (safe_text(title), "bold"))
    if detail:
        body = detail if isinstance(detail, Content) else Content(safe_text(detail))
        content += Content("\n  ") + body
    return content


def find_appearances(lookup: BriefingLookup, entry: DirectoryEntry) -> list[Appearance]:
    """Everywhere `entry` appears: meetings, sessions, quotes, mentions; in document order within each."""
    found: list[Appearance] = []
    for meeting in lookup.briefing.meetings:
        dates = format_date_range(meeting.start, meeting.end)
        if meeting.organiser == entry.id:
            label = appearance_label("Organiser", f"{meeting.title}, {meeting.place}, {dates}")
            found.append(Appearance("Meetings", label, meeting.id))
        elif entry.id in meeting.participants:
            label = appearance_label("Participant", f"{meeting.title}, {meeting.place}, {dates}")
            found.append(Appearance("Meetings", label, meeting.id))
    for meeting, session in lookup.sessions.values():
        if entry.id in session.participants:
            label = appearance_label("Participant", f"{session.title}, {format_date(session.date)}")
            found.append(Appearance("Sessions", label, meeting.id, session.id))
    spoken: set[str] = set()
    for located in lookup.quotes():
        session_id = located.session.id if located.session else None
        if located.item.speaker == entry.id:
            spoken.add(located.item.id)
            label = appearance_label("Said", item_place(located), f"“{snippet(located.item.text)}”")
            found.append(Appearance("Quotes", label, located.meeting.id, session_id, located.item.id))
    pattern = mention_pattern(entry.actor)
    for located in lookup.items.values():
        text, session_id = item_text(located), located.session.id if located.session else None
        if located.item.id in spoken or not pattern.search(fold(text)):
            continue
        label = appearance_label(KIND_LABELS[located.kind], item_place(located), mention_in_context(text, pattern))
        found.append(Appearance("Mentioned in", label, located.meeting.id, session_id, located.item.id))
    return found


def entry_prompt(lookup: BriefingLookup, entry: DirectoryEntry) -> Content:
    """One line: the name in bold, then role and organisation, or acronym and kind, dim."""
    actor = entry.actor
    if isinstance(actor, Person):
        organisation = lookup.organisations.get(actor.organisation or "")
        about = ", ".join(part for part in (actor.role, organisation.name if organisation else None) if part)
    else:
        about = ", ".join(part for part in (actor.acronym, kind_label(actor)) if part)
    prompt = Content.styled(safe_text(actor.name), "bold")
    if about:
        prompt += Content.styled(f"  {safe_text(about)}", "$text-muted")
    return prompt


def entry_details(lookup: BriefingLookup, entry: DirectoryEntry) -> Content:
    """The entry's name and what the book says about it, as labelled lines."""
    actor = entry.actor
    lines = [Content.styled(safe_text(actor.name), "bold")]

    def add(label: str, value: str | None) -> None:
        if value:
            lines.append(Content.assemble((f"{label:<13}", "$text-muted"), safe_text(value)))

    if isinstance(actor, Person):
        organisation = lookup.organisations.get(actor.organisation or "")
        add("Role", actor.role)
        add("Organisation", organisation.name if organisation else actor.organisation)
        add("Country", actor.country)
        if actor.id == lookup.briefing.principal:
            add("", "The principal of this book.")
    else:
        add("Acronym", actor.acronym)
        add("Kind", kind_label(actor))
        members = [person.name for person in lookup.people.values() if person.organisation == actor.id]
        add("People", ", ".join(members))
    return Content("\n").join(lines)


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
        self.entries = build_entries(lookup)
        """Every person, then every organisation."""
        self.listed = list(self.entries)
        self.appearances: list[Appearance] = []
        """Where the selected entry appears; option ids of the appearance list index into it."""
        self._appearance_cache: dict[str, list[Appearance]] = {}

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="Filter people and organisations (f)", id="people-filter",
                          select_on_focus=False)
        yield Static(id="people-empty", classes="browse-empty", markup=False)
        with Horizontal(classes="browse-panes"):
            yield EntryList(id="people-list", classes="browse-list", markup=False)
            with Vertical(id="people-detail", classes="browse-detail"):
                yield Static(id="people-about", markup=False)
                yield AppearanceList(id="people-appearances", classes="browse-list", markup=False)

    def matching(self, text: str) -> list[DirectoryEntry]:
        words = fold(text).split()
        return [entry for entry in self.entries if all(word in entry.folded for word in words)]

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
        if option is None or option.id is None:
            return None
        return self.appearances[int(option.id)]

    def appearances_of(self, entry: DirectoryEntry) -> list[Appearance]:
        """Where `entry` appears, computed once per entry."""
        if entry.id not in self._appearance_cache:
            self._appearance_cache[entry.id] = find_appearances(self.lookup, entry)
        return self._appearance_cache[entry.id]

    def options(self, entries: Sequence[DirectoryEntry]) -> list[Option]:
        options: list[Option] = []
        for heading, is_person in (("People", True), ("Organisations", False)):
            group = [entry for entry in entries if entry.is_person == is_person]
            if group:
                options.append(Option(Content.styled(f"{heading} ({len(group)})", "$text-accent bold"),
                                      disabled=True))
                options.extend(Option(entry_prompt(self.lookup, entry), id=entry.id) for entry in group)
        return options

    def _appearance_options(self, appearances: list[Appearance]) -> list[Option]:
        """Appearances under a disabled heading per group; each option's id is its index in the list."""
        options: list[Option] = []
        current_group = None
        for index, appearance in enumerate(appearances):
            if appearance.group != current_group:
                current_group = appearance.group
                count = sum(1 for other in appearances if other.group == current_group)
                options.append(Option(Content.styled(f"{current_group} ({count})", "$text-accent bold"),
                                      disabled=True))
            options.append(Option(appearance.label, id=str(index)))
        return options

    def show_entry(self, entry: DirectoryEntry | None) -> None:
        """Show `entry`'s details and appearances, or empty the pane."""
        if entry is None:
            self.appearances = []
            self.about.update(Content("Nobody selected."))
            self.appearance_list.clear_options()
            return
        self.appearances = self.appearances_of(entry)
        self.about.update(entry_details(self.lookup, entry))
        appearance_list = self.appearance_list
        appearance_list.set_options(self._appearance_options(self.appearances))
        if not self.appearances:
            appearance_list.add_option(Option(Content("Not mentioned anywhere else in the book."), disabled=True))
        appearance_list.action_first()

    @on(OptionList.OptionSelected, "#people-list")
    def entry_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.appearances:
            self.appearance_list.focus()

    @on(OptionList.OptionSelected, "#people-appearances")
    def appearance_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_appearance()

    def action_switch_pane(self) -> None:
        (self.entry_list if self.appearance_list.has_focus else self.appearance_list).focus()

    def action_back(self) -> None:
        """From the appearances back to the list; in the list, clear the filter."""
        if not self.appearance_list.has_focus:
            self.filter_input.value = ""
        self.entry_list.focus()

    def action_open_appearance(self) -> None:
        if (appearance := self.selected_appearance) is not None:
            self.post_message(OpenLocation(appearance.meeting_id, appearance.session_id, appearance.item_id))

    def copy_target(self) -> Located | Person | Organisation | None:
        """What `y` copies here: the appearance under the cursor when in that list, else the entry."""
        if self.appearance_list.has_focus and (appearance := self.selected_appearance) and appearance.item_id:
            return self.lookup.items.get(appearance.item_id)
        entry = self.selected_entry
        return entry.actor if entry is not None else None
