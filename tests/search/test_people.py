"""The who's who below the UI: entries, their filter, mentions by name and declared alias, appearances."""

from __future__ import annotations

import pytest

from briefing.loading import load_briefing
from briefing.model import Briefing, BriefingLookup
from briefing.search import SearchCancelled, compile_filter
from briefing.search.people import Group, Role, build_entries, filter_entries, find_appearances, mention_query
from tests.conftest import SAMPLE_PATH
from tests.factories import changed, minimal_briefing_dict


@pytest.fixture(scope="module")
def lookup() -> BriefingLookup:
    return BriefingLookup(load_briefing(SAMPLE_PATH))


def test_people_by_last_name_then_organisations(lookup: BriefingLookup) -> None:
    entries = build_entries(lookup)
    people = [entry.actor.name for entry in entries if entry.is_person]
    assert people == ["Fatou Bensouda", "Karim Khan", "Dmytro Kuleba", "Sophie Wilmès"]
    assert not any(entry.is_person for entry in entries[len(people):])


def test_the_filter_finds_people_by_role_and_says_where(lookup: BriefingLookup) -> None:
    query, _ = compile_filter("prosecutor")
    found = filter_entries(build_entries(lookup), query)
    assert {entry.actor.name for entry, _ in found} == {"Karim Khan", "Fatou Bensouda"}
    for _, match in found:
        assert match.spans_of("role") and not match.spans_of("name")
    query, _ = compile_filter("")
    assert len(filter_entries(build_entries(lookup), query)) == len(build_entries(lookup))


def test_wilmes_appears_in_meetings_sessions_quotes_and_mentions(lookup: BriefingLookup) -> None:
    appearances = find_appearances(lookup, lookup.people["sophie-wilmes"])
    groups = [appearance.group for appearance in appearances]
    assert groups == sorted(groups, key=list(Group).index), "grouped in order"
    quotes = {a.item_id for a in appearances if a.group is Group.QUOTES}
    assert quotes and quotes == {q.item.id for q in lookup.quotes() if q.item.speaker == "sophie-wilmes"}
    mentions = {a.item_id: a for a in appearances if a.group is Group.MENTIONS}
    assert "src-p01" in mentions and "kp-ukrainian-needs" in mentions
    assert not set(mentions) & quotes, "her own quotes are listed once"
    mention = mentions["src-p01"]
    assert [mention.text[start:end] for start, end in mention.spans] == ["Sophie Wilmès"]
    assert all(a.role is Role.MENTIONED for a in mentions.values())


def test_a_surname_alone_is_a_mention_only_when_declared(lookup: BriefingLookup) -> None:
    kuleba = lookup.people["dmytro-kuleba"]
    assert "Minister Kuleba" in kuleba.aliases  # declared in the sample
    mentioned = {a.item_id for a in find_appearances(lookup, kuleba) if a.group is Group.MENTIONS}
    assert "quote-assistance-deterrence" in mentioned  # "Through Minister Kuleba, …"
    khan = lookup.people["karim-khan"]
    assert mention_query(khan).spans("Khan said so") == []  # no guessed surname


def test_organisations_are_found_by_acronym(lookup: BriefingLookup) -> None:
    icc = {a.item_id for a in find_appearances(lookup, lookup.organisations["icc"]) if a.group is Group.MENTIONS}
    assert "kp-icc-breakfast" in icc  # "…attended by the ICC Prosecutor, Karim Khan."


def test_met_and_jr_are_never_a_person() -> None:
    data = changed(minimal_briefing_dict("The minister met. Jr. staff"), ("people", 0, "name"), "Ann Met Jr.")
    lookup = BriefingLookup(Briefing.model_validate(data))
    mentions = [a for a in find_appearances(lookup, lookup.people["minister"]) if a.group is Group.MENTIONS]
    assert mentions == []


def test_appearances_can_be_cancelled(lookup: BriefingLookup) -> None:
    with pytest.raises(SearchCancelled):
        find_appearances(lookup, lookup.people["sophie-wilmes"], cancelled=lambda: True)


@pytest.mark.parametrize("book", ["sample", "hostile", "shared names"])
def test_the_index_and_the_book_walk_done_once_give_the_same_appearances(book: str) -> None:
    from briefing.search import SearchIndex
    from briefing.search.people import Participation, mention_words
    from tests.factories import HOSTILE

    if book == "sample":
        briefing = load_briefing(SAMPLE_PATH)
    elif book == "hostile":
        briefing = Briefing.model_validate(minimal_briefing_dict(HOSTILE))
    else:  # a name whose words stand apart (not a mention) and together across fields of a figure
        data = minimal_briefing_dict()
        session = ("meetings", 0, "sessions", 0)
        data = changed(data, (*session, "key_points", 0, "text"), "Minister Ann spoke; later Ann the Minister left.")
        data = changed(data, (*session, "figures", 0, "counts"), "Paid by Ann")
        data = changed(data, (*session, "figures", 0, "as_written"), "Minister 500 million euros")
        data = changed(data, ("people", 0, "name"), "Ann Minister")
        briefing = Briefing.model_validate(data)
    lookup = BriefingLookup(briefing)
    index, participation = SearchIndex.for_briefing(briefing), Participation(lookup)
    for actor in [*lookup.people.values(), *lookup.organisations.values()]:
        candidates = index.items_with_all_words(mention_words(actor))
        assert find_appearances(lookup, actor, None, participation, candidates) == find_appearances(lookup, actor)


def test_with_candidates_only_they_are_matched(sample_briefing: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.search import SearchIndex
    from briefing.search.people import Participation, mention_words

    lookup = BriefingLookup(sample_briefing)
    index, participation = SearchIndex.for_briefing(sample_briefing), Participation(lookup)
    expected = {actor.id: find_appearances(lookup, actor) for actor in lookup.people.values()}
    monkeypatch.setattr(BriefingLookup, "iter_items", lambda self: pytest.fail("walked every item of the book"))
    for actor in lookup.people.values():
        candidates = index.items_with_all_words(mention_words(actor))
        assert find_appearances(lookup, actor, None, participation, candidates) == expected[actor.id]
