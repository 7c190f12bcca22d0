"""The quote browser: every quote of the book, a filter, and the full quote with its context.

Briefing text is untrusted, so every string from the book goes through `safe_text` and enters the
widgets as `Content` (never as markup); styling is applied by spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import BriefingLookup, Located, Passage, Person, Quote, SourceRef
from briefing.render.dates import format_date, format_date_range
from briefing.render.safety import safe_text
from briefing.search.folding import FoldedText, fold
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.browse_pane import BrowsePane
from briefing.tui.widgets.filter_input import FilterInput
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.reader_scroll import BrowseList, ReaderScroll

MATCH_STYLE = ".quote-browser--match"
"""The words of the filter are marked with this component class, which Textual resolves when it renders."""

EXCERPT_WORDS = 30
"""How many words of a quote the list keeps; the list cuts each line to its width anyway."""


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """One quote with what the list shows and what the filter matches."""

    located: Located[Quote]
    speaker: Person | None
    folded: str
    """Quote text, speaker, meeting and session titles and topics, folded once for filtering."""

    @property
    def quote(self) -> Quote:
        return self.located.item

    @property
    def speaker_name(self) -> str:
        return self.speaker.name if self.speaker else self.quote.speaker

    @property
    def date_text(self) -> str:
        if self.located.session is not None:
            return format_date(self.located.session.date)
        return format_date_range(self.located.meeting.start, self.located.meeting.end)


def build_entries(lookup: BriefingLookup) -> list[QuoteEntry]:
    """Every quote of the book, in document order, ready to list and filter."""
    entries = []
    for located in lookup.quotes():
        speaker = lookup.people.get(located.item.speaker)
        haystack = [
            located.item.text,
            speaker.name if speaker else located.item.speaker,
            located.meeting.title,
            located.session.title if located.session else "",
            *located.item.topics,
        ]
        entries.append(QuoteEntry(located, speaker, fold(" ".join(haystack))))
    return entries


def matches(entry: QuoteEntry, query: str) -> bool:
    """True when every word of `query` occurs (folded) in the entry's text, speaker, meeting or topics."""
    return all(word in entry.folded for word in fold(query).split())


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The first `words` words of `text`, with an ellipsis when there is more."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def highlight_words(content: Content, query: str, style: str = MATCH_STYLE) -> Content:
    """`content` with every (folded) occurrence of each word of `query` in `style`."""
    words = fold(query).split()
    if not words:
        return content
    folded = FoldedText.of(content.plain)
    for word in words:
        start = folded.folded.find(word)
        while start >= 0:
            original_start, original_end = folded.original_span(start, start + len(word))
            content = content.stylize(style, original_start, original_end)
            start = folded.folded.find(word, start + len(word))
    return content


def list_prompt(entry: QuoteEntry, query: str = "") -> Content:
    """Three lines: date, speaker and meeting; the first words of the quote; its topics.

    The words of the filter `query` are highlighted where they occur.
    """
    lines = [
        Content.assemble(
            (safe_text(entry.date_text), "$text-muted"),
            "  ",
            (safe_text(entry.speaker_name), "bold"),
            ("  ·  ", "$text-muted"),
            safe_text(entry.located.meeting.title),
        ),
        Content.styled(f"“{safe_text(excerpt(entry.quote.text))}”", "italic"),
    ]
    if entry.quote.topics:
        lines.append(Content.styled(" · ".join(safe_text(topic) for topic in entry.quote.topics), "$text-accent"))
    return highlight_words(Content("\n").join(lines), query)


def source_passages(lookup: BriefingLookup, located: Located[Quote]) -> list[Passage]:
    """The passages of the quote's session taken from the same source paragraph as the quote.

    Falls back to passages of the whole meeting, then of the whole book, from that paragraph, since a
    quote's context is sometimes filed with the meeting rather than with the session.
    """
    source = located.item.source
    scopes: list[tuple[Passage, ...]] = []
    if located.session is not None:
        scopes.append(located.session.passages)
    scopes.append(located.meeting.passages)
    scopes.append(tuple(item.item for item in lookup.items.values() if item.kind == "passage"))
    for passages in scopes:
        found = [passage for passage in passages if passage.source == source]
        if found:
            return found
    return []


def document_paragraph(lookup: BriefingLookup, source: SourceRef) -> str:
    """ "Document title, ¶7": which source document, and which of its paragraphs."""
    document = next((d for d in lookup.briefing.sources if d.id == source.document), None)
    return f"{document.title if document else source.document}, ¶{source.paragraph}"


def highlighted_passage(passage_text: str, quote_text: str) -> Content:
    """The passage with the quoted words in bold and reverse (not colour alone), when found verbatim."""
    content = Content(safe_text(passage_text))
    quoted = safe_text(quote_text)
    start = content.plain.find(quoted)
    if start >= 0:
        content = content.stylize("bold reverse", start, start + len(quoted))
    return content


LABEL_WIDTH = 9
"""Width of the labels of the detail pane ("Meeting  "); wrapped values continue at this column."""


def labelled(label: str, value: str) -> Content:
    """A "Label  value" line, the label dim; `value` is briefing text and is made safe here."""
    return Content.assemble((f"{label:<{LABEL_WIDTH}}", "$text-muted"), safe_text(value))


