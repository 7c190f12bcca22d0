"""Fidelity of the bundled sample briefing to its official source.

Diplomats quote this data in their own work, so every verbatim item must be found word for word in
the paragraph it cites, nothing of the source may be silently dropped, and nothing may be invented.
The source text is read directly here, independently of the loader's own source check.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.sources import split_paragraphs
from briefing.model import Briefing, Figure, Passage, Point, Quote, SourceRef, iter_items, iter_sessions
from tests.data.sample_text import SAMPLE_PATH, SOURCE_RELATIVE_PATH, SOURCE_TEXT, collapse

# Paragraphs as the model defines them: blocks separated by blank lines, headings included.
PARAGRAPHS = [block for block in re.split(r"\n\s*\n", SOURCE_TEXT) if block.strip()]
HEADING_PARAGRAPHS = {2, 4, 11}

PRINCIPAL = "sophie-wilmes"

# The one “...” span of the source that is not something Sophie Wilmès said: the title of a NATO agenda.
NOT_QUOTES = {"Women, Peace and Security Agenda,"}


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph: cut at spaces after . ! ? or after one of them and a closing ”."""
    parts = re.split(r"(?<=[.!?]”)\s+|(?<=[.!?])\s+", collapse(paragraph))
    return [part for part in parts if part]


def paragraph(ref: SourceRef) -> str:
    assert ref.document == DOCUMENT_ID
    assert 1 <= ref.paragraph <= len(PARAGRAPHS), ref
    return PARAGRAPHS[ref.paragraph - 1]


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return Briefing.model_validate_json(SAMPLE_PATH.read_text(encoding="utf-8"))


DOCUMENT_ID = json.loads(SAMPLE_PATH.read_text(encoding="utf-8"))["sources"][0]["id"]


def all_passages(briefing: Briefing) -> list[Passage]:
    return [located.item for located in iter_items(briefing) if located.kind == "passage"]


def all_quotes(briefing: Briefing) -> list[Quote]:
    return [located.item for located in iter_items(briefing) if located.kind == "quote"]


def all_figures(briefing: Briefing) -> list[Figure]:
    return [located.item for located in iter_items(briefing) if located.kind == "figure"]


def all_points(briefing: Briefing) -> list[Point]:
    return [located.item for located in iter_items(briefing) if located.kind in ("key_point", "position")]


def all_refs(briefing: Briefing) -> list[SourceRef]:
    refs: list[SourceRef] = []
    for located in iter_items(briefing):
        item = located.item
        refs.extend(item.sources if isinstance(item, Point) else (item.source,))
    return refs


# --- the source itself -------------------------------------------------------------------------------


def test_the_source_has_seventeen_paragraphs_the_loader_agrees() -> None:
    assert len(PARAGRAPHS) == 17
    assert [collapse(p) for p in split_paragraphs(SOURCE_TEXT)] == [collapse(p) for p in PARAGRAPHS]
    assert collapse(PARAGRAPHS[1]) == "International Criminal Court"
    assert collapse(PARAGRAPHS[3]) == "War in Ukraine"
    assert collapse(PARAGRAPHS[10]) == "NATO ministerial meeting on 6-7 April: conclusions"


# --- validity ----------------------------------------------------------------------------------------


def test_the_sample_validates_against_the_model(briefing: Briefing) -> None:
    assert briefing.schema_version == 2
    assert briefing.status == "final"
    assert briefing.principal == PRINCIPAL


def test_the_loader_accepts_the_sample_with_its_source_check() -> None:
    loaded = load_briefing(SAMPLE_PATH)
    assert loaded.id == "2022-04-fac-nato"


def test_the_source_document_is_the_press_release_beside_the_sample(briefing: Briefing) -> None:
    (document,) = briefing.sources
    assert document.path == SOURCE_RELATIVE_PATH
    assert (SAMPLE_PATH.parent / document.path).read_text(encoding="utf-8") == SOURCE_TEXT
    assert document.published == dt.date(2022, 4, 11)
    assert document.language == briefing.language == "en"


