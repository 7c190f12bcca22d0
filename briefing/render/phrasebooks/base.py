"""The words of one language: kinds, parts of day, not-stated phrases, labels, quotation marks.

English is the reference: every other phrasebook translates its labels, keyed by the English wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import OrganisationKind, PartOfDay
from briefing.render.dates import NOT_STATED_PLACE, NOT_STATED_PRINCIPAL, NOT_STATED_PUBLISHED


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """The words of one language; a new item kind adds one entry to each `kind_*` table."""

    kind_names: dict[str, str]
    """A kind as a common noun in running text: "key point"."""
    kind_labels: dict[str, str]
    """How the reader announces an item before its text: "Key point", "Source"."""
    kind_sections: dict[str, str]
    """Heading of a list of such items in a printout: "Key points", "Source passages"."""
    organisation_kinds: dict[OrganisationKind, str]
    parts_of_day: dict[PartOfDay, str]
    source_prefix: str = "source"
    not_stated_place: str = NOT_STATED_PLACE
    not_stated_published: str = NOT_STATED_PUBLISHED
    not_stated_principal: str = NOT_STATED_PRINCIPAL
    """What a book shows for a fact its source does not state (never an invented value)."""
    quote_marks: tuple[str, str] = ("“", "”")
    """How the language quotes: “…” in English, « … » in French, „…” in Dutch."""
    draft: str = "DRAFT"
    """Put beside the classification marking of a book whose status is draft."""
    labels: dict[str, str] | None = None
    """Labels of the printout and the app ("Issued by", "Source passages ({count})"), keyed by their
    English wording; a key the language lacks is shown in English (tests check that none is missing)."""
    breaks_off: str = "[the source breaks off here]"
    """After the text of a passage or quote that the source cuts off (`truncated`)."""


ENGLISH = Phrasebook(
    kind_names={
        "meeting": "meeting", "session": "session", "passage": "passage", "key_point": "key point",
        "position": "position", "figure": "figure", "quote": "quote", "person": "person",
        "organisation": "organisation", "heading": "heading",
    },
    kind_labels={
        "passage": "Source", "key_point": "Key point", "position": "Position", "figure": "Figure",
        "quote": "Quote",
    },
    kind_sections={
        "passage": "Source passages", "key_point": "Key points", "position": "Positions",
        "figure": "Figures", "quote": "Quotes",
    },
    organisation_kinds={
        OrganisationKind.INTERNATIONAL_ORGANISATION: "international organisation",
        OrganisationKind.EU_INSTITUTION: "EU institution",
        OrganisationKind.GOVERNMENT_BODY: "government body",
        OrganisationKind.STATE: "state",
        OrganisationKind.GROUP: "group",
        OrganisationKind.INITIATIVE: "initiative",
        OrganisationKind.OTHER: "other",
    },
    parts_of_day={
        PartOfDay.MORNING: "morning", PartOfDay.MIDDAY: "midday", PartOfDay.AFTERNOON: "afternoon",
        PartOfDay.EVENING: "evening",
    },
)
