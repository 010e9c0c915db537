"""The item models over real SQLite files, without a window."""

from __future__ import annotations

import datetime as dt

from app_data import add_extraction, simple_event_extraction
from PySide6.QtCore import QModelIndex, Qt

from db import edits, queries
from db.store import ImportResult
from desktop_app.item_models.documents import DocumentsModel, FailedImportsModel
from desktop_app.item_models.events import PAGE_SIZE, EventsModel
from desktop_app.item_models.month import DaySession, MonthModel, grid_start
from desktop_app.item_models.people import PeopleModel
from desktop_app.item_models.review import ReviewModel
from desktop_app.item_models.roles import (
    DateRole,
    EventsRole,
    HeaderRole,
    InMonthRole,
    ObjectRole,
)
from importers.records import PartialDate

JUNE_15 = dt.date(1988, 6, 15)


def test_month_grid_starts_on_the_monday_before_the_first() -> None:
    assert grid_start(1988, 6) == dt.date(1988, 5, 30)
    assert grid_start(1988, 8) == dt.date(1988, 8, 1)  # 1 August 1988 is a Monday


def test_two_day_event_is_in_both_day_cells_on_one_lane(qtbot, forum_db) -> None:
    model = MonthModel(forum_db)
    model.set_month(1988, 6)
    assert (model.rowCount(), model.columnCount()) == (6, 7)
    first = model.index_of(JUNE_15).data(EventsRole)
    second = model.index_of(JUNE_15 + dt.timedelta(days=1)).data(EventsRole)
    assert [i.event.title for i in first] == ["Northwind Water Forum"]
    assert [i.event.title for i in second] == ["Northwind Water Forum"]
    assert first[0].lane == second[0].lane
    assert (first[0].continues_before, first[0].continues_after) == (False, True)
    assert (second[0].continues_before, second[0].continues_after) == (True, False)
    assert model.index_of(dt.date(1988, 6, 17)).data(EventsRole) == []
    assert model.index_of(JUNE_15).data(DateRole) == JUNE_15
    assert model.index_of(dt.date(1988, 5, 30)).data(InMonthRole) is False


def test_sessions_are_listed_on_their_own_day(qtbot, forum_db) -> None:
    model = MonthModel(forum_db)
    model.set_month(1988, 6)
    [first] = model.index_of(JUNE_15).data(EventsRole)
    [second] = model.index_of(JUNE_15 + dt.timedelta(days=1)).data(EventsRole)
    assert [s.label for s in first.sessions] == ["10:00 High-level panel: River basins"]
    assert second.sessions == ()
    tooltip = model.index_of(JUNE_15).data(Qt.ItemDataRole.ToolTipRole)
    assert "10:00–11:30 High-level panel: River basins" in tooltip
    assert "River basins" not in model.index_of(JUNE_15 + dt.timedelta(days=1)).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_rejected_sessions_are_left_out_of_the_month(qtbot, forum_db) -> None:
    model = MonthModel(forum_db)
    model.set_month(1988, 6)
    [item] = model.index_of(JUNE_15).data(EventsRole)
    with forum_db.begin() as s:
        panel_id = queries.event_detail(s, item.event.id).panels[0].id
        edits.set_status(s, "panel", panel_id, "rejected")
    model.reload()
    assert model.index_of(JUNE_15).data(EventsRole)[0].sessions == ()


def test_session_label_says_what_the_source_gave() -> None:
    assert DaySession("workshop", None).label == "Workshop"
    assert DaySession(None, "Opening", dt.time(9, 30)).label == "09:30 Opening"
    assert DaySession(None, None).label == "Session"


def test_overlapping_events_get_separate_lanes(qtbot, sessions) -> None:
    add_extraction(
        sessions,
        simple_event_extraction("Long Summit", PartialDate(1988, 6, 13), PartialDate(1988, 6, 17)),
    )
    add_extraction(sessions, simple_event_extraction("Short Talk", PartialDate(1988, 6, 15)))
    model = MonthModel(sessions)
    model.set_month(1988, 6)
    items = model.index_of(JUNE_15).data(EventsRole)
    assert sorted(i.event.title for i in items) == ["Long Summit", "Short Talk"]
    assert len({i.lane for i in items}) == 2


def test_a_lane_freed_in_a_week_is_taken_by_the_next_event(qtbot, sessions) -> None:
    for title, start, end in (
        ("Delta Summit", PartialDate(1988, 6, 13), PartialDate(1988, 6, 14)),
        ("Estuary Talk", PartialDate(1988, 6, 13), PartialDate(1988, 6, 17)),
        ("Fjord Meeting", PartialDate(1988, 6, 15), None),
    ):
        add_extraction(sessions, simple_event_extraction(title, start, end))
    model = MonthModel(sessions)
    model.set_month(1988, 6)
    lanes = {i.event.title: i.lane for i in model.index_of(JUNE_15).data(EventsRole)}
    assert lanes == {"Estuary Talk": 0, "Fjord Meeting": 1}
    assert [i.lane for i in model.index_of(dt.date(1988, 6, 13)).data(EventsRole)] == [0, 1]
    [talk] = model.index_of(dt.date(1988, 6, 17)).data(EventsRole)
    assert (talk.continues_before, talk.continues_after) == (True, False)


