"""Words that carry structure in a release, in English, French and Dutch, and a guess at the language.

Kept in one place so that a new language is one set of lists, not edits all over the importer.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "fr", "nl")

_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "was", "with", "for", "that", "on", "has"},
    "fr": {"le", "la", "les", "des", "et", "du", "est", "une", "dans", "pour", "que", "avec", "au"},
    "nl": {"de", "het", "een", "en", "van", "is", "op", "dat", "met", "voor", "zijn", "werd"},
}


def guess_language(text: str) -> str:
    """`en`, `fr` or `nl`, whichever language's commonest words the text uses most."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    scores = {language: sum(word in common for word in words) for language, common in _STOPWORDS.items()}
    return max(scores, key=lambda language: scores[language])


SPEECH_VERBS = (
    # en
    "said", "says", "added", "stated", "declared", "explained", "stressed", "underlined", "insisted",
    "noted", "recalled", "warned", "continued", "concluded", "emphasised", "emphasized", "told", "remarked",
    "affirmed", "observed", "indicated",
    # fr
    "a déclaré", "a dit", "a ajouté", "a souligné", "a rappelé", "a insisté", "a expliqué", "a affirmé",
    "a indiqué", "a conclu", "a poursuivi", "déclare", "souligne", "ajoute", "explique", "rappelle",
    "a-t-il déclaré", "a-t-elle déclaré", "a-t-il ajouté", "a-t-elle ajouté", "a-t-il souligné",
    "a-t-elle souligné", "a-t-il dit", "a-t-elle dit", "a-t-elle poursuivi", "a-t-il poursuivi",
    "a-t-elle conclu", "a-t-il conclu", "déclare-t-il", "déclare-t-elle", "ajoute-t-il", "ajoute-t-elle",
    "souligne-t-il", "souligne-t-elle", "précise-t-il", "précise-t-elle",
    # nl
    "zei", "zegt", "verklaarde", "benadrukte", "voegde eraan toe", "onderstreepte", "stelde", "aldus",
    "zo zei", "zo verklaarde",
)
"""Verbs that introduce or close a quote ("said X", "X said", "a déclaré X", "aldus X")."""

SPEECH_VERB_PATTERN = "|".join(re.escape(verb) for verb in sorted(SPEECH_VERBS, key=len, reverse=True))

ACCORDING_TO = ("according to", "for", "selon", "pour", "d'après", "d’après", "volgens", "voor")
"""Openers naming the speaker before a comma: "According to X, “…”", "For X, “…”", "Selon X, « … »"."""

PRONOUNS = {
    "she": "f", "he": "m", "elle": "f", "il": "m", "zij": "f", "ze": "f", "hij": "m",
    "a-t-elle": "f", "a-t-il": "m", "-t-elle": "f", "-t-il": "m",
}
"""Pronouns that continue the previous speaker ("She continued: “…”", "« … », a-t-elle ajouté")."""

HONORIFICS = (
    "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Prof.", "Sir", "Dame", "Lord", "M.", "Mme", "Mme.",
    "Madame", "Monsieur", "Dhr.", "Mevr.", "Mevrouw", "Meneer", "HE", "H.E.", "S.E.",
)

ROLE_WORDS = (
    "Minister", "Ministre", "minister", "ministre", "Prime", "Premier", "President", "Président", "Présidente",
    "Voorzitter", "Chancellor", "Chancelier", "Secretary", "Secrétaire", "Secretaris", "Commissioner",
    "Commissaire", "Commissaris", "Ambassador", "Ambassadeur", "Ambassadrice", "Prosecutor", "Procureur",
    "Representative", "Représentant", "Représentante", "Vertegenwoordiger", "Director", "Directeur",
    "Directrice", "Governor", "Envoy", "Envoyé", "Envoyée", "Gezant", "Tánaiste", "Taoiseach", "King", "Queen",
    "Roi", "Reine", "Koning", "Koningin", "Chair", "Chairman", "Chairwoman", "Spokesperson", "Porte-parole",
    "Woordvoerder", "Head", "Chef", "Deputy", "Vice", "Vicepremier", "Staatssecretaris",
    "représentant", "représentante", "président", "présidente", "secrétaire", "commissaire", "ambassadeur",
    "ambassadrice", "procureur", "procureure", "directeur", "directrice", "porte-parole", "premier", "première",
    "vice-Première", "vice-Premier", "vicepremier", "staatssecretaris", "voorzitter", "woordvoerder",
)
"""Words of a title or role: "Deputy Prime Minister and Minister of Foreign Affairs", "ministre des Affaires étrangères"."""