def test_book_metadata(briefing: Briefing) -> None:
    assert briefing.classification == "UNCLASSIFIED – PUBLIC"
    assert (briefing.start, briefing.end) == (dt.date(2022, 4, 6), dt.date(2022, 4, 11))
    principal = {person.id: person for person in briefing.people}[PRINCIPAL]
    assert principal.name == "Sophie Wilmès"
    assert principal.role == "Deputy Prime Minister and Minister of Foreign Affairs"


# --- verbatim items ----------------------------------------------------------------------------------


def test_every_passage_occurs_verbatim_in_its_paragraph(briefing: Briefing) -> None:
    passages = all_passages(briefing)
    assert passages
    for passage in passages:
        assert collapse(passage.text) in collapse(paragraph(passage.source)), passage.id


def test_every_quote_occurs_verbatim_in_its_paragraph(briefing: Briefing) -> None:
    for quote in all_quotes(briefing):
        assert collapse(quote.text) in collapse(paragraph(quote.source)), quote.id


def test_every_figure_as_written_occurs_verbatim_in_its_paragraph(briefing: Briefing) -> None:
    for figure in all_figures(briefing):
        # Whole words only: "500 million euro" must not pass for "500 million euros".
        pattern = rf"(?<!\w){re.escape(collapse(figure.as_written))}(?!\w)"
        assert re.search(pattern, collapse(paragraph(figure.source))), figure.id


def test_passages_are_whole_sentences_or_whole_paragraphs(briefing: Briefing) -> None:
    for passage in all_passages(briefing):
        whole = sentences(paragraph(passage.source))
        mine = sentences(passage.text)
        assert mine, passage.id
        # The passage is a run of consecutive whole sentences of its paragraph.
        assert mine[0] in whole, passage.id
        start = whole.index(mine[0])
        assert whole[start : start + len(mine)] == mine, passage.id


def test_headings_are_whole_heading_paragraphs(briefing: Briefing) -> None:
    headings = [passage for passage in all_passages(briefing) if passage.heading]
    assert {passage.source.paragraph for passage in headings} == HEADING_PARAGRAPHS
    for passage in headings:
        assert collapse(passage.text) == collapse(paragraph(passage.source))


# --- quotes ------------------------------------------------------------------------------------------


def quoted_spans() -> list[tuple[int, str, str]]:
    """Every “...” span of the source: (paragraph number, text before it in its sentence, text inside)."""
    spans = []
    for number, text in enumerate(PARAGRAPHS, start=1):
        for match in re.finditer(r"“([^”]*)”", text):
            before = re.split(r"(?<=[.!?])\s+", text[: match.start()])[-1]
            spans.append((number, before, match.group(1)))
    return spans


def test_the_source_holds_exactly_four_quotes_of_sophie_wilmes() -> None:
    spans = quoted_spans()
    assert len(spans) == 5
    # A quote of hers is introduced in its own sentence by her name and a colon: "Sophie Wilmès: “...".
    def by_her(before: str) -> bool:
        return "Sophie Wilmès" in before and before.endswith(": ")

    attributed = [(n, inside) for n, before, inside in spans if by_her(before)]
    unattributed = {inside for _, before, inside in spans if not by_her(before)}
    assert len(attributed) == 4
    assert [n for n, _ in attributed] == [7, 13, 15, 16]
    # The exclusion is explicit: the only other quoted span is a title, not words anybody said.
    assert unattributed == NOT_QUOTES


def test_the_four_quotes_are_exactly_the_source_quotes_by_the_principal(briefing: Briefing) -> None:
    quotes = all_quotes(briefing)
    assert len(quotes) == 4
    assert all(quote.speaker == PRINCIPAL for quote in quotes)
    expected = {(n, collapse(inside)) for n, before, inside in quoted_spans() if inside not in NOT_QUOTES}
    assert {(quote.source.paragraph, collapse(quote.text)) for quote in quotes} == expected


