"""The briefing model: Pydantic types with no I/O and no UI."""

from briefing.model.lookup import ITEM_KINDS, BriefingLookup, Located, iter_items, iter_sessions
from briefing.model.references import ReferenceProblem, find_reference_problems, format_location
from briefing.model.types import (
    SCHEMA_VERSION,
    BookStatus,
    Briefing,
    Figure,
    Meeting,
    Organisation,
    OrganisationKind,
    PartOfDay,
    Passage,
    Person,
    Point,
    Quote,
    ReferencedMeeting,
    Session,
    SourceDocument,
    SourceRef,
)

__all__ = [
    "ITEM_KINDS",
    "SCHEMA_VERSION",
    "BookStatus",
    "Briefing",
    "BriefingLookup",
    "Figure",
    "Located",
    "Meeting",
    "Organisation",
    "OrganisationKind",
    "PartOfDay",
    "Passage",
    "Person",
    "Point",
    "Quote",
    "ReferenceProblem",
    "ReferencedMeeting",
    "Session",
    "SourceDocument",
    "SourceRef",
    "find_reference_problems",
    "format_location",
    "iter_items",
    "iter_sessions",
]
