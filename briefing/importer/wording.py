"""What the importer writes in its own words — notes in the draft book and the report to the author —
in the release's language (English, French, Dutch; any other language gets English).

Templates are keyed by their English wording and filled with `str.format`: the values (words of the
release) are inserted as they are, never read as templates.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

FRENCH = {
    # Dating (the book's dates_note)
    "The text states the year {year} ({quoted}, ¶{paragraph}).":
        "Le texte donne l’année {year} ({quoted}, ¶{paragraph}).",
    "The text states no year; the release was published in {year}.":
        "Le texte ne donne pas d’année ; le communiqué a été publié en {year}.",
    "It gives {day_month} as a {weekday} without a year: that day fell on a {weekday} in {anchor}, the nearest "
    "such year to {base}; {anchor} is taken for dates written without a year.":
        "Il donne le {day_month} comme un {weekday}, sans année : ce jour tombait un {weekday} en {anchor}, "
        "l’année la plus proche de {base} ; {anchor} est retenu pour les dates écrites sans année.",
    "It gives {day_month} as a {weekday} without a year: that day fell on a {weekday} in {anchor}, the nearest "
    "such year; {anchor} is taken for dates written without a year.":
        "Il donne le {day_month} comme un {weekday}, sans année : ce jour tombait un {weekday} en {anchor}, "
        "l’année la plus proche ; {anchor} est retenu pour les dates écrites sans année.",
    "The text states no year and no weekday: the year {year} is assumed; check it.":
        "Le texte ne donne ni année ni jour de la semaine : l’année {year} est supposée ; à vérifier.",
    "{date} was a {weekday}, as the text says": "le {date} était un {weekday}, comme le dit le texte",
    "{date} was a {weekday}, not a {stated} as the text says":
        "le {date} était un {weekday}, et non un {stated} comme le dit le texte",
    # Sessions
    "The text gives no date for this session: filed under the first day of the meeting; check it.":
        "Le texte ne date pas cette séance : classée au premier jour de la réunion ; à vérifier.",
    "The text says {quoted}: counted from the session before.":
        "Le texte dit {quoted} : compté à partir de la séance précédente.",
    "The text says {quoted}: the {weekday} of the meeting, {date}.":
        "Le texte dit {quoted} : le {weekday} de la réunion, {date}.",
    "The text says {quoted}: taken as the same day as the session before.":
        "Le texte dit {quoted} : compté le même jour que la séance précédente.",
    "The text gives no date for this session: filed under the date of the session before; check it.":
        "Le texte ne date pas cette séance : classée à la date de la séance précédente ; à vérifier.",
    "The release does not name the place; check it.": "Le communiqué ne nomme pas le lieu ; à vérifier.",
    "Meeting {number}": "Réunion {number}",
    # Meetings mentioned, not attended
    "Mentioned as upcoming ({quoted}, ¶{paragraph}), not attended in this release; found by `briefing import`: "
    "check it.":
        "Mentionnée comme à venir ({quoted}, ¶{paragraph}), sans participation dans ce communiqué ; trouvée par "
        "`briefing import` : à vérifier.",
    "Mentioned as a past meeting ({quoted}, ¶{paragraph}); found by `briefing import`: check it.":
        "Mentionnée comme une réunion passée ({quoted}, ¶{paragraph}) ; trouvée par `briefing import` : à vérifier.",
    "Mentioned by its month ({quoted}, ¶{paragraph}): give its dates; found by `briefing import`: check it.":
        "Mentionnée par son mois ({quoted}, ¶{paragraph}) : en donner les dates ; trouvée par `briefing import` : "
        "à vérifier.",
    # People, principal, issuer, source
    "Named only as {quoted}: the first name is not in the source.":
        "Désigné seulement comme {quoted} : le prénom n’est pas dans la source.",
    "Speaker to be identified": "Orateur à identifier",
    "Placeholder from `briefing import`: the release does not say who spoke.":
        "Mis en attente par `briefing import` : le communiqué ne dit pas qui parle.",
    "No principal was given at import (`--principal NAME`).":
        "Aucun destinataire n’a été donné à l’import (`--principal NOM`).",
    "Issuer not stated": "Émetteur non précisé",
    "Imported by `briefing import` from a {format} file; {count} paragraphs, headings counted as paragraphs.":
        "Importé par `briefing import` d’un fichier {format} ; {count} paragraphes, intertitres compris.",
}

DUTCH = {
    "The text states the year {year} ({quoted}, ¶{paragraph}).":
        "De tekst vermeldt het jaar {year} ({quoted}, ¶{paragraph}).",
    "The text states no year; the release was published in {year}.":
        "De tekst vermeldt geen jaar; het persbericht verscheen in {year}.",
    "It gives {day_month} as a {weekday} without a year: that day fell on a {weekday} in {anchor}, the nearest "
    "such year to {base}; {anchor} is taken for dates written without a year.":
        "De tekst noemt {day_month} een {weekday}, zonder jaar: die dag viel op een {weekday} in {anchor}, het "
        "dichtste zulke jaar bij {base}; {anchor} geldt voor data zonder jaar.",
    "It gives {day_month} as a {weekday} without a year: that day fell on a {weekday} in {anchor}, the nearest "
    "such year; {anchor} is taken for dates written without a year.":
        "De tekst noemt {day_month} een {weekday}, zonder jaar: die dag viel op een {weekday} in {anchor}, het "
        "dichtste zulke jaar; {anchor} geldt voor data zonder jaar.",
    "The text states no year and no weekday: the year {year} is assumed; check it.":
        "De tekst vermeldt jaar noch weekdag: het jaar {year} is aangenomen; controleer het.",
    "{date} was a {weekday}, as the text says": "{date} was een {weekday}, zoals de tekst zegt",
    "{date} was a {weekday}, not a {stated} as the text says":
        "{date} was een {weekday}, geen {stated} zoals de tekst zegt",
    "The text gives no date for this session: filed under the first day of the meeting; check it.":
        "De tekst dateert deze sessie niet: ingedeeld op de eerste dag van de vergadering; controleer het.",
    "The text says {quoted}: counted from the session before.":
        "De tekst zegt {quoted}: geteld vanaf de sessie ervoor.",
    "The text says {quoted}: the {weekday} of the meeting, {date}.":
        "De tekst zegt {quoted}: de {weekday} van de vergadering, {date}.",
    "The text says {quoted}: taken as the same day as the session before.":
        "De tekst zegt {quoted}: op dezelfde dag gezet als de sessie ervoor.",
    "The text gives no date for this session: filed under the date of the session before; check it.":
        "De tekst dateert deze sessie niet: ingedeeld op de datum van de sessie ervoor; controleer het.",
    "The release does not name the place; check it.": "Het persbericht noemt de plaats niet; controleer het.",
    "Meeting {number}": "Vergadering {number}",
    "Mentioned as upcoming ({quoted}, ¶{paragraph}), not attended in this release; found by `briefing import`: "
    "check it.":
        "Vermeld als komend ({quoted}, ¶{paragraph}), niet bijgewoond in dit persbericht; gevonden door "
        "`briefing import`: controleer het.",
    "Mentioned as a past meeting ({quoted}, ¶{paragraph}); found by `briefing import`: check it.":
        "Vermeld als eerdere vergadering ({quoted}, ¶{paragraph}); gevonden door `briefing import`: controleer het.",
    "Mentioned by its month ({quoted}, ¶{paragraph}): give its dates; found by `briefing import`: check it.":
        "Vermeld met de maand ({quoted}, ¶{paragraph}): vul de data in; gevonden door `briefing import`: "
        "controleer het.",
    "Named only as {quoted}: the first name is not in the source.":
        "Alleen vermeld als {quoted}: de voornaam staat niet in de bron.",
    "Speaker to be identified": "Spreker te bepalen",
    "Placeholder from `briefing import`: the release does not say who spoke.":
        "Voorlopig ingevuld door `briefing import`: het persbericht zegt niet wie sprak.",
    "No principal was given at import (`--principal NAME`).":
        "Bij het importeren is geen principaal opgegeven (`--principal NAAM`).",
    "Issuer not stated": "Uitgever niet vermeld",
    "Imported by `briefing import` from a {format} file; {count} paragraphs, headings counted as paragraphs.":
        "Geïmporteerd door `briefing import` uit een {format}-bestand; {count} alinea’s, tussentitels meegeteld.",
}

TRANSLATIONS: dict[str, dict[str, str]] = {"fr": FRENCH, "nl": DUTCH}


def primary(language: str) -> str:
    return language.split("-")[0].split("_")[0].lower()


def say(language: str, english: str, **values: object) -> str:
    """The English template `english` in `language`, filled with `values`."""
    return TRANSLATIONS.get(primary(language), {}).get(english, english).format(**values)


def quoted(language: str, words: str) -> str:
    """The release's own words in the language's quotation marks."""
    from briefing.render.vocabulary import vocabulary

    return vocabulary(language).quote(words)


def weekday_name(language: str, number: int) -> str:
    """ "Monday", "lundi", "maandag" (Babel's CLDR names)."""
    from babel.dates import get_day_names

    return str(get_day_names("wide", locale=primary(language) if primary(language) in ("fr", "nl") else "en")[number])


@cache
def long_date(language: str, day: dt.date) -> str:
    """ "20 March 2023", "20 mars 2023", "20 maart 2023"."""
    from briefing.render.vocabulary import vocabulary

    return vocabulary(language).date(day)
