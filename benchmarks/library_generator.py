"""Seeded synthetic libraries of briefings, for benchmarks: valid model objects with plausible prose.

    from benchmarks.library_generator import generate_library
    books = generate_library(1000, seed=7)      # about 8.6 MB of text per 1,000 briefings

The same (count, seed) always gives the same library. The prose is assembled from templates and word
lists with a skewed (Zipf-like) choice of words, so common words are very common and rare ones rare,
as in real briefings; it includes accented names, typographic quotes and dashes, and hyphenated words.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from briefing.model import Briefing

TEXT_PER_BRIEFING = 8_600
"""Characters of text each briefing holds, roughly (titles, passages, points, quotes, names)."""

COUNTRIES = [
    "Belgium", "Ukraine", "Moldova", "Georgia", "Finland", "Sweden", "Japan", "South Korea", "Australia",
    "New Zealand", "Mali", "Niger", "Burkina Faso", "Côte d’Ivoire", "Türkiye", "Poland", "Lithuania",
    "Latvia", "Estonia", "Romania", "Bulgaria", "Greece", "Portugal", "Spain", "Italy", "France", "Germany",
    "Luxembourg", "the Netherlands", "Ireland", "Canada", "Norway", "Iceland", "Morocco", "Tunisia", "Egypt",
    "Jordan", "Lebanon", "Iraq", "Kazakhstan", "Armenia", "Azerbaijan", "Serbia", "Kosovo", "Albania",
    "North Macedonia", "Montenegro", "Bosnia and Herzegovina", "São Tomé and Príncipe", "Colombia", "Perú",
    "Brazil", "Chile", "Mexico", "India", "Indonesia", "Viet Nam", "the Philippines", "Kenya", "Ethiopia",
]
CITIES = [
    "Brussels", "Luxembourg", "Strasbourg", "Vienna", "Genève", "New York", "Kraków", "Reykjavík", "Vilnius",
    "Madrid", "Lisbon", "Bucharest", "Tallinn", "The Hague", "Helsinki", "Zürich", "Málaga", "Thessaloníki",
]
FIRST_NAMES = [
    "Sophie", "Zoë", "José", "Søren", "Ioannis", "Małgorzata", "Hélène", "François", "Ana", "Jürgen",
    "Dmytro", "Karim", "Fatou", "Léa", "Björn", "Aurélie", "Nuno", "Ewa", "Matteo", "Ingrid", "Kwame",
    "Amélie", "Raúl", "Chloé", "Tomás", "Ngozi", "Hiroshi", "Ji-woo", "Agnès", "Oğuz",
]
SURNAMES = [
    "Wilmès", "Müller", "Łukaszewicz", "Núñez", "Kuleba", "O’Brien", "Dupont", "Van der Berg", "Nørgaard",
    "Papadopoulos", "Kowalczyk", "Lefèvre", "García-Márquez", "Schäfer", "Bensouda", "Khan", "Öztürk",
    "Janssens", "Rossi", "Svensson", "Mensah", "Ferreira", "Dvořák", "Le Goff", "Nakamura", "Abebe",
    "Jovanović", "Kristiansen", "Ó Súilleabháin", "Mäkinen",
]
ROLES = [
    "Minister of Foreign Affairs", "Deputy Prime Minister", "High Representative for Foreign Affairs",
    "Secretary General", "Prosecutor", "Ambassador", "Permanent Representative", "Special Envoy",
    "Minister of Defence", "State Secretary for European Affairs", "Director-General for Political Affairs",
]
ORGANISATIONS = [
    ("North Atlantic Treaty Organization", "NATO", "international-organisation"),
    ("European Union", "EU", "international-organisation"),
    ("International Criminal Court", "ICC", "international-organisation"),
    ("Organization for Security and Co-operation in Europe", "OSCE", "international-organisation"),
    ("United Nations", "UN", "international-organisation"),
    ("European Commission", None, "eu-institution"),
    ("European External Action Service", "EEAS", "eu-institution"),
    ("Council of the European Union", None, "eu-institution"),
    ("Benelux Union", "Benelux", "group"),
    ("African Union", "AU", "international-organisation"),
    ("World Food Programme", "WFP", "international-organisation"),
    ("Defence Innovation Accelerator for the North Atlantic", "DIANA", "initiative"),
    ("Ministry of Foreign Affairs", "MFA", "government-body"),
]
TOPICS = [
    "sanctions", "energy security", "food security", "humanitarian assistance", "cyber resilience",
    "migration", "the rule of law", "climate finance", "arms control", "the Asia-Pacific partnership",
    "critical raw materials", "maritime security", "counter-terrorism", "the Sahel", "hybrid threats",
    "disinformation", "the European Peace Facility", "enlargement", "human rights", "accountability",
    "reconstruction", "nuclear non-proliferation", "grain exports", "the Black Sea", "the Western Balkans",
    "the transatlantic relationship", "the Strategic Compass", "consular affairs", "military mobility",
    "space security", "the Women, Peace and Security agenda", "visa liberalisation", "trade defence",
    "the fight against impunity", "public health", "water diplomacy", "the Middle East peace process",
]
ADJECTIVES = [
    "long-term", "sustainable", "coordinated", "decisive", "robust", "comprehensive", "pragmatic",
    "credible", "collective", "strategic", "targeted", "unprecedented", "multilateral", "regional",
    "balanced", "effective", "swift", "close", "renewed", "concrete", "ambitious", "transparent",
    "inclusive", "resilient", "legitimate", "bilateral", "operational", "joint", "gradual", "firm",
]
NOUNS = [
    "support", "cooperation", "solidarity", "dialogue", "commitment", "engagement", "pressure", "response",
    "framework", "mechanism", "assistance", "partnership", "approach", "strategy", "coordination",
    "investment", "capacity", "presence", "mission", "initiative", "funding", "reform", "deterrence",
    "resilience", "stability", "oversight", "monitoring", "consultation", "mediation", "de-escalation",
]
VERBS_PAST = [
    "stressed", "underlined", "recalled", "reaffirmed", "welcomed", "called for", "advocated",
    "supported", "emphasised", "highlighted", "reiterated", "expressed concern about", "condemned",
    "acknowledged", "proposed", "examined", "reviewed", "discussed", "endorsed", "deplored",
]
SESSION_FORMATS = [
    "breakfast meeting", "working session", "working lunch", "working dinner", "informal exchange",
    "plenary session", "bilateral meeting", "press conference", "family photo", "ministerial meeting",
]
MEETING_KINDS = [
    "EU Foreign Affairs Council", "NATO ministerial", "OSCE Ministerial Council", "UN General Assembly",
    "Benelux summit", "Gymnich informal meeting", "G7 outreach", "Bilateral visit",
]
UNITS = [("EUR", "million euros"), ("states", "states"), ("partners", "partners"), ("people", "people")]

SENTENCES = [
    "{actor} {verb} the need for {adjective} {noun} on {topic}, especially in {country}.",
    "During the {format}, ministers {verb} {topic} and {topic2}, with particular attention to {country}.",
    "{person} {verb} {country}’s {adjective} {noun} to {topic}.",
    "The discussions focused on {topic}, the latest developments in {country} and their impact on {topic2}.",
    "In {city}, the {role} met {person} to prepare the next steps on {topic}.",
    "{actor} remains in full solidarity with {country}, which will be reflected in {adjective} {noun}.",
    "Ministers agreed that {topic} requires {adjective} {noun} — and not only {adjective2} statements.",
    "The Council approved {amount} for {topic}, to be allocated through the {organisation}.",
    "{actor} is monitoring the situation in {country} very closely, particularly in terms of {topic}.",
    "Referring to “{topic_title}”, the {role} {verb} the role of {organisation} in {topic2}.",
    "A broad coalition of {number} states {verb} the {adjective} situation in {country}.",
    "This development is not unrelated to {topic}; {actor} therefore {verb} a {adjective} {noun}.",
    "The meeting in {city} – the {ordinal} of its kind – took stock of {topic} and of {topic2}.",
    "On {weekday}, the delegation travelled to {city} for talks on {topic} with {person}.",
    "{actor} will play an active part in the {organisation}’s work on {topic}, with {number} partners.",
    "More generally, {actor} {verb} a {adjective} reflection on {topic} south of the {region}.",
    "It is also time to address {topic} with a {adjective} and {adjective2} {noun}.",
    "{person}, {role}, {verb} that {topic} must remain at the heart of the {organisation}’s agenda.",
]
QUOTES = [
    "We must not content ourselves with words: {topic} needs {adjective} {noun}, and it needs it now.",
    "For {country}, {topic} is not an abstract question – it is about the lives of people in {country2}.",
    "Our country provides {adjective} {noun} to {country} and wishes to continue this {noun2}.",
    "The {organisation} must also take into account {topic}; this will make the exercise relevant.",
    "What happened in {city} was unprecedented, and our {adjective} {noun} should not only continue but grow.",
]
REGIONS = ["Sahel", "Black Sea", "Western Balkans", "Eastern Partnership", "Mediterranean", "Arctic", "Indo-Pacific"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class _Prose:
    """Sentences from the templates, with a Zipf-like preference for the first entries of each list."""

    def __init__(self, rng: random.Random, people: list[str], organisations: list[str]) -> None:
        self.rng = rng
        self.people = people
        self.organisations = organisations

    def pick(self, options: list[str]) -> str:
        # Index ~ Zipf: the k-th entry is about 1/(k+1) as likely as the first.
        index = int(len(options) ** self.rng.random()) - 1
        return options[min(max(index, 0), len(options) - 1)]

    def fill(self, template: str) -> str:
        pick, rng = self.pick, self.rng
        topic = pick(TOPICS)
        return template.format(
            actor=pick(["Belgium", "The European Union", "NATO", "The Benelux", *COUNTRIES[:8]]),
            verb=pick(VERBS_PAST), adjective=pick(ADJECTIVES), adjective2=pick(ADJECTIVES), noun=pick(NOUNS),
            noun2=pick(NOUNS), topic=topic, topic2=pick(TOPICS), topic_title=topic.title(),
            country=pick(COUNTRIES), country2=pick(COUNTRIES), city=pick(CITIES), person=rng.choice(self.people),
            role=pick(ROLES), organisation=rng.choice(self.organisations), format=pick(SESSION_FORMATS),
            amount=f"{rng.randint(2, 900)} million euros", number=rng.randint(3, 190), region=pick(REGIONS),
            ordinal=pick(ORDINALS), weekday=rng.choice(WEEKDAYS),
        )

    def sentence(self) -> str:
        return self.fill(self.pick(SENTENCES))

    def paragraph(self, characters: int) -> str:
        sentences: list[str] = []
        length = 0
        while length < characters:
            sentence = self.sentence()
            sentences.append(sentence)
            length += len(sentence) + 1
        return " ".join(sentences)

    def title(self) -> str:
        first = self.pick(TOPICS)
        return f"{first[0].upper()}{first[1:]} and {self.pick(TOPICS)}"


def _source(document: str, paragraph: int) -> dict[str, Any]:
    return {"document": document, "paragraph": paragraph}


def generate_briefing(number: int, rng: random.Random) -> Briefing:
    """One valid briefing of about TEXT_PER_BRIEFING characters; ids are unique within a library."""
    book = f"book-{number:05d}"
    people = [
        {
            "id": f"person-{index}",
            "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
            "role": rng.choice(ROLES),
            "country": rng.choice(COUNTRIES),
        }
        for index in range(6)
    ]
    chosen_organisations = rng.sample(ORGANISATIONS, 5)
    organisations = [
        {"id": f"org-{index}", "name": name, "acronym": acronym, "kind": kind}
        for index, (name, acronym, kind) in enumerate(chosen_organisations)
    ]
    prose = _Prose(rng, [person["name"] for person in people], [name for name, _, _ in chosen_organisations])
    start = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 1500))
    end = start + dt.timedelta(days=rng.randint(0, 3))
    paragraph = iter(range(1, 10_000))
    meetings = []
    for meeting_number in range(2):
        meeting_id = f"{book}-m{meeting_number}"
        sessions = []
        for session_number in range(3):
            session_id = f"{meeting_id}-s{session_number}"
            unit, written = rng.choice(UNITS)
            value = rng.randint(2, 900)
            sessions.append(
                {
                    "id": session_id,
                    "title": prose.title(),
                    "date": start.isoformat(),
                    "format": prose.pick(SESSION_FORMATS),
                    "participants": ["person-0", "org-0"],
                    "passages": [
                        {"id": f"{session_id}-p{index}", "text": prose.paragraph(180),
                         "source": _source("release", next(paragraph))}
                        for index in range(2)
                    ],
                    "key_points": [
                        {"id": f"{session_id}-k{index}", "text": prose.paragraph(100), "topics": [prose.pick(TOPICS)],
                         "sources": [_source("release", 1)]}
                        for index in range(2)
                    ],
                    "positions": [
                        {"id": f"{session_id}-pos", "text": prose.paragraph(100), "sources": [_source("release", 1)]}
                    ],
                    "figures": [
                        {"id": f"{session_id}-f", "value": value, "unit": unit, "counts": prose.sentence(),
                         "as_written": f"{value} {written}", "source": _source("release", 1)}
                    ],
                    "quotes": [
                        {"id": f"{session_id}-q", "speaker": f"person-{rng.randrange(6)}",
                         "text": prose.fill(prose.pick(QUOTES)),
                         "topics": [prose.pick(TOPICS)], "source": _source("release", 1)}
                    ],
                }
            )
        meetings.append(
            {
                "id": meeting_id,
                "title": f"{prose.pick(MEETING_KINDS)} in {prose.pick(CITIES)}",
                "kind": prose.pick(MEETING_KINDS),
                "organiser": "org-0",
                "place": prose.pick(CITIES),
                "start": start.isoformat(),
                "end": end.isoformat(),
                "summary": prose.paragraph(150),
                "participants": ["person-0"],
                "passages": [{"id": f"{meeting_id}-intro", "text": prose.paragraph(150),
                              "source": _source("release", next(paragraph))}],
                "sessions": sessions,
            }
        )
    return Briefing.model_validate(
        {
            "schema_version": 1,
            "id": book,
            "title": f"Briefing book {number}: {prose.title()}",
            "issuer": "Ministry of Foreign Affairs",
            "principal": "person-0",
            "classification": "UNCLASSIFIED – SYNTHETIC",
            "language": "en",
            "start": start.isoformat(),
            "end": end.isoformat(),
            "sources": [
                {"id": "release", "title": "Synthetic press release", "issuer": "Ministry", "published": end.isoformat(),
                 "language": "en", "path": "sources/release.txt"}
            ],
            "meetings": meetings,
            "people": people,
            "organisations": organisations,
        }
    )


def generate_library(count: int, seed: int) -> list[Briefing]:
    """`count` briefings, the same ones for the same seed."""
    rng = random.Random(seed)
    return [generate_briefing(number, rng) for number in range(count)]


def library_text_size(briefings: list[Briefing]) -> int:
    """Characters of searchable text in a library (what the search index holds)."""
    from briefing.search.documents import indexed_items

    return sum(len(item.text) + sum(len(extra) for extra in item.extras) for item in indexed_items(briefings))