def test_each_quote_is_a_direct_quote_between_curly_marks(briefing: Briefing) -> None:
    for quote in all_quotes(briefing):
        assert not quote.text.startswith(("“", '"')), quote.id
        assert not quote.text.endswith(("”", '"')), quote.id
        assert f"“{collapse(quote.text)}”" in collapse(paragraph(quote.source)), quote.id


def test_quotes_keep_the_source_typography(briefing: Briefing) -> None:
    texts = {quote.id: quote.text for quote in all_quotes(briefing)}
    assert texts["quote-denounce-the-war"].startswith("in light of what is currently happening in Ukraine")
    assert "imbalances – such as" in texts["quote-russian-narrative"]
    assert "Alliance’s strategy" in texts["quote-strategic-concept"]
    assert all("'" not in text for text in texts.values())
    assert all(quote.topics for quote in all_quotes(briefing))


def test_the_quoted_title_is_not_a_quote(briefing: Briefing) -> None:
    for quote in all_quotes(briefing):
        assert "Women, Peace and Security Agenda" not in quote.text


# --- coverage ----------------------------------------------------------------------------------------


def test_every_paragraph_is_cited(briefing: Briefing) -> None:
    cited = {ref.paragraph for ref in all_refs(briefing)}
    assert cited == set(range(1, 18))


def test_every_paragraph_has_a_passage(briefing: Briefing) -> None:
    assert {passage.source.paragraph for passage in all_passages(briefing)} == set(range(1, 18))


def test_every_sentence_of_the_source_is_in_a_passage(briefing: Briefing) -> None:
    passages_by_paragraph: dict[int, list[str]] = {}
    for passage in all_passages(briefing):
        passages_by_paragraph.setdefault(passage.source.paragraph, []).append(collapse(passage.text))
    missing = []
    total = 0
    for number, text in enumerate(PARAGRAPHS, start=1):
        for sentence in sentences(text):
            total += 1
            if not any(sentence in passage for passage in passages_by_paragraph.get(number, [])):
                missing.append((number, sentence))
    assert total > 17  # the splitter really splits
    assert missing == []


def test_the_sentence_splitter_splits_where_expected() -> None:
    split = sentences(PARAGRAPHS[6])
    assert split[2].startswith("Sophie Wilmès: “Russia does not hesitate")
    assert split[-2] == "Additional efforts are needed.”"
    assert split[-1].startswith("On this point, Belgium favours")


def test_paragraph_13_is_split_between_its_two_sessions(briefing: Briefing) -> None:
    sessions = {session.id: session for _, session in iter_sessions(briefing)}
    baltic = [collapse(p.text) for p in sessions["nato-benelux-baltic"].passages]
    dinner = [collapse(p.text) for p in sessions["nato-strategic-concept-dinner"].passages]
    assert baltic[0].startswith("On Wednesday, the Deputy Prime Minister participated")
    assert baltic[0].endswith("with its fighter planes.")
    assert dinner[0].startswith("This was followed by a working dinner")
    assert f"{baltic[0]} {dinner[0]}" == collapse(PARAGRAPHS[12])


def test_items_sit_in_the_session_whose_passages_hold_them(briefing: Briefing) -> None:
    for _, session in iter_sessions(briefing):
        text = " ".join(collapse(p.text) for p in session.passages)
        for quote in session.quotes:
            assert collapse(quote.text) in text, quote.id
        for figure in session.figures:
            assert collapse(figure.as_written) in text, figure.id


def test_points_cite_paragraphs_of_their_meeting(briefing: Briefing) -> None:
    for meeting in briefing.meetings:
        paragraphs = {p.source.paragraph for p in meeting.passages}
        paragraphs |= {p.source.paragraph for s in meeting.sessions for p in s.passages}
        for session in meeting.sessions:
            for point in (*session.key_points, *session.positions):
                assert {ref.paragraph for ref in point.sources} <= paragraphs, point.id


def test_own_words_put_nothing_in_quotation_marks(briefing: Briefing) -> None:
    own_words = [point.text for point in all_points(briefing)]
    own_words += [meeting.summary for meeting in briefing.meetings]
    own_words += [briefing.dates_note or ""]
    for text in own_words:
        assert not re.search(r"[“”\"]", text), text


