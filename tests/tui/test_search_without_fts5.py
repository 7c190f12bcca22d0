"""The app searches even when this Python's SQLite has no FTS5 (simulated): a plain scan answers."""

from __future__ import annotations

import pytest

import briefing.search.index as index_module
from briefing.search.scan import ScanIndex
from briefing.tui.app import BriefingApp
from briefing.tui.widgets.search_panel import SearchPanel
from tests.waiting import wait_until


async def test_the_app_searches_by_plain_scan_without_fts5(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "FTS_MODULE", "fts5_is_not_here")
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"sanctio")
        await sample_app.workers.wait_for_complete()
        panel = sample_app.screen.query_one(SearchPanel)
        await wait_until(pilot, lambda: bool(panel.hits), "the scan's answer on the screen")
        assert isinstance(sample_app.screen.search.index, ScanIndex), "the index worker fell back to a scan"
        assert panel.hits, "the scan found the prefix as the index would"
        assert sample_app.is_running
