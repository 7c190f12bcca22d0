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
    "Named as the principal by the author at import; the release does not name them.":
        "Désigné comme destinataire par l’auteur à l’import ; le communiqué ne le nomme pas.",
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
    "Named as the principal by the author at import; the release does not name them.":
        "Bij het importeren door de auteur als principaal opgegeven; het persbericht noemt hem of haar niet.",
    "Placeholder from `briefing import`: the release does not say who spoke.":
        "Voorlopig ingevuld door `briefing import`: het persbericht zegt niet wie sprak.",
    "No principal was given at import (`--principal NAME`).":
        "Bij het importeren is geen principaal opgegeven (`--principal NAAM`).",
    "Issuer not stated": "Uitgever niet vermeld",
    "Imported by `briefing import` from a {format} file; {count} paragraphs, headings counted as paragraphs.":
        "Geïmporteerd door `briefing import` uit een {format}-bestand; {count} alinea’s, tussentitels meegeteld.",
}

FRENCH_REPORT = {
    "Found:": "Trouvé :", "Still to do:": "Reste à faire :",
    "paragraphs: {count} ({headings} headings{at})": "paragraphes : {count} ({headings} intertitres{at})",
    "meetings: {meetings}, sessions: {sessions}": "réunions : {meetings}, séances : {sessions}",
    "quotes: {count}": "citations : {count}",
    " by {speakers}": " de {speakers}",
    "; {count} without a speaker": " ; {count} sans orateur",
    "; {count} cut off by the end of the text": " ; {count} coupée(s) par la fin du texte",
    "people: {people}, organisations and states: {organisations}":
        "personnes : {people}, organisations et États : {organisations}",
    "figures: {count}": "chiffres : {count}",
    "dates: {start} to {end}": "dates : du {start} au {end}",
    "meetings mentioned, not attended: {titles}": "réunions mentionnées, sans participation : {titles}",
    "places: {places}": "lieux : {places}",
    "name the speaker of the quote in {where} (now `speaker-to-identify`)":
        "nommer l’orateur de la citation du {where} (pour l’instant `speaker-to-identify`)",
    "check the speaker of the quote in {where}: {name} ({how})":
        "vérifier l’orateur de la citation du {where} : {name} ({how})",
    "set the principal (`principal`), or import again with --principal NAME":
        "indiquer le destinataire (`principal`), ou importer à nouveau avec --principal NOM",
    " (most quoted: {name})": " (le plus cité : {name})",
    "write key points and positions for each session (the importer leaves them to you)":
        "rédiger les points clés et les positions de chaque séance (l’import vous les laisse)",
    "rewrite each meeting's summary (now its first sentence) and check session titles and dates":
        "réécrire le résumé de chaque réunion (pour l’instant sa première phrase) et vérifier titres et dates "
        "des séances",
    "check the {count} session date(s) that carry a dating note":
        "vérifier la date des {count} séance(s) qui portent une note de datation",
    "give each meeting's place, or say in `place_note` that the release does not state it":
        "donner le lieu de chaque réunion, ou dire dans `place_note` que le communiqué ne le précise pas",
    "give the issuer of the release and of the book (or import with --issuer)":
        "indiquer l’émetteur du communiqué et du dossier (ou importer avec --issuer)",
    "give the release's publication date (`published`), or import with --published":
        "donner la date de publication du communiqué (`published`), ou importer avec --published",
    "look at {warning}": "examiner : {warning}",
    "check every figure's `counts` and delete figures that are not figures":
        "vérifier le `counts` de chaque chiffre et supprimer ce qui n’est pas un chiffre",
    'when done, set "status": "final" and run `briefing validate`':
        'une fois terminé, mettre "status": "final" et lancer `briefing validate`',
}
"""What `briefing import` prints for a French release."""

