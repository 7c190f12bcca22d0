"""Hypothesis strategies for random, valid briefings whose text is a mix of prose and hostile strings.

Every briefing drawn here passes the model's own validation: ids are unique across the book, every
reference resolves, sessions fall within their meeting and meetings within the book. Only the text
is random, and with `hostile=True` it is built to break whatever shows it: Rich and Textual markup,
ANSI and OSC escape sequences, C0/C1 controls and NUL, bidi overrides, zero-width and combining
characters, HTML, Markdown, CJK and right-to-left scripts, emoji and 500-character words.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from briefing.model import Briefing, OrganisationKind, PartOfDay
from tests.hostile import HOSTILE_CATEGORIES

SHORT_TEXT_MAX = 500
"""The model's limit for names, titles and labels (`ShortText`)."""

PROSE = (
    "Ministers discussed Russia's aggression against Ukraine.",
    "The Council agreed a third tranche of €500 million.",
    "Sophie Wilmès met Josep Borrell in Luxembourg.",
    "Allies and partners — thirty of them — reaffirmed their support.",
    "“We stand with Ukraine,” she said.",
    "Asia-Pacific partners joined the session on day two.",
    "Belgium",
    "NATO",
)
"""Ordinary text of the kind a real briefing holds."""

MARKUP = (
    "[/foo]",
    "[b]x[/b]",
    "[@click=app.quit]q[/]",
    "[link=javascript:alert(1)]x[/link]",
    "[bold red]x[/]",
    "[",
    "]",
    "\\[b]",
    "[/]",
    ":warning:",
)
"""Rich and Textual markup: would restyle, crash (`[/foo]`) or bind an action if parsed."""

ESCAPES = (
    "\x1b[2J",
    "\x1b]52;c;aGk=\x07",
    "\x1b]8;;http://x\x1b\\",
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\x1bP+q\x1b\\",
    "\x9b2J",
    "\x9d0;title\x9c",
)
"""ANSI CSI, OSC 52 (clipboard), OSC 8 (hyperlink), OSC 0 (title), DCS, and their 8-bit C1 forms."""

CONTROLS = ("\x00", "\x07", "\x08", "\r", "\x0b", "\x0c", "\x7f", "\x85", "\x90", "\x9f", "a\rb", "a\x00b")
"""C0 and C1 controls, NUL and DEL (newline and tab are ordinary layout and come with the prose)."""

INVISIBLE = ("\u202eevil\u202c", "\u2066isolated\u2069", "\u202a", "\u200b", "\ufeff", "zero\u200bwidth", "\u200d\u200c")
"""Bidi overrides, embeddings and isolates; zero-width spaces, joiners and the BOM."""

SCRIPTS = (
    "e\u0301\u0301\u0301",
    "Z\u0351\u0352\u0357\u0350a\u0310\u0313l\u0308g\u0301o",
    "👩‍👩‍👧‍👦 🇺🇦 🏳️‍🌈",
    "中华人民共和国外交部",
    "日本語のテキスト、全角ＡＢＣ",
    "مجلس الشؤون الخارجية",
    "שלום עולם",
    "Ελληνικά Кириллица ﬁ ß İ",
    "𝔴𝔞𝔯 𝟙𝟚𝟛",
)
"""Combining marks, emoji sequences, wide CJK, right-to-left scripts, ligatures, astral characters."""

HTML = (
    "<script>alert(1)</script>",
    "</style>",
    '"><img src=x onerror=alert(1)>',
    "<iframe src=x></iframe>",
    "<object data=x>",
    "&amp; &lt; &#x3c; &",
    "<!-- comment -->",
    "]]><![CDATA[",
    "'single' \"double\"",
)
"""HTML and XML that would become elements, attributes or entities if written unescaped."""

MARKDOWN = ("*", "_", "`", "|", "# heading", "- item", "1. item", "> quote", "**bold**", "~~strike~~", "---",
            "[x](javascript:alert(1))", "| a | b |", "\\")