TITLE_ALONE = re.compile(
    r"(?:[Tt]he|[Ll]a|[Ll]e|[Ll][’']|[Dd]e|[Hh]et)\s+((?:Deputy |Vice-|Vice |Prime |Foreign )?(?:Minister|Ministre|ministre|minister"
    r"|Vice-Premier|Vicepremier|vice-Première ministre|vice-Premier ministre|Tánaiste|President|Président|Présidente"
    r"|High Representative|Haut représentant|Haute représentante|Secretary-General|Secrétaire général"
    r"|Commissioner|Commissaire|Chancellor|Ambassador|Ambassadeur|Ambassadrice)"
    r"(?: and Minister of Foreign Affairs| of Foreign Affairs| des Affaires étrangères| van Buitenlandse Zaken)?)\b"
)
"""A title used alone in place of a name ("the Minister", "la ministre"): resolved to the principal."""

SESSION_FORMATS = (
    ("working breakfast", "morning"), ("breakfast meeting", "morning"), ("breakfast", "morning"),
    ("working lunch", "midday"), ("lunch", "midday"), ("working dinner", "evening"), ("dinner", "evening"),
    ("working session", None), ("working meeting", None), ("plenary session", None), ("session", None),
    ("bilateral meeting", None), ("press conference", None), ("round table", None), ("roundtable", None),
    ("petit-déjeuner de travail", "morning"), ("petit-déjeuner", "morning"), ("déjeuner de travail", "midday"),
    ("déjeuner", "midday"), ("dîner de travail", "evening"), ("dîner", "evening"), ("session de travail", None),
    ("séance de travail", None), ("réunion de travail", None), ("séance plénière", None), ("séance", None),
    ("entretien bilatéral", None), ("conférence de presse", None), ("table ronde", None),
    ("werkontbijt", "morning"), ("ontbijt", "morning"), ("werklunch", "midday"), ("werkdiner", "evening"),
    ("diner", "evening"), ("werksessie", None), ("werkvergadering", None), ("persconferentie", None),
)
"""Cue words of a session and the part of day they imply, most specific first."""

TIME_CUES = (
    ("in the morning", "morning"), ("this morning", "morning"), ("in the afternoon", "afternoon"),
    ("this afternoon", "afternoon"), ("in the evening", "evening"), ("this evening", "evening"),
    ("later", None), ("the previous day", None), ("the day before", None), ("the next day", None),
    ("the following day", None),
    ("dans la matinée", "morning"), ("le matin", "morning"), ("ce matin", "morning"),
    ("dans l'après-midi", "afternoon"), ("dans l’après-midi", "afternoon"), ("l'après-midi", "afternoon"),
    ("l’après-midi", "afternoon"), ("en soirée", "evening"), ("le soir", "evening"), ("plus tard", None),
    ("la veille", None), ("le lendemain", None),
    ("'s ochtends", "morning"), ("’s ochtends", "morning"), ("in de voormiddag", "morning"),
    ("'s middags", "afternoon"), ("’s middags", "afternoon"), ("in de namiddag", "afternoon"),
    ("'s avonds", "evening"), ("’s avonds", "evening"), ("later", None), ("de dag ervoor", None),
    ("de volgende dag", None),
)
"""Phrases opening a paragraph that move the account to another part of the day or another day."""

DAY_SHIFTS = {"the previous day": -1, "the day before": -1, "la veille": -1, "de dag ervoor": -1,
              "the next day": 1, "the following day": 1, "le lendemain": 1, "de volgende dag": 1}

MEETING_WORDS = re.compile(
    r"\b(?:meeting|ministerial|summit|council|conference|réunion|sommet|conseil|conférence"
    r"|vergadering|top|raad|ministeriële)\b",
    re.IGNORECASE,
)
"""A heading with one of these words starts a new meeting, not just a new session."""

TRIP_WORDS = re.compile(r"\b(?:visit|trip|visite|déplacement|voyage|bezoek|reis)\b", re.IGNORECASE)
"""Words that make the release's first line the title of a meeting (a visit), but a later heading a session."""

APPROXIMATE_PREFIX = (
    r"(?:some|about|around|approximately|roughly|nearly|almost|close to|more than|over|up to|at least|"
    r"less than|fewer than|an estimated|quelque|environ|près de|presque|plus de|moins de|jusqu['’]à|"
    r"au moins|bijna|ongeveer|zowat|ruim|meer dan|minder dan|circa)"
)