def test_week_model_shows_seven_days_from_monday(qtbot, forum_db) -> None:
    model = MonthModel(forum_db, weeks=1)
    model.set_week(JUNE_15)
    assert model.first_day == dt.date(1988, 6, 13)
    assert model.last_day == dt.date(1988, 6, 19)
    assert model.rowCount() == 1
    assert [e.title for e in model.index(0, 2).data(ObjectRole)] == ["Northwind Water Forum"]


def test_month_without_events_has_empty_cells(qtbot, forum_db) -> None:
    model = MonthModel(forum_db)
    model.set_month(1989, 1)
    assert all(not model.index(r, c).data(EventsRole) for r in range(6) for c in range(7))


def test_events_model_loads_pages_on_demand(qtbot, sessions) -> None:
    total = PAGE_SIZE + 30
    for i in range(total):
        day = dt.date(1990, 1, 1) + dt.timedelta(days=i)
        add_extraction(
            sessions, simple_event_extraction(f"Meeting {i:03d}", PartialDate.from_date(day))
        )
    model = EventsModel(sessions)
    model.set_query("")
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert not model.canFetchMore(QModelIndex())
    model.set_query("Meeting 007")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Meeting 007"]


def test_events_model_shows_approximate_dates_as_such(qtbot, sessions) -> None:
    add_extraction(sessions, simple_event_extraction("Autumn Round", PartialDate(1988, 10)))
    model = EventsModel(sessions)
    model.set_query("")
    assert model.index(0, EventsModel.COL_WHEN).data() == "October 1988 — date approximate"


def test_people_model_groups_by_organisation_and_search_narrows(qtbot, forum_db) -> None:
    model = PeopleModel(forum_db)
    model.set_search("")
    rows = [
        (model.index(r, 0).data(), model.index(r, 0).data(HeaderRole))
        for r in range(model.rowCount())
    ]
    assert ("Blue Basin Institute", True) in rows
    assert ("Ada Quill", False) in rows and ("Bruno Tallow", False) in rows
    header_row = rows.index(("Blue Basin Institute", True))
    assert rows[header_row + 1] == ("Ada Quill", False)
    assert not model.flags(model.index(header_row, 0)) & Qt.ItemFlag.ItemIsSelectable

    model.set_search("hydrology")
    assert [p.full_name for p in model.people()] == ["Ada Quill"]
    row = model.row_of(model.people()[0].id)
    assert model.index(row, PeopleModel.COL_PHONE).data() == "+32 2 555 01 23"
    assert model.index(row, PeopleModel.COL_EMAIL).data() == "ada.quill@bluebasin.example"


def test_review_model_lists_suggestions_with_their_sentence(qtbot, forum_db) -> None:
    model = ReviewModel(forum_db)
    model.reload()
    kinds = sorted(model.index(r, ReviewModel.COL_KIND).data() for r in range(model.rowCount()))
    assert kinds == ["Event", "Panel", "Person", "Person"]
    event_row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Event")
    before, found, after = model.source_of(event_row)
    assert found == "Northwind Water Forum"
    assert "opens on 15 June 1988" in after
    assert model.index(event_row, ReviewModel.COL_DOCUMENT).data() == "Water forum notice"


def test_review_model_drops_accepted_items_on_reload(qtbot, forum_db) -> None:
    model = ReviewModel(forum_db)
    model.reload()
    event = next(
        model.item_at(r) for r in range(model.rowCount()) if model.index(r, 0).data() == "Event"
    )
    with forum_db.begin() as s:
        edits.set_status(s, "event", event.id, "accepted")
    model.reload()
    assert "Event" not in [model.index(r, 0).data() for r in range(model.rowCount())]


def test_documents_model_lists_imported_documents(qtbot, forum_db) -> None:
    model = DocumentsModel(forum_db)
    model.reload()
    assert model.rowCount() == 1
    assert model.index(0, DocumentsModel.COL_TITLE).data() == "Water forum notice"


def test_clipped_cells_show_their_whole_text_as_tooltip(qtbot, forum_db) -> None:
    tip = Qt.ItemDataRole.ToolTipRole
    documents = DocumentsModel(forum_db)
    documents.reload()
    title_tip = documents.index(0, DocumentsModel.COL_TITLE).data(tip)
    assert title_tip.splitlines() == ["Water forum notice", "water-forum.txt"]
    events = EventsModel(forum_db)
    events.set_query("")
    assert events.index(0, EventsModel.COL_TITLE).data(tip).splitlines() == [
        "Northwind Water Forum",
        "15–16 June 1988 · Lakeside Hall",
    ]
    people = PeopleModel(forum_db)
    people.set_search("hydrology")
    row = people.row_of(people.people()[0].id)
    assert people.index(row, PeopleModel.COL_TITLE).data(tip) == "Director of Hydrology"
    assert people.index(row, PeopleModel.COL_PHONE).data(tip) == "+32 2 555 01 23"


def test_failed_imports_model_keeps_latest_reason_per_file(qtbot) -> None:
    model = FailedImportsModel()
    model.add([ImportResult("a/bad.txt", "failed", reason="the file is empty")])
    model.add([ImportResult("a/bad.txt", "failed", reason="binary file")])
    assert model.rowCount() == 1
    assert model.index(0, FailedImportsModel.COL_REASON).data() == "binary file"
    model.forget(["a/bad.txt"])
    assert model.rowCount() == 0