def test_every_session_says_something(briefing: Briefing) -> None:
    for _, session in iter_sessions(briefing):
        assert session.passages, session.id
        assert session.key_points or session.positions, session.id


# --- counts ------------------------------------------------------------------------------------------


def test_counts_are_what_the_source_holds(briefing: Briefing) -> None:
    assert len(briefing.meetings) == 2
    assert [len(meeting.sessions) for meeting in briefing.meetings] == [3, 6]
    assert len(all_quotes(briefing)) == 4
    assert len(briefing.people) == 4
    assert len(briefing.organisations) == 29
    assert len([o for o in briefing.organisations if o.kind == "state"]) == 15
    assert len(all_figures(briefing)) == 8
    assert len(all_passages(briefing)) == 18
    assert len(briefing.sources) == 1


# --- structure and dates -----------------------------------------------------------------------------


def test_meetings_follow_the_source_order(briefing: Briefing) -> None:
    fac, nato = briefing.meetings
    assert (fac.id, fac.place, fac.start, fac.end) == ("fac-2022-04-11", "Luxembourg", dt.date(2022, 4, 11),
                                                       dt.date(2022, 4, 11))
    assert (nato.place, nato.start, nato.end) == ("Brussels", dt.date(2022, 4, 6), dt.date(2022, 4, 7))
    # ¶6 (the embassy in Kyiv) is ministry business the release reports, not an item ministers discussed.
    assert [p.source.paragraph for p in fac.passages] == [1, 6]
    assert [p.source.paragraph for p in nato.passages] == [11, 12]


def test_sessions_and_their_dates(briefing: Briefing) -> None:
    rows = [(s.id, s.date, s.part_of_day) for _, s in iter_sessions(briefing)]
    april = lambda day: dt.date(2022, 4, day)  # noqa: E731
    assert rows == [
        ("fac-icc-breakfast", april(11), "morning"),
        ("fac-ukraine", april(11), None),
        ("fac-mali-sahel", april(11), None),
        ("nato-benelux-baltic", april(6), None),
        ("nato-strategic-concept-dinner", april(6), "evening"),
        ("nato-diana", april(6), None),
        ("nato-partners-session", april(7), None),
        ("nato-allies-session", april(7), "afternoon"),
        ("nato-partner-support", april(7), None),
    ]
    for meeting in briefing.meetings:
        dates = [session.date for session in meeting.sessions]
        assert dates == sorted(dates), meeting.id


def test_the_year_is_stated_once_and_the_note_says_where(briefing: Briefing) -> None:
    assert briefing.dates_note is not None
    assert "no year" not in briefing.dates_note  # ¶3 says "In March 2022"
    assert "¶3 (In March 2022)" in briefing.dates_note
    assert "no year" not in (briefing.sources[0].note or "")
    assert "In March 2022" in PARAGRAPHS[2]
    assert "Monday 11 April" in SOURCE_TEXT
    assert "Wednesday 6 April and Thursday 7 April" in SOURCE_TEXT
    assert dt.date(2022, 4, 11).weekday() == 0  # Monday
    assert dt.date(2022, 4, 6).weekday() == 2  # Wednesday
    assert dt.date(2022, 4, 7).weekday() == 3  # Thursday
    assert "2022" not in SOURCE_TEXT.replace("March 2022", "")  # the source dates nothing else


def test_ids_are_unique_across_the_file(briefing: Briefing) -> None:
    ids = [d.id for d in briefing.sources]
    ids += [o.id for o in briefing.organisations] + [p.id for p in briefing.people]
    for meeting in briefing.meetings:
        ids.append(meeting.id)
        ids += [p.id for p in meeting.passages]
        for session in meeting.sessions:
            ids.append(session.id)
            ids += [i.id for i in (*session.passages, *session.key_points, *session.positions,
                                   *session.figures, *session.quotes)]
    assert len(ids) == len(set(ids))

