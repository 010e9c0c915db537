"""Merging in the window is undoable: undo puts back both items with their contacts, mentions,
participations, panels and UIDs as they were; redo merges again."""

from __future__ import annotations

from app_data import add_extraction, simple_event_extraction
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import ContactPoint, Event, Mention, Panel, Participation, Person, SourceUid
from desktop_app.main_window import MainWindow
from importers.records import (
    DocumentText,
    EventRecord,
    Extraction,
    PanelRecord,
    PartialDate,
    Participant,
    PersonRecord,
)


def _links(s: Session, column_name: str, item_id: int) -> dict[str, list[tuple]]:
    """Everything that names the item, without the rows' own ids."""
    out = {}
    for model in (ContactPoint, Mention, Participation, SourceUid):
        if not hasattr(model, column_name):
            continue
        table = model.__table__
        rows = s.execute(select(table).where(table.c[column_name] == item_id))
        out[table.name] = sorted(
            tuple(v for k, v in row._mapping.items() if k != "id") for row in rows
        )
    return out


def _state(sessions: sessionmaker[Session], model: type[Event | Person]) -> dict[str, tuple]:
    """Each item of ``model`` by uuid: its fields (the revision aside) and its links."""
    column_name = f"{model.__tablename__}_id"
    with sessions() as s:
        state = {}
        for item in s.scalars(select(model)):
            table = model.__table__
            row = s.execute(select(table).where(table.c.id == item.id)).one()._mapping
            fields = {k: v for k, v in row.items() if k not in ("revision", "updated_at")}
            panels = sorted(s.scalars(select(Panel.uuid).where(Panel.event_id == item.id)))
            state[item.uuid] = (fields, _links(s, column_name, item.id), panels)
        return state


def _id(sessions: sessionmaker[Session], model: type[Event | Person], **where: str) -> int:
    with sessions() as s:
        return s.scalar(select(model.id).filter_by(**where))


def test_undo_of_a_merge_of_people_puts_both_back(qtbot, window: MainWindow) -> None:
    text = "Ada Quillon speaks at the Delta Round Table on 3 May 1989."
    card = PersonRecord(
        name="Ada Quillon",
        title="Hydrologist",
        phones=("+3225550123",),  # also Ada Quill's: one contact after the merge
        emails=("ada@quillon.example",),
        notes="Met at the delta",
        uid="card-ada-7",
        spans=((0, 11),),
    )
    event = EventRecord(
        "Delta Round Table",
        "round table",
        PartialDate(1989, 5, 3),
        people=(Participant("Ada Quillon", "speaker", ((0, 11),)),),
        spans=((24, 41),),
    )
    document = DocumentText(path="delta.txt", format="txt", text=text)
    add_extraction(window.sessions, Extraction(document=document, events=(event,), people=(card,)))
    sessions = window.sessions
    ada = _id(sessions, Person, full_name="Ada Quill")
    other = _id(sessions, Person, full_name="Ada Quillon")
    before = _state(sessions, Person)
    assert len(before) == 3

    window.show_person(ada)
    detail = window.address_book.detail
    detail.merge_with(other)
    with sessions() as s:
        assert s.get(Person, other) is None
        kept = s.get(Person, ada)
        assert sorted(c.value for c in kept.contacts) == [
            "+3225550123",
            "ada.quill@bluebasin.example",
            "ada@quillon.example",
        ]
        assert s.scalar(select(SourceUid.person_id).where(SourceUid.uid == "card-ada-7")) == ada
    assert window.undo_tool.toolTip() == "Undo Merge into “Ada Quill”"

    window.undo_action.trigger()
    assert _state(sessions, Person) == before
    assert detail.item_id == ada and detail.title_edit.text() == "Director of Hydrology"

    window.redo_action.trigger()
    with sessions() as s:
        assert s.get(Person, other) is None
        assert len(s.get(Person, ada).participations) == 2
    window.undo_action.trigger()
    assert _state(sessions, Person) == before


def test_undo_of_a_merge_of_events_moves_the_panels_back_and_keeps_what_came_since(
    qtbot, window: MainWindow
) -> None:
    text = "Water Forum North, 15 June 1988: a session on wetlands."
    other_record = EventRecord(
        "Water Forum North",
        "forum",
        PartialDate(1988, 6, 15),
        panels=(PanelRecord("Wetlands", "session", PartialDate(1988, 6, 15), spans=((38, 46),)),),
        spans=((0, 17),),
        uid="north-1988@calendar.example.org",
    )
    document = DocumentText(path="north.ics", format="ics", text=text)
    add_extraction(window.sessions, Extraction(document=document, events=(other_record,)))
    sessions = window.sessions
    forum = _id(sessions, Event, title="Northwind Water Forum")
    other = _id(sessions, Event, title="Water Forum North")
    before = _state(sessions, Event)

    window.show_event(forum)
    window.events.detail.merge_with(other)
    with sessions() as s:
        assert s.get(Event, other) is None
        assert len(s.get(Event, forum).panels) == 2
    # A document read after the merge names the kept event: that stays when the merge is undone.
    add_extraction(
        sessions, simple_event_extraction("Northwind Water Forum", PartialDate(1988, 6, 15))
    )

    window.undo_action.trigger()
    after = _state(sessions, Event)
    assert after.keys() == before.keys()
    for uuid, (fields, links, panels) in before.items():
        if fields["id"] == forum:
            assert after[uuid][0] == fields and after[uuid][2] == panels
            assert len(after[uuid][1]["mention"]) == len(links["mention"]) + 1
        else:
            assert after[uuid] == (fields, links, panels)
    with sessions() as s:
        assert s.scalar(select(SourceUid.event_id).where(SourceUid.uid.like("north-1988%"))) == (
            other
        )
