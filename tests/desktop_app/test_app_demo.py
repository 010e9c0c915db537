"""The demo data set: what ``forumdesk --demo`` imports from the bundled samples."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from db import queries
from desktop_app.app import import_samples
from resources import sample_documents


def test_demo_leaves_only_the_last_text_sample_to_review(
    sessions: sessionmaker[Session],
) -> None:
    summary = import_samples(sessions)
    assert len(summary.new) == len(sample_documents()) and not summary.failed
    last = [d.name for d in sample_documents() if d.name.endswith(".txt")][-1]
    with sessions.begin() as s:
        waiting = queries.review_items(s)
        documents = {Path(m.document.path).name for item in waiting for m in item.mentions}
        accepted = queries.search_events(s, statuses=["accepted"])
    assert waiting and documents == {last}
    assert accepted
