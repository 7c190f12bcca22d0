"""Whatever the release says, the draft validates and is verbatim: random releases full of marks and traps."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.importer import draft_from_file, write_draft
from briefing.loading import load_briefing

PIECES = [
    "Anna Berg", "said", "said:", "She continued:", "the Minister", "“", "”", "‘", "’", '"', "«\u00a0", "\u00a0»",
    "„", "Monday 11 April", "6-7 April", "In March 2022", "€500 million", "some 15,000 troops", "third tranche",
    "Brussels", "Ukraine", "NATO", "the Minister of Foreign Affairs, Jan Novák,", "Mr Karim Khan", "In the afternoon,",
    "The previous day,", "working dinner", ".", ",", ":", "we", "the", "and", "Council", "meeting", "\n", "\n\n",
    "\n\n“", "Court’s", "\x1b[2J", "[/b]", "\u202e", "é", "31 April", "1 January 2099",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60), st.sampled_from([".txt", ".md"]))
def test_any_release_gives_a_valid_verbatim_draft(pieces: list[str], suffix: str) -> None:
    text = " ".join(pieces)
    if not text.strip(" \n\u00a0"):
        return
    with tempfile.TemporaryDirectory() as folder:
        release = Path(folder) / f"release{suffix}"
        release.write_text(text, encoding="utf-8")
        try:
            draft = draft_from_file(release)
        except Exception as error:  # only "no text to import" is an acceptable refusal
            assert "holds no text" in str(error), error
            return
        # Validated in memory by draft_from_file; and once more as a user's `validate` would, from disk.
        load_briefing(write_draft(draft, Path(folder) / "book"))