"""Markdown that would format, link or build a table if written unescaped."""

LONG = ("x" * 500, "a-" * 250, "界" * 250)
"""Words too long for any line: the writers must fold them."""

HOSTILE_FRAGMENTS = (
    *MARKUP, *ESCAPES, *CONTROLS, *INVISIBLE, *SCRIPTS, *HTML, *MARKDOWN, *LONG, *HOSTILE_CATEGORIES.values()
)
"""Everything above, and every category of the one inventory (tests/hostile.py)."""

ANY_CHARACTER = st.characters(exclude_categories=("Cs",))
"""Any code point that UTF-8 and JSON can carry: lone surrogates cannot be written to a file."""

SEPARATORS = (" ", " ", "", "\n", "\t", "\n\n")


def _fragments(hostile: bool) -> st.SearchStrategy[str]:
    if not hostile:
        return st.sampled_from(PROSE)
    return st.one_of(
        st.sampled_from(PROSE),
        st.sampled_from(HOSTILE_FRAGMENTS),
        st.text(alphabet=ANY_CHARACTER, min_size=1, max_size=12),
    )


def texts(hostile: bool = True, max_length: int = 2_000) -> st.SearchStrategy[str]:
    """Non-empty text: a few fragments joined by spaces, nothing, or line breaks, cut to `max_length`."""
    return st.builds(
        lambda parts, separator: separator.join(parts)[:max_length],
        st.lists(_fragments(hostile), min_size=1, max_size=4),
        st.sampled_from(SEPARATORS),
    )


def short_texts(hostile: bool = True) -> st.SearchStrategy[str]:
    return texts(hostile, SHORT_TEXT_MAX)


