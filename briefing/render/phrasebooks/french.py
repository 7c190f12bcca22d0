"""French: « … » with no-break spaces, CLDR dates (via Babel), the labels of the printout and the app."""

from __future__ import annotations

from briefing.model import OrganisationKind, PartOfDay
from briefing.render.phrasebooks.base import Phrasebook

APP_LABELS = {
    # The meeting tab
    "Dating": "Datation", "Source passages about the meeting ({count})": "Extraits de la source sur la réunion ({count})",
    "Source passages ({count})": "Extraits de la source ({count})",
    # The overview
    "Book": "Dossier", "Meetings": "Réunions", "Timeline": "Chronologie",
    "Key positions of the principal's country": "Positions clés du pays du destinataire", "Figures": "Chiffres",
    "Principal": "Destinataire", "Prepared by": "Préparé par", "Note on dates": "Note sur les dates",
    "No positions recorded.": "Aucune position consignée.", "No figures recorded.": "Aucun chiffre consigné.",
    # The quote browser
    "Meeting": "Réunion", "Session": "Séance", "Date": "Date", "Source passage — {reference}": "Extrait — {reference}",
    "Source: {reference}": "Source : {reference}",
    "The book holds no passage of source paragraph {paragraph}.": "Le dossier ne reprend pas le § {paragraph} de la source.",
    # The people directory
    "Sessions": "Séances", "Quotes": "Citations", "Mentioned in": "Mentionné dans", "Participant": "Participant",
    "Said": "A déclaré", "Role": "Fonction", "Organisation": "Organisation", "Country": "Pays",
    "The principal of this book.": "Le destinataire de ce dossier.", "Acronym": "Sigle", "People": "Personnes",
    "People ({count})": "Personnes ({count})", "Organisations ({count})": "Organisations ({count})",
    "Not mentioned anywhere else in the book.": "Mentionné nulle part ailleurs dans le dossier.",
    # Search results, notes, the clipboard
    "People & organisations": "Personnes et organisations", "private note": "note personnelle",
    "Source passage": "Extrait de la source",
}
"""The app's labels of the book's content (its own instructions and keys stay English)."""

FRENCH = Phrasebook(
    kind_names={
        "meeting": "réunion", "session": "séance", "passage": "extrait", "key_point": "point clé",
        "position": "position", "figure": "chiffre", "quote": "citation", "person": "personne",
        "organisation": "organisation", "heading": "intertitre",
    },
    kind_labels={
        "passage": "Source", "key_point": "Point clé", "position": "Position", "figure": "Chiffre",
        "quote": "Citation",
    },
    kind_sections={
        "passage": "Extraits de la source", "key_point": "Points clés", "position": "Positions",
        "figure": "Chiffres", "quote": "Citations",
    },
    organisation_kinds={
        OrganisationKind.INTERNATIONAL_ORGANISATION: "organisation internationale",
        OrganisationKind.EU_INSTITUTION: "institution de l’UE",
        OrganisationKind.GOVERNMENT_BODY: "administration",
        OrganisationKind.STATE: "État",
        OrganisationKind.GROUP: "groupe",
        OrganisationKind.INITIATIVE: "initiative",
        OrganisationKind.OTHER: "autre",
    },
    parts_of_day={
        PartOfDay.MORNING: "matin", PartOfDay.MIDDAY: "midi", PartOfDay.AFTERNOON: "après-midi",
        PartOfDay.EVENING: "soir",
    },
    source_prefix="source",
    not_stated_place="lieu non précisé",
    not_stated_published="date de publication non précisée",
    not_stated_principal="aucun destinataire désigné",
    quote_marks=("«\u00a0", "\u00a0»"),
    draft="PROJET",
    breaks_off="[la source s’interrompt ici]",
    labels=APP_LABELS | {
        "Issued by": "Émis par", "Prepared for": "Préparé pour", "Dates": "Dates", "Place": "Lieu",
        "Kind": "Type", "Organiser": "Organisateur", "Participants": "Participants", "Topics": "Thèmes",
        "Note on the dates": "Note sur les dates", "Note on the date": "Note sur la date",
        "Note on the place": "Note sur le lieu", "Note on the principal": "Note sur le destinataire",
        "Selection": "Sélection", "Mentioned, not attended": "Mentionnées, sans participation",
    },
)
