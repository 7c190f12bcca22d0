"""Any item of the book (or a person, an organisation) with its full citation, for the clipboard.

Plain text for an email or a note:

    Position: The EU must … — Working session on Ukraine, Foreign Affairs Council, Luxembourg,
    11 April 2022 (source: Council of the EU, Outcome of the meeting, 11 April 2022, ¶7)

and Markdown, with the citation as a footnote. The text is returned as the briefing holds it; the
app passes it through the clipboard sanitiser before it leaves the program.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import BriefingLookup, Figure, Located, Organisation, Person, Point, Quote
from briefing.render.citation import quote_attribution, source_reference
from briefing.render.vocabulary import Vocabulary, vocabulary

KIND_NAMES = {"passage": "Source passage", "key_point": "Key point", "position": "Position", "figure": "Figure",
              "quote": "Quote"}
"""What the toast (the app's own words, English) calls each kind of item."""


def kind_label(words: Vocabulary, kind: str) -> str:
    """What the copied text calls an item's kind, in the book's language ("Point clé", "Source passage")."""
    return words.label("Source passage") if kind == "passage" else words.kind_label(kind)


@dataclass(frozen=True)
class Clipping:
    """What `y` / `Y` put on the clipboard, and how the toast names it."""

    plain: str
    markdown: str
    what: str
    """ "the position", "the quote of Sophie Wilmès"… — for "Copied …"."""


def occasion(located: Located, words: Vocabulary | None = None) -> str:
    """ "Session title, Meeting title, Place, 11 April 2022": where and when an item was said or written."""
    words = words or vocabulary()
    meeting = located.meeting
    parts = [located.session.title] if located.session is not None else []
    parts += [meeting.title, words.place_name(meeting), words.item_date(located)]
    return ", ".join(parts)


def item_attribution(lookup: BriefingLookup, located: Located) -> str:
    """Everything after the dash of an item's citation: who (for a quote), where, when, which source."""
    item = located.item
    if isinstance(item, Quote):
        return quote_attribution(lookup, located)
    references = item.sources if isinstance(item, Point) else (item.source,)
    sources = "; ".join(source_reference(lookup, reference) for reference in references)
    return f"{occasion(located, vocabulary(lookup.briefing.language))} ({sources})"


def item_text(located: Located) -> str:
    item = located.item
    if isinstance(item, Figure):
        return f"{item.as_written} — {item.counts}"
    return item.text


def clip_item(lookup: BriefingLookup, located: Located) -> Clipping:
    """An item of any kind with its citation: plain text and Markdown."""
    words = vocabulary(lookup.briefing.language)
    kind = kind_label(words, located.kind)
    text = item_text(located)
    attribution = item_attribution(lookup, located)
    if located.kind in ("quote", "passage"):
        plain = f"{words.quote(text)} — {attribution}"
        body = "\n".join(f"> {line}" if line else ">" for line in text.splitlines() or [""])
        markdown = f"{body}[^1]\n\n[^1]: {attribution}\n"
    else:
        plain = f"{kind}: {text} — {attribution}"
        markdown = f"**{kind}:** {text}[^1]\n\n[^1]: {attribution}\n"
    what = f"the {KIND_NAMES.get(located.kind, located.kind).lower()}"
    if isinstance(located.item, Quote):
        what = f"the quote of {lookup.actor_name(located.item.speaker)}"
    return Clipping(plain, markdown, what)


def clip_actor(lookup: BriefingLookup, actor: Person | Organisation) -> Clipping:
    """A person (name, role, organisation, country) or an organisation (name, acronym), as the book has it."""
    words = vocabulary(lookup.briefing.language)
    if isinstance(actor, Person):
        organisation = lookup.organisations.get(actor.organisation or "")
        parts = (actor.role, organisation.name if organisation else None, actor.country)
        about = list(dict.fromkeys(part for part in parts if part))  # a state's minister: "Ukraine" once
    else:
        about = [part for part in (actor.acronym, words.organisation_kind(actor.kind)) if part]
    source = f"{lookup.briefing.title}, {lookup.briefing.issuer}"
    plain = ", ".join([actor.name, *about]) + f" ({words.words.source_prefix}: {source})"
    markdown = f"**{actor.name}**" + "".join(f", {part}" for part in about) + f"[^1]\n\n[^1]: {source}\n"
    return Clipping(plain, markdown, actor.name)
