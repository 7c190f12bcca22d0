"""Every trap of real releases, one small release each: the draft must get it right AND validate."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefing.importer import Draft
from tests.importer.conftest import quotes_of

INTRO = "Today, Monday 11 April 2022, the Minister of Foreign Affairs, Anna Berg, was in Brussels to attend a Foreign Affairs Council meeting.\n\n"

DraftOf = Callable[..., Draft]


@pytest.mark.parametrize(
    ("marks", "said"),
    [("“{}”", "“{}”"), ("‘{}’", "‘{}’"), ('"{}"', '"{}"'), ("« {} »", "«\u00a0{}\u00a0»"), ("„{}“", "„{}”")],
)
def test_every_kind_of_quotation_mark(draft_of: DraftOf, marks: str, said: str) -> None:
    words = "We will not accept a world in which borders are changed by force."
    text = INTRO + f"Anna Berg: {marks.format(words)} The ministers then moved on.\n\nOther business was discussed.\n"
    text2 = INTRO + f"Anna Berg said: {said.format(words)}\n\nOther business.\n"
    for release in (text, text2):
        assert quotes_of(draft_of(release)) == [(words, "Anna Berg", False)]


def test_apostrophes_do_not_close_a_single_quoted_quote(draft_of: DraftOf) -> None:
    words = "Europe’s answer must be united, and the Council’s decision shows that it is."
    draft = draft_of(INTRO + f"Anna Berg said: ‘{words}’\n\nEnd.\n")
    assert quotes_of(draft) == [(words, "Anna Berg", False)]


def test_a_quote_running_over_paragraphs(draft_of: DraftOf) -> None:
    text = INTRO + (
        "Anna Berg told the press: “We met our partners today. They share our concerns.\n\n"
        "“We will meet them again in June. Nothing is decided yet.”\n\nThe meeting ended at noon.\n"
    )
    draft = draft_of(text)
    [quote] = [q for m in draft.briefing.meetings for s in m.sessions for q in s.quotes]
    assert quote.text == "We met our partners today. They share our concerns.\n\nWe will meet them again in June. Nothing is decided yet."
    assert (quote.source.paragraph, quote.source.last_paragraph) == (2, 3)


def test_a_block_quote_after_said(draft_of: DraftOf) -> None:
    text = INTRO + "Speaking after the meeting, Anna Berg said:\n\nWe stand by our partners, and we will keep standing by them.\n\nEnd of the day.\n"
    assert quotes_of(draft_of(text)) == [("We stand by our partners, and we will keep standing by them.", "Anna Berg", False)]


def test_a_short_quoted_title_is_not_a_quote(draft_of: DraftOf) -> None:
    text = INTRO + "Referring to the “Women, Peace and Security Agenda,” the Minister stressed the role of women in peace processes.\n\nEnd.\n"
    assert quotes_of(draft_of(text)) == []


def test_a_scare_quoted_word_is_not_a_quote(draft_of: DraftOf) -> None:
    text = INTRO + "The so-called “referendum” was rejected by all ministers.\n\nEnd.\n"
    assert quotes_of(draft_of(text)) == []


def test_a_quote_cut_off_by_the_end_of_the_text_is_truncated(draft_of: DraftOf) -> None:
    draft = draft_of(INTRO + "Anna Berg said: “We will go to the summit with one message: Europe must stay the course and")
    assert quotes_of(draft) == [("We will go to the summit with one message: Europe must stay the course and", "Anna Berg", True)]
    last = draft.briefing.meetings[0].sessions[-1].passages[-1]
    assert last.truncated


def test_an_unclosed_quote_in_the_middle_is_left_out_with_a_warning(draft_of: DraftOf) -> None:
    draft = draft_of(INTRO + "Anna Berg said: “We will see\n\nThe meeting then ended.\n")
    assert quotes_of(draft) == []
    assert any("never closed" in warning for warning in draft.analysis.warnings)


@pytest.mark.parametrize(
    "sentence",
    [
        "“We must do more for Moldova,” said Anna Berg.",
        "“We must do more for Moldova,” Anna Berg said.",
        "According to Anna Berg, “We must do more for Moldova.”",
        "For Anna Berg, “We must do more for Moldova.”",
        "Anna Berg: “We must do more for Moldova.”",
        "Anna Berg underlined Belgium’s commitment: “We must do more for Moldova.”",
    ],
)
def test_speaker_cues(draft_of: DraftOf, sentence: str) -> None:
    text = "Today, Monday 11 April 2022, the Minister of Foreign Affairs of Ukraine, Dmytro Kuleba, and the Minister of Foreign Affairs, Anna Berg, met in Brussels.\n\n" + sentence + "\n\nEnd.\n"
    [(words, speaker, _)] = quotes_of(draft_of(text))
    assert speaker == "Anna Berg"
    assert words.startswith("We must do more for Moldova")


def test_a_pronoun_continues_the_previous_speaker(draft_of: DraftOf) -> None:
    text = INTRO + (
        "“The sanctions work,” said Dmytro Kuleba, Minister of Foreign Affairs of Ukraine.\n\n"
        "“Russia’s economy is paying the price,” said Anna Berg. She continued: “We will keep the pressure on until the troops leave.”\n\nEnd.\n"
    )
    speakers = [speaker for _, speaker, _ in quotes_of(draft_of(text))]
    assert speakers == ["Dmytro Kuleba", "Anna Berg", "Anna Berg"]


def test_a_title_alone_is_the_principal_when_one_is_given(draft_of: DraftOf) -> None:
    text = INTRO + "The Minister of Foreign Affairs of Ukraine, Dmytro Kuleba, also attended.\n\n“We will not be divided,” said the Minister.\n\nEnd.\n"
    assert [s for _, s, _ in quotes_of(draft_of(text, principal="Anna Berg"))] == ["Anna Berg"]
    # Without --principal a title held by two people cannot be resolved: the author is asked.
    unresolved = draft_of(text)
    assert [s for _, s, _ in quotes_of(unresolved)] == ["Speaker to be identified"]


def test_a_principal_the_text_never_names_is_added_with_a_note(draft_of: DraftOf) -> None:
    draft = draft_of("The Minister met her counterparts in Vienna on Tuesday 5 March 2024.\n\n“We agreed on the essentials,” said the Minister.\n", principal="Marta Ruiz")
    principal = next(p for p in draft.briefing.people if p.id == draft.briefing.principal)
    assert principal.name == "Marta Ruiz"
    assert principal.note and "does not name" in principal.note
    assert quotes_of(draft)[0][1] == "Marta Ruiz"


def test_the_year_from_a_weekday_is_inferred_and_noted(draft_of: DraftOf) -> None:
    draft = draft_of("On Wednesday 8 March, the Minister, Anna Berg, visited Vilnius.\n\nShe met students.\n", published=None)
    assert draft.briefing.start.year == 2023
    assert "Wednesday in 2023" in (draft.briefing.dates_note or "")


def test_a_year_written_anywhere_in_the_text_decides(draft_of: DraftOf) -> None:
    draft = draft_of("On 11 April the Minister, Anna Berg, was in Luxembourg.\n\nIn March 2019 the Council had decided otherwise.\n")
    assert str(draft.briefing.start) == "2019-04-11"
    assert "March 2019" in (draft.briefing.dates_note or "")


def test_figures_currency_counts_ordinals_and_approximations(draft_of: DraftOf) -> None:
    text = INTRO + (
        "The Council approved €1.5 billion for the European Peace Facility, the eighth tranche so far. "
        "Some 15,000 troops and nearly 500 observers are deployed in 27 member states.\n\nEnd.\n"
    )
    figures = {f.as_written: f for m in text and draft_of(text).briefing.meetings for s in m.sessions for f in s.figures}
    assert figures["€1.5 billion"].value == 1_500_000_000 and figures["€1.5 billion"].unit == "EUR"
    assert figures["eighth tranche"].ordinal and figures["eighth tranche"].value == 8
    assert figures["Some 15,000 troops"].approximate and figures["Some 15,000 troops"].value == 15000
    assert figures["nearly 500 observers"].approximate
    assert figures["27 member states"].value == 27
    assert not any("11" in written or "2022" in written for written in figures)  # dates are not figures


def test_people_organisations_states_and_places(draft_of: DraftOf) -> None:
    text = ("Today, Monday 11 April 2022, the Deputy Prime Minister and Minister of Foreign Affairs, Anna Berg, "
            "was in Luxembourg with the Prosecutor of the International Criminal Court (ICC), Mr Karim Okafor, "
            "and representatives of the Organisation for Cultural Exchange (OCE).\n\nShe met Ukraine’s envoy.\n")
    draft = draft_of(text)
    people = {p.name: p.role for p in draft.briefing.people}
    assert people == {"Anna Berg": "Deputy Prime Minister and Minister of Foreign Affairs",
                      "Karim Okafor": "Prosecutor of the International Criminal Court"}
    organisations = {o.id: o.kind for o in draft.briefing.organisations}
    assert organisations["icc"] == "international-organisation"
    assert organisations["ukraine"] == "state"
    assert organisations["oce"] == "other"
    assert draft.briefing.meetings[0].place == "Luxembourg"


def test_sessions_from_headings_and_cue_words(draft_of: DraftOf) -> None:
    text = (
        "EU–Africa ministerial meeting, Kigali\n\n"
        "On Monday 13 May 2024, the Minister of Foreign Affairs, Anna Berg, arrived in Kigali for a two-day meeting.\n\n"
        "The day began with a working breakfast on food security.\n\n"
        "During the working session, ministers discussed trade.\n\n"
        "Later, the Minister met the press.\n\n"
        "In the evening, a working dinner was held on migration.\n\n"
        "The next day, ministers adopted a joint statement.\n"
    )
    meeting = draft_of(text).briefing.meetings[0]
    sessions = [(s.title, str(s.date), s.part_of_day) for s in meeting.sessions]
    assert meeting.title == "EU–Africa ministerial meeting, Kigali"
    assert sessions == [
        ("Working breakfast", "2024-05-13", "morning"),
        ("Working session", "2024-05-13", None),
        ("Later, the Minister met the press.", "2024-05-13", None),
        ("Working dinner", "2024-05-13", "evening"),
        ("The next day, ministers adopted a joint statement.", "2024-05-14", None),
    ]
    assert all(s.dating_note for s in meeting.sessions[1:])


def test_the_previous_day_counts_back(draft_of: DraftOf) -> None:
    text = (
        "On Tuesday 14 May 2024 the Minister, Anna Berg, chaired the closing session in Kigali.\n\n"
        "In the afternoon, she met the President.\n\n"
        "The previous day, she had visited a school.\n"
    )
    sessions = draft_of(text).briefing.meetings[0].sessions
    assert [str(s.date) for s in sessions][-1] == "2024-05-13"


def test_key_points_and_positions_are_left_to_the_author(draft_of: DraftOf) -> None:
    draft = draft_of(INTRO + "Ministers discussed Mali.\n")
    assert draft.briefing.status == "draft"
    assert all(not s.key_points and not s.positions for m in draft.briefing.meetings for s in m.sessions)


@pytest.mark.parametrize(
    ("sentence", "title", "place", "start", "end"),
    [
        ("Looking ahead, the Minister will attend the European Council in Brussels on 23 and 24 June.",
         "European Council", "Brussels", "2022-06-23", "2022-06-24"),
        ("The strategic concept will be adopted at the next summit in Madrid.", "Summit", "Madrid", None, None),
        ("Aujourd’hui, lundi 11 avril 2022, la ministre des Affaires étrangères, Anna Berg, a participé à une "
         "réunion du Conseil des affaires étrangères.\n\nLe prochain Conseil des affaires étrangères aura lieu à "
         "Luxembourg le 16 mai.", "Conseil des affaires étrangères", "Luxembourg", "2022-05-16", "2022-05-16"),
    ],
)
def test_meetings_mentioned_but_not_attended_are_referenced(
    draft_of: DraftOf, sentence: str, title: str, place: str, start: str | None, end: str | None
) -> None:
    draft = draft_of(sentence + "\n" if sentence.startswith("Aujourd") else INTRO + sentence + "\n")
    [referenced] = draft.briefing.referenced_meetings
    assert (referenced.title, referenced.place) == (title, place)
    assert (str(referenced.start) if referenced.start else None, str(referenced.end) if referenced.end else None) == (start, end)
    assert referenced.sources[0].paragraph == 2
    assert len(draft.briefing.meetings) == 1  # mentioned, not attended: no meeting of its own


def test_a_title_that_designated_the_principal_becomes_an_alias_and_a_lone_surname_a_note(draft_of: DraftOf) -> None:
    text = INTRO + "The Minister met Mr Okafor of the Court.\n\n“We will not be divided,” said the Minister.\n"
    draft = draft_of(text, principal="Anna Berg")
    people = {p.name: p for p in draft.briefing.people}
    assert "the Minister" in people["Anna Berg"].aliases
    assert people["Okafor"].note == "Named only as “Mr Okafor”: the first name is not in the source."