class _Ids:
    """Hands out ids that are unique within one briefing, with a drawn prefix so they vary too."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.count = 0

    def __call__(self, kind: str) -> str:
        self.count += 1
        return f"{self.prefix}{kind}-{self.count}"


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return draw(st.none() | strategy)


FIGURE_VALUES = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, allow_infinity=False, places=3
) | st.integers(min_value=0, max_value=10**12).map(Decimal)
"""Figures as briefings hold them: money, counts and shares, up to a quadrillion."""


@st.composite
def briefing_dicts(draw: st.DrawFn, hostile: bool = True) -> dict[str, Any]:
    """The JSON-ready dictionary of a valid briefing (see `briefings`)."""
    text, short = texts(hostile), short_texts(hostile)
    new_id = _Ids(draw(st.sampled_from(["", "a", "0", "x-"])))
    size = st.integers(min_value=0, max_value=3)

    sources = [
        {
            "id": new_id("source"),
            "title": draw(short),
            "issuer": draw(short),
            "published": draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))).isoformat(),
            "language": draw(st.sampled_from(["en", "fr", "ar", "zh-Hans"]) | short),
            # Paths are validated (relative, inside the book's folder): hostile ones are tested in tests/loading.
            "path": draw(st.sampled_from(["sources/release.txt", "release.txt", "sources/Wilmès 2022.txt"])),
            "note": _maybe(draw, text),
        }
        for _ in range(draw(st.integers(1, 2)))
    ]
    organisations = [
        {
            "id": new_id("org"),
            "name": draw(short),
            "acronym": _maybe(draw, short),
            "kind": draw(st.sampled_from(list(OrganisationKind))).value,
        }
        for _ in range(draw(size))
    ]
    organisation_ids = [organisation["id"] for organisation in organisations]
    people = [
        {
            "id": new_id("person"),
            "name": draw(short),
            "role": _maybe(draw, short),
            "organisation": draw(st.sampled_from(organisation_ids)) if organisation_ids and draw(st.booleans()) else None,
            "country": _maybe(draw, short),
        }
        for _ in range(draw(st.integers(1, 3)))
    ]
    person_ids = [person["id"] for person in people]
    actors = st.lists(st.sampled_from(person_ids + organisation_ids), max_size=3, unique=True)

    def source_ref() -> dict[str, Any]:
        return {
            "document": draw(st.sampled_from([source["id"] for source in sources])),
            "paragraph": draw(st.integers(1, 40)),
        }

    topics = st.lists(short, max_size=2)
    book_start = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))
    book_end = book_start + dt.timedelta(days=draw(st.integers(0, 30)))
    days = (book_end - book_start).days

    def day_between(first: int, last: int) -> int:
        return draw(st.integers(first, last))

    def passages() -> list[dict[str, Any]]:
        return [
            {"id": new_id("passage"), "text": draw(text), "source": source_ref(), "heading": draw(st.booleans())}
            for _ in range(draw(size))
        ]

    def points() -> list[dict[str, Any]]:
        return [
            {"id": new_id("point"), "text": draw(text), "topics": draw(topics),
             "sources": [source_ref() for _ in range(draw(st.integers(1, 2)))]}
            for _ in range(draw(size))
        ]

    def session(first: int, last: int) -> dict[str, Any]:
        return {
            "id": new_id("session"),
            "title": draw(short),
            "date": (book_start + dt.timedelta(days=day_between(first, last))).isoformat(),
            "part_of_day": _maybe(draw, st.sampled_from(list(PartOfDay)).map(lambda part: part.value)),
            "format": _maybe(draw, short),
            "dating_note": _maybe(draw, text),
            "participants": draw(actors),
            "passages": passages(),
            "key_points": points(),
            "positions": points(),
            "figures": [
                {
                    "id": new_id("figure"),
                    "value": str(draw(FIGURE_VALUES)),
                    "unit": draw(short),
                    "counts": draw(text),
                    "as_written": draw(short),
                    "ordinal": draw(st.booleans()),
                    "source": source_ref(),
                }
                for _ in range(draw(size))
            ],
            "quotes": [
                {"id": new_id("quote"), "speaker": draw(st.sampled_from(person_ids)), "text": draw(text),
                 "topics": draw(topics), "source": source_ref()}
                for _ in range(draw(size))
            ],
        }

    def meeting() -> dict[str, Any]:
        first = day_between(0, days)
        last = day_between(first, days)
        return {
            "id": new_id("meeting"),
            "title": draw(short),
            "kind": draw(short),
            "organiser": draw(st.sampled_from(organisation_ids)) if organisation_ids and draw(st.booleans()) else None,
            "place": draw(short),
            "country": _maybe(draw, short),
            "start": (book_start + dt.timedelta(days=first)).isoformat(),
            "end": (book_start + dt.timedelta(days=last)).isoformat(),
            "summary": draw(text),
            "participants": draw(actors),
            "passages": passages(),
            "sessions": [session(first, last) for _ in range(draw(st.integers(1, 3)))],
        }

    return {
        "schema_version": 1,
        "id": new_id("book"),
        "title": draw(short),
        "issuer": draw(short),
        "principal": draw(st.sampled_from(person_ids)),
        # A marking must show something (the model refuses a blank one); the rest of it is drawn.
        "classification": ("UNCLASSIFIED " + draw(short))[:SHORT_TEXT_MAX],
        "language": draw(st.sampled_from(["en", "fr"]) | short),
        "start": book_start.isoformat(),
        "end": book_end.isoformat(),
        "dates_note": _maybe(draw, text),
        "sources": sources,
        "meetings": [meeting() for _ in range(draw(st.integers(1, 3)))],
        "people": people,
        "organisations": organisations,
    }


def briefings(hostile: bool = True) -> st.SearchStrategy[Briefing]:
    """Random valid briefings: 1–3 meetings of 1–3 sessions, 0–3 items of each kind, hostile text if asked."""
    return briefing_dicts(hostile).map(Briefing.model_validate)
