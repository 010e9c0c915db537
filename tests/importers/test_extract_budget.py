"""The time budget of one document's analysis, and texts that once took minutes: one long
line of capitalised words, names and dates is analysed in one pass, not once per name."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import open_database
from db.store import import_documents
from importers.errors import DocumentTooComplex
from importers.extract import budget, extract
from importers.records import DocumentText

LONG_LINE = (
    "The Delegates Of The Harbour Forum Met In Eastport On 3 May 2031 With Dr Ada Quill, "
    "Director Of The Coastal Grid Institute, "
)


def test_a_spent_budget_names_the_document_and_the_limit() -> None:
    document = DocumentText(path="notes.txt", format="txt", text=LONG_LINE * 20)
    with pytest.raises(DocumentTooComplex) as raised:
        extract(document, seconds=0.0)
    assert str(raised.value) == "notes.txt: too complex to analyse within 0 s"


def test_the_budget_ends_with_the_document() -> None:
    document = DocumentText(path="a.txt", format="txt", text=LONG_LINE * 5)
    with pytest.raises(DocumentTooComplex):
        extract(document, seconds=0.0)
    # the next document has its own budget: no deadline is left behind
    assert [p.name for p in extract(document).people] == ["Ada Quill"]


def test_a_too_complex_document_fails_alone_in_an_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a_forum.txt").write_text("The Lakeside Forum takes place on 3 May 2031.\n")
    (folder / "b_long.txt").write_text(LONG_LINE * 2000)
    sessions = open_database(f"sqlite:///{tmp_path / 'forum.sqlite'}")
    # a budget no analysis of the long line can meet, and the short one can
    monkeypatch.setattr(budget, "SECONDS", 0.05)
    summary = import_documents(sessions, [folder])
    (failed,) = summary.failed
    assert failed.path.endswith("b_long.txt")
    assert failed.reason == "too complex to analyse within 0.05 s"
    assert [Path(r.path).name for r in summary.new] == ["a_forum.txt"]


def test_a_line_of_many_people_gives_each_their_title() -> None:
    givens = ["Ada", "Ben", "Cora", "Dev", "Eli", "Fay", "Gus", "Hana"]
    surnames = ["Quill", "Rook", "Stave", "Thorne", "Umber", "Vail", "Wren", "Yarrow"]
    names = [f"{g} {s}" for g in givens for s in surnames]
    line = "; ".join(f"Dr {name}, Director of the {name.split()[1]} Trust" for name in names)
    result = extract(DocumentText(path="x.txt", format="txt", text=f"Speakers: {line}\n"))
    people = {p.name: (p.title, p.organisation) for p in result.people}
    assert len(people) == 64
    assert people["Hana Yarrow"] == ("Director", "Yarrow Trust")
    assert people["Ada Quill"] == ("Director", "Quill Trust")
