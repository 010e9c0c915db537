"""E-mail reader: plain and HTML bodies, Subject and Date, attachments ignored, bad messages."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from importers.errors import ReadError
from importers.readers import read_document
from importers.readers.eml import unflow


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_plain_part_is_preferred_and_attachment_ignored(fixtures: Path) -> None:
    document = read_document(fixtures / "readers" / "programme_both_parts.eml")
    assert document.format == "eml"
    assert document.title == "Invitation: Harbour Cities Forum – programme"
    # The day written in the header, not shifted to UTC (which would be the next day).
    assert document.reference_date == date(2031, 2, 14)
    assert document.text == (
        "Dear colleagues,\n\n"
        "the Harbour Cities Forum opens on 3 April in the Café Hall.\n"
        "Panel moderator: Jonas Vermeer\n\n"
        "Lena Fischbach\n"
        "Tel. +49 30 1234 5678"
    )
    assert "HTML VERSION" not in document.text
    assert "ATTACHMENT" not in document.text


def test_html_only_message_is_laid_out_by_the_html_reader(fixtures: Path) -> None:
    document = read_document(fixtures / "readers" / "invitation_html_only.eml")
    assert document.title == "Media invitation"
    assert document.reference_date == date(2031, 3, 3)
    assert document.text == (
        "Dear editors,\n\n"
        "you are invited to the Harbour Cities Forum in Münster.\n"
        "Accreditation: press office (press@northbridge.example)\n\n"
        "Opening: 09:00\n"
        "Closing: 17:30"
    )


def test_message_built_with_the_standard_library(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "Événements <events@forum.example>"
    message["To"] = "desk@daily.example"
    message["Subject"] = "Ports forum – accréditation"
    message["Date"] = "Tue, 01 Jul 2031 10:00:00 +0200"
    message.set_content("Bonjour,\r\nla conférence débute à 9 h.\r\n", charset="iso-8859-1")
    message.add_alternative("<p>HTML copy</p>", subtype="html")
    message.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf")
    document = read_document(write(tmp_path, "msg.eml", message.as_bytes()))
    assert document.title == "Ports forum – accréditation"
    assert document.reference_date == date(2031, 7, 1)
    assert document.text == "Bonjour,\nla conférence débute à 9 h."


def test_flowed_plain_text_is_unwrapped(tmp_path: Path) -> None:
    raw = (
        b"From: a@forum.example\r\nSubject: Flowed\r\n"
        b"Content-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n"
        b"The forum opens on a sunny \r\nmorning in the harbour.\r\n \r\n>quoted\r\n-- \r\nSig\r\n"
    )
    document = read_document(write(tmp_path, "flowed.eml", raw))
    assert document.text.split("\n") == [
        "The forum opens on a sunny morning in the harbour.",
        "",
        ">quoted",
        "--",
        "Sig",
    ]


def test_unflow_with_delsp_removes_the_soft_break_space() -> None:
    assert unflow("Inter \nnational\nnext", delsp=True) == "International\nnext"


def test_unparseable_date_and_missing_subject_give_none(tmp_path: Path) -> None:
    raw = b"From: a@forum.example\nDate: sometime next week\n\nBody line\n"
    document = read_document(write(tmp_path, "nodate.eml", raw))
    assert document.title is None
    assert document.reference_date is None
    assert document.text == "Body line"


def test_unknown_charset_falls_back_to_detection(tmp_path: Path) -> None:
    raw = (
        "From: a@forum.example\nSubject: x\nContent-Type: text/plain; charset=x-unknown-42\n\n"
        "Café du port, réunion"
    ).encode()
    assert read_document(write(tmp_path, "odd.eml", raw)).text == "Café du port, réunion"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"just some words\nwithout any headers\n", "not an e-mail message (no From, To,"),
        (b"\x00\x01\x02\x03" * 50, "binary data, not an e-mail message"),
        (
            b"From: a@forum.example\nSubject: Slides\nContent-Type: application/pdf\n\nJVBERi0=\n",
            "the message has no text body",
        ),
        (b"From: a@forum.example\nSubject: Empty\n\n   \n", "the message has no text body"),
        (b"%PDF-1.4\n", "a PDF file, not an e-mail message (wrong file extension?)"),
    ],
)
def test_bad_messages_give_one_line_read_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path, "bad.eml", data)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{path}: {reason}")
    assert "\n" not in str(caught.value)
