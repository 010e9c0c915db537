"""Plain-text reader: encodings, line endings, front matter, and refusals of bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.errors import ReadError
from importers.readers import read_document
from importers.readers.text import parse_front_matter

SAMPLE = "Le café “Réunion” – à 10 h, naïve’s agenda"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32", "cp1252"],
)
def test_text_in_common_encodings_reads_back(tmp_path: Path, encoding: str) -> None:
    if encoding == "utf-16-le-bom":
        data = "\ufeff".encode("utf-16-le") + SAMPLE.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = "\ufeff".encode("utf-16-be") + SAMPLE.encode("utf-16-be")
    else:
        data = SAMPLE.encode(encoding)
    document = read_document(write(tmp_path, "note.txt", data))
    assert document.text == SAMPLE
    assert document.format == "txt"


def test_latin1_text_reads_back(tmp_path: Path) -> None:
    text = "Grüße aus Köln: Straße, Café, Señor Núñez"
    assert read_document(write(tmp_path, "note.txt", text.encode("latin-1"))).text == text


def test_cyrillic_code_page_is_detected_rather_than_read_as_western(tmp_path: Path) -> None:
    text = "Конференция по вопросам миграции пройдёт в столице двенадцатого марта."
    assert read_document(write(tmp_path, "note.txt", text.encode("cp1251"))).text == text


def test_utf16_without_bom_is_recognised_from_its_nul_bytes(tmp_path: Path) -> None:
    text = "Agenda for the morning session\n"
    assert read_document(write(tmp_path, "note.txt", text.encode("utf-16-le"))).text == text


def test_utf8_with_a_stray_byte_keeps_the_rest_as_utf8(tmp_path: Path) -> None:
    good = "Café “Forum” – Zürich. " * 4
    document = read_document(write(tmp_path, "note.txt", good.encode() + b"\xff!"))
    assert document.text == good + "\ufffd!"


def test_line_endings_become_newlines_and_text_is_kept(tmp_path: Path) -> None:
    data = b"first line\r\nsecond   line\rthird\n\n\nfourth"
    document = read_document(write(tmp_path, "note.txt", data))
    assert document.text == "first line\nsecond   line\nthird\n\n\nfourth"


def test_bom_is_stripped_and_no_nul_survives(tmp_path: Path) -> None:
    data = "\ufeffTitle line\x00 continues".encode("utf-16") + "x".encode("utf-16-le") * 200
    text = read_document(write(tmp_path, "note.txt", data)).text
    assert not text.startswith("\ufeff")
    assert "\x00" not in text
    assert text.startswith("Title line continues")


def test_front_matter_gives_title_and_date_and_text_stays_whole(tmp_path: Path) -> None:
    body = (
        "---\n"
        "slug: spring-forum\n"
        'title: "Spring forum: cities \\"and\\" ports"\n'
        "date: 2031-04-03\n"
        "tags:\n"
        "  - cities\n"
        "---\n"
        "Spring forum\n============\n\nThe forum opens on Thursday.\n"
    )
    document = read_document(write(tmp_path, "story.txt", body.encode()))
    assert document.title == 'Spring forum: cities "and" ports'
    assert document.reference_date == date(2031, 4, 3)
    assert document.text == body


def test_front_matter_with_single_quotes_and_datetime(tmp_path: Path) -> None:
    body = "---\ntitle: 'Harbour''s forum' # a comment\ndate: 2031-04-03T10:00:00+02:00\n---\nx\n"
    document = read_document(write(tmp_path, "story.md", body.encode()))
    assert document.title == "Harbour's forum"
    assert document.reference_date == date(2031, 4, 3)


def test_unclosed_front_matter_is_just_text(tmp_path: Path) -> None:
    body = "---\ntitle: Not a header\nThe rest of the note.\n"
    document = read_document(write(tmp_path, "note.txt", body.encode()))
    assert document.title is None
    assert document.reference_date is None
    assert parse_front_matter(body) == {}


def test_markdown_title_comes_from_its_first_heading(tmp_path: Path) -> None:
    body = "Some intro\n\n# Ports and cities forum #\n\n## Programme\n"
    assert (
        read_document(write(tmp_path, "note.md", body.encode())).title == "Ports and cities forum"
    )


def test_plain_txt_has_no_title_from_a_hash_line(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "note.txt", b"# not a heading here\n")).title is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b" \r\n\t\n  ", "the file holds only whitespace"),
        (bytes(range(256)) * 8, "binary data, not text"),
        (b"hello\x00\x01\x02\x03world\x00", "binary data, not text"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00", "binary data"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file, not text (wrong file extension?)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive, not text"),
        (b"\xff\xfe\x00\xd8a\x00", "invalid bytes for UTF-16-LE"),
    ],
)
def test_bad_text_files_give_one_line_read_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {reason}")
    assert "\n" not in message


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".eml"]))
def test_arbitrary_bytes_give_text_or_read_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"sample{suffix}"
    path.write_bytes(data)
    try:
        document = read_document(path)
    except ReadError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(document.text, str)
    assert document.text.strip()
    assert "\x00" not in document.text
    assert not document.text.startswith("\ufeff")


printable = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")).filter(lambda c: c != "\ufeff"),
    min_size=1,
    max_size=300,
).filter(lambda text: text.strip())


@settings(max_examples=100, deadline=None)
@given(text=printable, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_unicode_text_round_trips_through_unicode_encodings(
    tmp_path_factory: pytest.TempPathFactory, text: str, encoding: str
) -> None:
    path = tmp_path_factory.mktemp("roundtrip") / "note.txt"
    path.write_bytes(text.encode(encoding))
    assert read_document(path).text == text
