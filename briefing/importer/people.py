"""People a release names, found by how releases introduce them, and resolving a phrase to one of them.

"the Deputy Prime Minister and Minister of Foreign Affairs, Sophie Wilmès" (title, comma, name),
"Mr Karim Khan" (honorific), "Minister Kuleba" (title and a known surname: an alias), "Jan Novák,
Minister of Foreign Affairs of Czechia," (name, comma, title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.importer.actors import FULL_NAME, HONORIFIC, NAME_WORD, NOT_NAMES, ROLE, Actor, slug
from briefing.importer.lexicon import PRONOUNS, ROLE_WORDS, SPEECH_VERB_PATTERN, TITLE_ALONE
from briefing.importer.wording import quoted, say

_TITLE_THEN_NAME = re.compile(
    rf"(?:(?:the|la|le|l[’']|de|het)\s+)?(?P<role>{ROLE}),?\s+(?:(?P<honorific>{HONORIFIC})\s+)?(?P<name>{FULL_NAME})"
)
_HONORIFIC_NAME = re.compile(rf"(?<![\w.])(?P<honorific>{HONORIFIC})\s+(?P<name>{FULL_NAME}|{NAME_WORD})")
_NAME_THEN_TITLE = re.compile(rf"(?P<name>{FULL_NAME}),\s+(?:(?:the|la|le|l[’']|de|het)\s+)?(?P<role>{ROLE})\s*[,.;]")
_TITLE_SURNAME = re.compile(rf"(?P<role>{ROLE})\s+(?P<name>{NAME_WORD})\b")
MEETING_WORDS = frozenset(("Summit", "Council", "Conference", "Ministerial", "Sommet", "Conseil", "Conférence", "Top",
                           "Raad", "Conferentie"))
"""Words that make a capitalised phrase a meeting's name, never a person's."""

_BARE_NAME = re.compile(rf"^\s*(?P<name>{FULL_NAME})\s*$")


@dataclass
class PeopleRegistry:
    """Everyone found so far, and how to recognise them again."""

    organisation_spans: list[tuple[int, int, int]]
    gazetteer_words: set[str]
    people: dict[str, Actor] = field(default_factory=dict)
    language: str = "en"
    """The release's language: the notes on people are written in it."""

    def scan(self, paragraphs: list[str]) -> None:
        """Find people in every paragraph; then surnames after a title become aliases ("Minister Kuleba")."""
        for index, text in enumerate(paragraphs):
            for match in _TITLE_THEN_NAME.finditer(text):
                self._found(match.group("name"), _clean_role(match.group("role")), index, match.group("honorific"))
            for match in _HONORIFIC_NAME.finditer(text):
                self._found(match.group("name"), None, index, match.group("honorific"))
            for match in _NAME_THEN_TITLE.finditer(text):
                self._found(match.group("name"), _clean_role(match.group("role")), index, None)
        self._merge_surnames()
        for index, text in enumerate(paragraphs):
            for match in _TITLE_SURNAME.finditer(text):
                person = self.by_surname(match.group("name"))
                alias = f"{match.group('role').split()[-1]} {match.group('name')}"
                if person is not None and alias != person.name and alias not in person.aliases:
                    person.aliases.append(alias)
            for person in self.people.values():
                if re.search(rf"(?<!\w)(?:{_form_pattern(person.name)}|{re.escape(person.surname)})(?!\w)", text):
                    person.paragraphs.add(index)

    def _merge_surnames(self) -> None:
        """ "Minister Ní Bhriain" in the title, "Orla Ní Bhriain" below: one person, whose full name
        ends with the other's name (the shorter becomes an alias of the longer)."""
        for short in list(self.people.values()):
            full = next((other for other in self.people.values()
                         if other is not short and other.name.endswith(f" {short.name}")), None)
            if full is None:
                continue
            if short.role and not full.role:
                full.role = short.role
            alias = f"{short.role.split()[-1]} {short.name}" if short.role else short.name
            full.aliases.extend(name for name in (alias,) if name not in full.aliases)
            full.paragraphs |= short.paragraphs
            del self.people[short.id]

    def _found(self, name: str, role: str | None, paragraph: int, honorific: str | None) -> Actor | None:
        name = _trim_name(name)
        if not self.plausible(name, single_word_ok=honorific is not None):
            return None
        person = self.match(name)
        if person is None:
            person = Actor(self._free_id(slug(name)), name, "person", role=role)
            if len(name.split()) == 1 and honorific:
                person.note = say(self.language, "Named only as {quoted}: the first name is not in the source.",
                                  quoted=quoted(self.language, f"{honorific} {name}"))
            self.people[person.id] = person
        elif role and not person.role:
            person.role = role
        person.paragraphs.add(paragraph)
        return person

    def add_named(self, name: str, paragraph: int | None) -> Actor | None:
        """A name seen where a speaker stands ("Jan Novák: “…”"), added if it looks like a person's."""
        name = _trim_name(name)
        if not _BARE_NAME.match(name) or not self.plausible(name, single_word_ok=False):
            return None
        person = self.match(name) or self._found(name, None, paragraph or 0, None)
        return person

    def plausible(self, name: str, *, single_word_ok: bool) -> bool:
        words = name.split()
        if not words or (len(words) < 2 and not single_word_ok):
            return False
        if words[0] in NOT_NAMES or name in self.gazetteer_words or MEETING_WORDS.intersection(words):
            return False  # "Western Balkans Summit" is a meeting, not a person
        return not all(word in self.gazetteer_words or word in NOT_NAMES for word in words)

    def match(self, name: str) -> Actor | None:
        """The person whose full name, surname or alias `name` is."""
        for person in self.people.values():
            if name in (person.name, *person.aliases) or (len(name.split()) == 1 and name == person.surname):
                return person
        return None

    def by_surname(self, surname: str) -> Actor | None:
        matches = [person for person in self.people.values() if person.surname == surname]
        return matches[0] if len(matches) == 1 else None

    def _free_id(self, identifier: str) -> str:
        candidate, number = identifier, 2
        while candidate in self.people:
            candidate, number = f"{identifier}-{number}", number + 1
        return candidate

    def first_mentioned(self, text: str) -> Actor | None:
        """The person named first in `text`, by full name, alias or surname."""
        best: tuple[int, Actor] | None = None
        for person in self.people.values():
            for form in (person.name, *person.aliases, person.surname):
                found = re.search(rf"(?<!\w){_form_pattern(form)}(?!\w)", text)
                if found and (best is None or found.start() < best[0]):
                    best = (found.start(), person)
        return best[1] if best else None


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who a phrase designates, and how that was decided (shown to the author)."""

    person: Actor | None
    how: str


def resolve_speaker(
    phrase: str, registry: PeopleRegistry, previous: Actor | None, principal: Actor | None, paragraph: int
) -> Resolution:
    """The person `phrase` designates: a name, a pronoun (the previous speaker) or a title alone (the principal)."""
    stripped = re.sub(rf"\s+(?:{SPEECH_VERB_PATTERN})\s*$", "", " ".join(phrase.split())).strip(" ,:;")
    lowered = stripped.lower()
    words = lowered.split()
    if lowered in PRONOUNS or (words and (words[0] in PRONOUNS or words[-1] in PRONOUNS)) or lowered.endswith(
        ("-t-elle", "-t-il")
    ):
        return Resolution(previous, "pronoun: the previous speaker") if previous else Resolution(None, "pronoun")
    person = registry.first_mentioned(stripped)
    if person is not None:
        return Resolution(person, "named")
    for candidate in re.finditer(FULL_NAME, stripped):  # "le Haut représentant, Josep Valls": the name wins
        added = registry.add_named(candidate.group(), paragraph)
        if added is not None:
            return Resolution(added, "named")
    title = TITLE_ALONE.search(stripped)
    if title is not None:
        _remember_alias(principal if principal is not None else None, title.group(0))
        if principal is not None:
            return Resolution(principal, f"title alone ({title.group(1)!r}): the principal")
        holders = [p for p in registry.people.values() if p.role and title.group(1).lower() in p.role.lower()]
        if len(holders) == 1:
            _remember_alias(holders[0], title.group(0))
            return Resolution(holders[0], f"title alone ({title.group(1)!r}): the only person with that title")
        return Resolution(None, f"title alone ({title.group(1)!r}): give --principal")
    added = registry.add_named(stripped, paragraph)
    return Resolution(added, "named") if added else Resolution(None, "not found")


def _remember_alias(person: Actor | None, title: str) -> None:
    """ "the Tánaiste" designated this person: an alias, so that mentions and search find them by it."""
    alias = " ".join(title.split())
    alias = alias[0].lower() + alias[1:]  # the article: "The Minister" at a sentence start is "the Minister"
    if person is not None and alias.lower() not in {a.lower() for a in person.aliases} and alias != person.name:
        person.aliases.append(alias)


def _trim_name(name: str) -> str:
    # A name is the author's data, not a verbatim quote: one plain space between its words, and no
    # possessive ("Wilmès’s" → "Wilmès").
    return re.sub(r"[’']s$", "", " ".join(name.split()))


def _form_pattern(form: str) -> str:
    """A name as a regex that allows any white space (a no-break space too) between its words."""
    return r"\s+".join(re.escape(word) for word in form.split())


_LEADING = {"the", "la", "le", "de", "het", "according", "volgens", "selon", "pour", "voor", "for", "to", "through"}


def _clean_role(role: str) -> str:
    role = re.sub(r"\s*\([A-Z]{2,8}\)", "", role.strip())
    words = role.split()
    while len(words) > 1 and words[0] not in ROLE_WORDS and (words[0] in NOT_NAMES or words[0].lower() in _LEADING):
        words.pop(0)  # "Through Minister" → "Minister", "Volgens de Zweedse minister" → "Zweedse minister"
    return re.sub(r"^l[’']", "", " ".join(words)).strip(" ,")
