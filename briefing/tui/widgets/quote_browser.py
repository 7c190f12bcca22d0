"""The quote browser: every quote of the book, a filter, and the full quote with its context.

Briefing text is untrusted, so every string from the book goes through `safe_text` and enters the
widgets as `Content` (never as markup); styling is applied by spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import BriefingLookup, Located, SourceRef
from briefing.render.safety import safe_text
from briefing.render.vocabulary import Vocabulary, vocabulary
from briefing.search.matching import RecordMatch, compile_filter
from briefing.search.quotes import QuoteEntry, build_quote_entries, filter_quotes, source_passages
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.browse_pane import BrowsePane, DetailScroll, Panes
from briefing.tui.widgets.filter_input import FilterInput
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.lazy_options import LazyOption
from briefing.tui.widgets.literal import literal_with_spans, one_line
from briefing.tui.widgets.measured import MeasuredStatic
from briefing.tui.widgets.reader_scroll import BrowseList

MATCH_STYLE = ".quote-browser--match"
"""The words of the filter are marked with this component class, which Textual resolves when it renders."""

EXCERPT_WORDS = 30
"""How many words of a quote the list keeps; the list cuts each line to its width anyway."""


def date_text(entry: QuoteEntry, words: Vocabulary | None = None) -> str:
    """When the quote was said: its session's date, else its meeting's dates (in the book's language)."""
    return (words or vocabulary()).item_date(entry.located)


def excerpt_end(text: str, words: int = EXCERPT_WORDS) -> int:
    """Where the first `words` words of `text` end (the whole text when it is shorter)."""
    ends = [match.end() for match in re.finditer(r"\S+", text)]
    return ends[words - 1] if len(ends) > words else len(text)


def field_spans(match: RecordMatch | None, name: str, text: str) -> tuple[tuple[int, int], ...]:
    """The spans the filter matched in field `name` when it holds `text` (fields may repeat: topics)."""
    if match is None:
        return ()
    return next((field.spans for field in match.fields if field.field == name and field.text == text), ())


def list_prompt_lines(entry: QuoteEntry) -> int:
    """How many lines `list_prompt(entry)` has, known without building it (the list is virtual)."""
    return 3 if entry.quote.topics else 2


def list_prompt(entry: QuoteEntry, match: RecordMatch | None = None, words: Vocabulary | None = None) -> Content:
    """Three lines: date, speaker and meeting; the first words of the quote; its topics (if any).

    What the filter matched (spans from the search layer) is marked where it shows; dates and quotation
    marks are the book's language's (`words`). Each part is one line whatever the book holds
    (`one_line`): the list declares `list_prompt_lines` without building it.
    """
    words = words or vocabulary()
    opening, closing = words.words.quote_marks
    quote, located = entry.quote, entry.located
    end = excerpt_end(quote.text)
    shown = one_line(quote.text[:end])
    text_spans = [(a, min(b, end)) for a, b in field_spans(match, "text", quote.text) if a < end]
    lines = [
        Content.assemble(
            (safe_text(date_text(entry, words)), "$text-muted"),
            "  ",
            literal_with_spans(one_line(entry.speaker_name), field_spans(match, "speaker", entry.speaker_name),
                               MATCH_STYLE).stylize_before("bold"),
            ("  ·  ", "$text-muted"),
            literal_with_spans(one_line(located.meeting.title), field_spans(match, "meeting", located.meeting.title),
                               MATCH_STYLE),
        ),
        Content.assemble(opening, literal_with_spans(shown, text_spans, MATCH_STYLE), "…" if end < len(quote.text)
                         else "", closing).stylize_before("italic"),
    ]
    if quote.topics:
        topics = [literal_with_spans(one_line(topic), field_spans(match, "topic", topic), MATCH_STYLE)
                  for topic in quote.topics]
        lines.append(Content(" · ").join(topics).stylize_before("$text-accent"))
    return Content("\n").join(lines)


def document_paragraph(lookup: BriefingLookup, source: SourceRef) -> str:
    """ "Document title, ¶7": which source document, and which of its paragraphs."""
    return vocabulary(lookup.briefing.language).document_paragraph(lookup, source)


def highlighted_passage(passage_text: str, quote_text: str) -> Content:
    """The passage with the quoted words in bold and reverse (not colour alone), when found verbatim."""
    content = Content(safe_text(passage_text))
    quoted = safe_text(quote_text)
    start = content.plain.find(quoted)
    if start >= 0:
        content = content.stylize("bold reverse", start, start + len(quoted))
    return content


LABEL_WIDTH = 9
"""Least width of the labels of the detail pane ("Meeting  "); wrapped values continue at this column."""

DETAIL_LABELS = ("Meeting", "Session", "Date", "Topics")
"""The labels of the detail pane, in English: the book's vocabulary translates them."""


def label_width(words: Vocabulary) -> int:
    """The column where values start: clear of the longest label in the book's language ("Vergadering")."""
    return max(LABEL_WIDTH, *(len(words.label(label)) + 2 for label in DETAIL_LABELS))


def labelled(label: str, value: str, width: int = LABEL_WIDTH) -> Content:
    """A "Label  value" line, the label dim; `value` is briefing text and is made safe here."""
    return Content.assemble((f"{label:<{width}}", "$text-muted"), safe_text(value))


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
        #quote-list { width: 2fr; }
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
        self.words = vocabulary(lookup.briefing.language)
        """The book's labels, dates and quotation marks (the filter's own messages stay English)."""
        self.entries = build_quote_entries(lookup)
        """Every quote of the book, in document order."""
        self.matches: dict[str, RecordMatch] = {}
        """Where the filter matched each listed quote."""
        self.listed = list(self.entries)

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="Filter quotes: words, speaker, meeting, topic (f)", id="quote-filter",
                          select_on_focus=False)
        yield Static(id="quote-empty", classes="browse-empty", markup=False)
        with Panes(classes="browse-panes"):
            yield QuoteList(id="quote-list", classes="browse-list", markup=False)  # filled on mount
            with DetailScroll(id="quote-detail", classes="browse-detail"):
                yield MeasuredStatic(id="quote-text", markup=False)
                yield MeasuredStatic(id="quote-speaker", markup=False)
                yield MeasuredStatic(id="quote-context", markup=False)
                yield MeasuredStatic(id="quote-source-heading", markup=False)
                yield MeasuredStatic(id="quote-source", markup=False)

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one("#quote-list", QuoteList)

    def matching(self, text: str) -> list[QuoteEntry]:
        if not text.strip():  # every quote, nothing to highlight: no need to match 20,000 records
            self.matches = {}
            return list(self.entries)
        query, _error = compile_filter(text)  # an unfinished query ("china OR") keeps the whole list
        found = filter_quotes(self.entries, query)
        self.matches = {entry.quote.id: match for entry, match in found}
        return [entry for entry, _match in found]

    def entry_id(self, entry: QuoteEntry) -> str:
        return entry.quote.id

    def options(self, entries: Sequence[QuoteEntry]) -> list[Option]:
        # Lazy: a book of 20,000 quotes builds the prompts of the few on screen, not all of them.
        matches, words = self.matches, self.words
        return [LazyOption(partial(list_prompt, entry, matches.get(entry.quote.id), words),
                           lines=list_prompt_lines(entry), id=entry.quote.id) for entry in entries]

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
        quote, words = entry.quote, self.words
        opening, closing = words.words.quote_marks
        text_spans = field_spans(self.matches.get(quote.id), "text", quote.text)
        statics["quote-text"].update(Content.assemble(opening, literal_with_spans(quote.text, text_spans, MATCH_STYLE),
                                                      closing))
        speaker_line = Content.assemble(("— ", "$text-muted"), (safe_text(entry.speaker_name), "bold"))
        if entry.speaker is not None and entry.speaker.role:
            speaker_line += Content(f", {safe_text(entry.speaker.role)}")
        statics["quote-speaker"].update(Hanging([(speaker_line, 2)]))
        width = label_width(words)
        statics["quote-context"].update(Hanging((line, width) for line in self._context_lines(entry, width)))

        reference = safe_text(words.document_paragraph(self.lookup, quote.source))
        passages = source_passages(self.lookup, entry.located)
        if passages:
            statics["quote-source-heading"].update(Content(words.phrase("Source passage — {reference}",
                                                                        reference=reference)))
            statics["quote-source"].update(
                Content("\n\n").join(highlighted_passage(passage.text, quote.text) for passage in passages)
            )
        else:
            statics["quote-source-heading"].update(Content(words.phrase("Source: {reference}", reference=reference)))
            statics["quote-source"].update(Content(words.phrase(
                "The book holds no passage of source paragraph {paragraph}.", paragraph=quote.source.paragraph)))

    def _context_lines(self, entry: QuoteEntry, width: int) -> list[Content]:
        """Meeting (and place), session (part of day, format), date and topics, labelled."""
        words, located = self.words, entry.located
        meeting = located.meeting
        context = [labelled(words.label("Meeting"), f"{meeting.title}, {words.place_name(meeting)}", width)]
        if located.session is not None:
            session = located.session
            details = words.session_details(session)
            context.append(labelled(words.label("Session"), f"{session.title} ({details})" if details else session.title,
                                    width))
        context.append(labelled(words.label("Date"), date_text(entry, words), width))
        if entry.quote.topics:
            context.append(labelled(words.label("Topics"), " · ".join(entry.quote.topics), width))
        return context

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