class QuoteList(BrowseList):
    """The list of quotes; `enter` (or a double click) opens the quote in its meeting."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open in meeting")]


class QuoteBrowser(BrowsePane[QuoteEntry]):
    """Every quote with speaker, meeting, date and topics; a filter; the selected quote in full.

    Posts `OpenLocation` for the selected quote on `enter`; `y` (app-wide) copies it with its citation.
    """

    NAME = "quote"

    DEFAULT_CSS = """
    QuoteBrowser {
        & > .quote-browser--match { text-style: bold underline; }
        #quote-list-pane { width: 2fr; height: 1fr; }
        #quote-detail { width: 3fr; height: 1fr; padding: 0 1; }
        #quote-text { border-left: outer $accent; padding: 0 1; margin: 0 0 1 0; text-style: italic; }
        #quote-speaker { margin: 0 0 1 0; }
        #quote-context { margin: 0 0 1 0; }
        #quote-source-heading { color: $text-muted; text-style: bold; }
        #quote-source { padding: 0 0 0 2; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"quote-browser--match"}
    """`quote-browser--match`: the words of the filter where they occur in the list and the quote.
    (Bold and underline, not colour alone: a match stays visible in any theme and on the cursor row.)"""

    BINDINGS: ClassVar[list[BindingType]] = [
        # The list has its own `enter`; this one serves the detail pane.
        Binding("enter", "open_quote", "Open in meeting"),
    ]

    def __init__(self, lookup: BriefingLookup, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lookup = lookup
        self.entries = build_entries(lookup)
        """Every quote of the book, in document order."""
        self.listed = list(self.entries)

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="Filter quotes: words, speaker, meeting, topic (f)", id="quote-filter",
                          select_on_focus=False)
        yield Static(id="quote-empty", classes="browse-empty", markup=False)
        with Horizontal(classes="browse-panes"):
            with Vertical(id="quote-list-pane"):
                yield QuoteList(id="quote-list", classes="browse-list", markup=False)  # filled on mount
            with ReaderScroll(id="quote-detail", classes="browse-detail"):
                yield Static(id="quote-text", markup=False)
                yield Static(id="quote-speaker", markup=False)
                yield Static(id="quote-context", markup=False)
                yield Static(id="quote-source-heading", markup=False)
                yield Static(id="quote-source", markup=False)

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one("#quote-list", QuoteList)

    def matching(self, text: str) -> list[QuoteEntry]:
        return [entry for entry in self.entries if matches(entry, text)]

    def entry_id(self, entry: QuoteEntry) -> str:
        return entry.quote.id

    def options(self, entries: Sequence[QuoteEntry]) -> list[Option]:
        return [Option(list_prompt(entry, self.filter_text), id=entry.quote.id) for entry in entries]

    def empty_text(self) -> Content:
        if not self.entries:
            return Content("This book holds no quotes.")
        return Content.assemble("No quote matches “", safe_text(self.filter_text.strip()), "”.")

    @on(OptionList.OptionSelected, "#quote-list")
    def quote_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_quote()

    def show_detail(self, entry: QuoteEntry | None) -> None:
        self.show_entry(entry)

    def show_entry(self, entry: QuoteEntry | None) -> None:
        """Fill the detail pane with `entry`, or empty it."""
        parts = self.query_one("#quote-detail")
        statics = {static.id: static for static in parts.query(Static)}
        if entry is None:
            for static in statics.values():
                static.update("")
            statics["quote-text"].update(Content("No quote selected."))
            return
        located = entry.located
        quote = entry.quote
        quote_text = Content(f"“{safe_text(quote.text)}”")
        statics["quote-text"].update(highlight_words(quote_text, self.filter_text))
        speaker_line = Content.assemble(("— ", "$text-muted"), (safe_text(entry.speaker_name), "bold"))
        if entry.speaker is not None and entry.speaker.role:
            speaker_line += Content(f", {safe_text(entry.speaker.role)}")
        statics["quote-speaker"].update(Hanging([(speaker_line, 2)]))

        meeting = located.meeting
        context = [labelled("Meeting", f"{meeting.title}, {meeting.place}")]
        if located.session is not None:
            session = located.session
            details = ", ".join(str(part) for part in (session.part_of_day, session.format) if part)
            context.append(labelled("Session", f"{session.title} ({details})" if details else session.title))
        context.append(labelled("Date", entry.date_text))
        if quote.topics:
            context.append(labelled("Topics", " · ".join(quote.topics)))
        statics["quote-context"].update(Hanging((line, LABEL_WIDTH) for line in context))

        reference = document_paragraph(self.lookup, quote.source)
        passages = source_passages(self.lookup, located)
        if passages:
            statics["quote-source-heading"].update(Content(f"Source passage — {safe_text(reference)}"))
            statics["quote-source"].update(
                Content("\n\n").join(highlighted_passage(passage.text, quote.text) for passage in passages)
            )
        else:
            statics["quote-source-heading"].update(Content(f"Source: {safe_text(reference)}"))
            statics["quote-source"].update(
                Content(f"The book holds no passage of source paragraph {quote.source.paragraph}.")
            )

    def copy_target(self) -> Located | None:
        """What `y` copies here: the selected quote."""
        entry = self.selected_entry
        return entry.located if entry is not None else None

    def action_open_quote(self) -> None:
        entry = self.selected_entry
        if entry is None:
            return
        located = entry.located
        session_id = located.session.id if located.session else None
        self.post_message(OpenLocation(located.meeting.id, session_id, entry.quote.id))
