"""Citations of quotes, as plain text a reader can paste into a note.

    “…” — Sophie Wilmès, Deputy Prime Minister and Minister of Foreign Affairs, EU Foreign Affairs
    Council, Luxembourg, 11 April 2022 (source: <issuer>, <document title>, <published>, ¶7)

The text is returned as the briefing holds it (verbatim, unsanitised) because it is meant for the
clipboard and for files; pass it through `briefing.render.safety.safe_text` before showing it on a
terminal.
"""

from __future__ import annotations

from briefing.model import BriefingLookup, Located, Quote, SourceRef
from briefing.render.vocabulary import vocabulary


def quote_citation(lookup: BriefingLookup, quote_id: str) -> str:
    """The quote with id `quote_id`, in typographic quotes, followed by its full attribution.

    Raises `KeyError` when the briefing has no quote with that id.
    """
    located = lookup.items.get(quote_id)
    if located is None or located.kind != "quote":
        raise KeyError(f"no quote has the id {quote_id!r}")
    return vocabulary(lookup.briefing.language).quote_citation(lookup, located)


def quote_attribution(lookup: BriefingLookup, located: Located[Quote]) -> str:
    """Who said it, where and when, and the source: everything after the dash of a citation."""
    return vocabulary(lookup.briefing.language).quote_attribution(lookup, located)


def speaker_and_occasion(lookup: BriefingLookup, located: Located[Quote]) -> str:
    """ "Speaker, Role, Meeting title, Place, date" — the attribution without its source."""
    return vocabulary(lookup.briefing.language).speaker_and_occasion(lookup, located)


def source_reference(lookup: BriefingLookup, source: SourceRef) -> str:
    """ "source: Issuer, Document title, 11 April 2022, ¶7" — enough to find the words in the original."""
    return vocabulary(lookup.briefing.language).source_reference(lookup, source)