DUTCH_REPORT = {
    "Found:": "Gevonden:", "Still to do:": "Nog te doen:",
    "paragraphs: {count} ({headings} headings{at})": "alinea’s: {count} ({headings} tussentitels{at})",
    "meetings: {meetings}, sessions: {sessions}": "vergaderingen: {meetings}, sessies: {sessions}",
    "quotes: {count}": "citaten: {count}",
    " by {speakers}": " van {speakers}",
    "; {count} without a speaker": "; {count} zonder spreker",
    "; {count} cut off by the end of the text": "; {count} afgebroken door het einde van de tekst",
    "people: {people}, organisations and states: {organisations}":
        "personen: {people}, organisaties en staten: {organisations}",
    "figures: {count}": "cijfers: {count}",
    "dates: {start} to {end}": "data: {start} tot {end}",
    "meetings mentioned, not attended: {titles}": "vermelde, niet bijgewoonde vergaderingen: {titles}",
    "places: {places}": "plaatsen: {places}",
    "name the speaker of the quote in {where} (now `speaker-to-identify`)":
        "geef de spreker van het citaat in {where} (nu `speaker-to-identify`)",
    "check the speaker of the quote in {where}: {name} ({how})":
        "controleer de spreker van het citaat in {where}: {name} ({how})",
    "set the principal (`principal`), or import again with --principal NAME":
        "geef de principaal (`principal`), of importeer opnieuw met --principal NAAM",
    " (most quoted: {name})": " (meest geciteerd: {name})",
    "write key points and positions for each session (the importer leaves them to you)":
        "schrijf kernpunten en standpunten voor elke sessie (de import laat ze aan u)",
    "rewrite each meeting's summary (now its first sentence) and check session titles and dates":
        "herschrijf de samenvatting van elke vergadering (nu de eerste zin) en controleer titels en data van de "
        "sessies",
    "check the {count} session date(s) that carry a dating note":
        "controleer de datum van de {count} sessie(s) met een dateringsopmerking",
    "give each meeting's place, or say in `place_note` that the release does not state it":
        "geef de plaats van elke vergadering, of zeg in `place_note` dat het persbericht ze niet vermeldt",
    "give the issuer of the release and of the book (or import with --issuer)":
        "geef de uitgever van het persbericht en van het dossier (of importeer met --issuer)",
    "give the release's publication date (`published`), or import with --published":
        "geef de publicatiedatum van het persbericht (`published`), of importeer met --published",
    "look at {warning}": "bekijk: {warning}",
    "check every figure's `counts` and delete figures that are not figures":
        "controleer `counts` van elk cijfer en schrap wat geen cijfer is",
    'when done, set "status": "final" and run `briefing validate`':
        'als u klaar bent: zet "status": "final" en voer `briefing validate` uit',
}
"""What `briefing import` prints for a Dutch release."""

TRANSLATIONS: dict[str, dict[str, str]] = {"fr": FRENCH | FRENCH_REPORT, "nl": DUTCH | DUTCH_REPORT}

HOW_FRAGMENTS = {
    "fr": (("pronoun: the previous speaker", "pronom : l’orateur précédent"), ("pronoun", "pronom"),
           ("title alone", "titre seul"), ("the only person with that title", "la seule personne de ce titre"),
           ("give --principal", "donner --principal"), ("the principal", "le destinataire"),
           ("not found", "introuvable"), ("): ", ") : ")),
    "nl": (("pronoun: the previous speaker", "voornaamwoord: de vorige spreker"), ("pronoun", "voornaamwoord"),
           ("title alone", "titel alleen"), ("the only person with that title", "de enige persoon met die titel"),
           ("give --principal", "geef --principal"), ("the principal", "de principaal"), ("not found", "niet gevonden")),
}
"""How a speaker was found ("said X: pronoun: the previous speaker"), phrase by phrase; the cue's own
name ("said X", "colon") is the pattern's and stays as it is."""


def how_in(language: str, how: str) -> str:
    """How a speaker was found, in the release's language."""
    for english, translated in HOW_FRAGMENTS.get(primary(language), ()):
        how = how.replace(english, translated)
    return how


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
