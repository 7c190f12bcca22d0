"""Dutch: „…” quotation marks, CLDR dates (via Babel), the labels of the printout and the app."""

from __future__ import annotations

from briefing.model import OrganisationKind, PartOfDay
from briefing.render.phrasebooks.base import Phrasebook

APP_LABELS = {
    # The meeting tab
    "Dating": "Datering", "Source passages about the meeting ({count})": "Bronpassages over de vergadering ({count})",
    "Source passages ({count})": "Bronpassages ({count})",
    # The overview
    "Book": "Dossier", "Meetings": "Vergaderingen", "Timeline": "Tijdlijn",
    "Key positions of the principal's country": "Kernstandpunten van het land van de principaal", "Figures": "Cijfers",
    "Principal": "Principaal", "Prepared by": "Opgesteld door", "Note on dates": "Opmerking bij de data",
    "No positions recorded.": "Geen standpunten opgenomen.", "No figures recorded.": "Geen cijfers opgenomen.",
    # The quote browser
    "Meeting": "Vergadering", "Session": "Sessie", "Date": "Datum", "Source passage — {reference}": "Bronpassage — {reference}",
    "Source: {reference}": "Bron: {reference}",
    "The book holds no passage of source paragraph {paragraph}.": "Het dossier bevat geen passage uit bronalinea {paragraph}.",
    # The people directory
    "Sessions": "Sessies", "Quotes": "Citaten", "Mentioned in": "Vermeld in", "Participant": "Deelnemer",
    "Said": "Zei", "Role": "Functie", "Organisation": "Organisatie", "Country": "Land",
    "The principal of this book.": "De principaal van dit dossier.", "Acronym": "Afkorting", "People": "Personen",
    "People ({count})": "Personen ({count})", "Organisations ({count})": "Organisaties ({count})",
    "Not mentioned anywhere else in the book.": "Nergens anders in het dossier vermeld.",
    # Search results, notes, the clipboard
    "People & organisations": "Personen en organisaties", "private note": "persoonlijke notitie",
    "Source passage": "Bronpassage",
}
"""The app's labels of the book's content (its own instructions and keys stay English)."""

DUTCH = Phrasebook(
    kind_names={
        "meeting": "vergadering", "session": "sessie", "passage": "passage", "key_point": "kernpunt",
        "position": "standpunt", "figure": "cijfer", "quote": "citaat", "person": "persoon",
        "organisation": "organisatie", "heading": "tussentitel",
    },
    kind_labels={
        "passage": "Bron", "key_point": "Kernpunt", "position": "Standpunt", "figure": "Cijfer", "quote": "Citaat",
    },
    kind_sections={
        "passage": "Bronpassages", "key_point": "Kernpunten", "position": "Standpunten", "figure": "Cijfers",
        "quote": "Citaten",
    },
    organisation_kinds={
        OrganisationKind.INTERNATIONAL_ORGANISATION: "internationale organisatie",
        OrganisationKind.EU_INSTITUTION: "EU-instelling",
        OrganisationKind.GOVERNMENT_BODY: "overheidsdienst",
        OrganisationKind.STATE: "staat",
        OrganisationKind.GROUP: "groep",
        OrganisationKind.INITIATIVE: "initiatief",
        OrganisationKind.OTHER: "andere",
    },
    parts_of_day={
        PartOfDay.MORNING: "ochtend", PartOfDay.MIDDAY: "middag", PartOfDay.AFTERNOON: "namiddag",
        PartOfDay.EVENING: "avond",
    },
    source_prefix="bron",
    not_stated_place="plaats niet vermeld",
    not_stated_published="publicatiedatum niet vermeld",
    not_stated_principal="geen principaal vermeld",
    quote_marks=("„", "”"),
    draft="ONTWERP",
    breaks_off="[de bron breekt hier af]",
    labels=APP_LABELS | {
        "Issued by": "Uitgegeven door", "Prepared for": "Opgesteld voor", "Dates": "Data", "Place": "Plaats",
        "Kind": "Soort", "Organiser": "Organisator", "Participants": "Deelnemers", "Topics": "Onderwerpen",
        "Note on the dates": "Opmerking bij de data", "Note on the date": "Opmerking bij de datum",
        "Note on the place": "Opmerking bij de plaats", "Note on the principal": "Opmerking bij de principaal",
        "Selection": "Selectie", "Mentioned, not attended": "Vermeld, niet bijgewoond",
    },
)
