"""Command palette (ctrl+p): jump to any meeting, session, quote, person or organisation by name.

The app's actions are in the palette too, through `BriefingApp.get_system_commands`.

Titles from the briefing are matched as plain text and shown as literal `Content`: the palette's own
`Matcher.highlight` parses its argument as markup, so it is never given briefing text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from briefing.model import BriefingLookup, iter_sessions
from briefing.render.safety import safe_text
from briefing.render.vocabulary import vocabulary
from briefing.tui.messages import OpenDirectoryEntry, OpenLocation
from briefing.tui.widgets.literal import literal

QUOTE_PREVIEW = 60
"""Characters of a quote shown in the palette."""

MATCHED_LENGTH = 80
"""Characters of a destination's text the palette matches against: Textual's fuzzy matcher takes
time that grows steeply with the lengths of query and candidate, and a whole quote would freeze it."""


@dataclass(frozen=True)
class Destination:
    """A place in the book the palette can jump to."""

    kind: str
    plain: str
    display: Content
    location: OpenLocation | OpenDirectoryEntry


def destinations(lookup: BriefingLookup) -> list[Destination]:
    """Every meeting, session, quote, person and organisation, with the message that opens it."""
    found: list[Destination] = []
    words = vocabulary(lookup.briefing.language)
    for meeting in lookup.briefing.meetings:
        found.append(Destination("Meeting", meeting.title, literal(meeting.title), OpenLocation(meeting.id)))
    for meeting, session in iter_sessions(lookup.briefing):
        display = Content.assemble(literal(session.title), (" · ", "dim"), literal(meeting.title, "dim"))
        found.append(Destination("Session", f"{session.title} {meeting.title}", display,
                                 OpenLocation(meeting.id, session.id)))
    for located in lookup.quotes():
        quote = located.item
        speaker = lookup.actor_name(quote.speaker)
        preview = quote.text if len(quote.text) <= QUOTE_PREVIEW else quote.text[: QUOTE_PREVIEW - 1] + "…"
        opening, closing = words.words.quote_marks
        display = Content.assemble(literal(speaker, "italic"), ": ", opening, literal(preview), closing)
        session_id = located.session.id if located.session else None
        found.append(Destination("Quote", f"{speaker} {preview}", display,
                                 OpenLocation(located.meeting.id, session_id, quote.id)))
    for person in lookup.briefing.people:
        display = Content.assemble(literal(person.name), *((", ", literal(person.role, "dim")) if person.role else ()))
        found.append(Destination("Person", f"{person.name} {person.role or ''}", display,
                                 OpenDirectoryEntry(person.id)))
    for organisation in lookup.briefing.organisations:
        acronym = organisation.acronym
        display = Content.assemble(literal(organisation.name), *((" (", literal(acronym), ")") if acronym else ()))
        found.append(Destination("Organisation", f"{organisation.name} {acronym or ''}", display,
                                 OpenDirectoryEntry(organisation.id)))
    return found


class BriefingCommands(Provider):
    """Go to a meeting, a session or a quote."""

    async def startup(self) -> None:
        from briefing.tui.app import BriefingApp

        app = self.app
        # On the library screen no book is open: nothing to go to.
        self.places = destinations(app.lookup) if isinstance(app, BriefingApp) and app.lookup else []

    def _open(self, location: OpenLocation | OpenDirectoryEntry) -> Callable[[], None]:
        def post() -> None:
            from briefing.tui.screens.main_screen import MainScreen

            screen = next((s for s in self.app.screen_stack if isinstance(s, MainScreen)), None)
            if screen is None:
                return
            # A fresh message each time: a message object is delivered once.
            if isinstance(location, OpenDirectoryEntry):
                screen.post_message(OpenDirectoryEntry(location.actor_id))
            else:
                screen.post_message(OpenLocation(location.meeting_id, location.session_id, location.item_id))

        return post

    def _display(self, place: Destination) -> Content:
        return Content.assemble((f"{place.kind}: ", "bold"), place.display)

    async def discover(self) -> Hits:
        for place in self.places:
            if place.kind in ("Meeting", "Session"):
                yield DiscoveryHit(self._display(place), self._open(place.location), text=safe_text(place.plain))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for place in self.places:
            score = matcher.match(f"{place.kind} {place.plain}"[:MATCHED_LENGTH])
            if score > 0:
                yield Hit(score, self._display(place), self._open(place.location), text=safe_text(place.plain),
                          help=f"Open this {place.kind.lower()}")


__all__ = ["BriefingCommands", "Destination", "destinations"]
