"""Helpers for the concurrency tests: a folder of documents that share people and
organisations, ``forumdesk import`` processes run side by side, and what a database holds."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parents[1]

# (name, title, organisation, e-mail, phone): each person appears in many documents.
PEOPLE = [
    (
        "Jane Roe",
        "Director",
        "Nordic Grid Institute",
        "jane.roe@nordicgrid.example",
        "+371 6700 1234",
    ),
    ("Tomás Økland", "Chief Engineer", "Harbour Power", "tomas@harbour.example", "+47 2200 1111"),
    (
        "Lena Varga",
        "Analyst",
        "Nordic Grid Institute",
        "lena.varga@nordicgrid.example",
        "+371 6700 9876",
    ),
    (
        "Marta Kowal",
        "Press Officer",
        "Amber Sea Council",
        "marta@ambersea.example",
        "+48 58 123 45 67",
    ),
    (
        "Piotr Zieliński",
        "President",
        "Amber Sea Council",
        "piotr@ambersea.example",
        "+48 58 123 40 00",
    ),
    (
        "Amara Okafor",
        "Programme Manager",
        "Lusaka Water Board",
        "amara@lusaka.example",
        "+234 1 234 5678",
    ),
]
TOPICS = ["Energy", "Water", "Climate", "Ocean", "Health", "Transport", "Digital", "Food"]
CITIES = ["Riga", "Gdańsk", "Tallinn", "Oslo", "Accra", "Vienna"]
TABLES = ("document", "event", "panel", "person", "organisation", "contact_point", "participation")


def write_documents(folder: Path, numbers: range) -> None:
    """Press releases ``doc<N>.txt``: a forum, its moderator and a press contact, drawn from
    :data:`PEOPLE` so that the documents share people and organisations."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        host = PEOPLE[n % len(PEOPLE)]
        contact = PEOPLE[(n * 5 + 1) % len(PEOPLE)]
        topic, city, year = TOPICS[n % len(TOPICS)], CITIES[n % len(CITIES)], 2030 + n // 8
        body = (
            f"Press release\n\nThe {city} {topic} Forum {year} will take place on "
            f"{1 + n % 27} March {year} in {city}. It will be moderated by {host[0]}, "
            f"{host[1]} of the {host[2]}.\n\n"
            f"Contact:\n{contact[0]}\n{contact[1]}, {contact[2]}\nTel: {contact[4]}\n"
            f"E-mail: {contact[3]}\n"
        )
        (folder / f"doc{n:03d}.txt").write_text(body, encoding="utf-8")


def import_side_by_side(
    url: str, batches: Sequence[Sequence[Path]]
) -> list[subprocess.CompletedProcess[str]]:
    """Run one ``forumdesk import`` process per batch of folders, all at once, and wait."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop_app.cli", "--db", url, "import", *map(str, batch)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=env,
        )
        for batch in batches
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=600)  # a guard against a hang
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def counts(url: str) -> dict[str, int]:
    """Rows per table, and how many people and organisations share a name (duplicates)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            found = {
                table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in TABLES
            }
            for table, column in (("person", "full_name"), ("organisation", "name")):
                found[f"{table} names"] = connection.execute(
                    text(f"SELECT count(DISTINCT {column}) FROM {table}")
                ).scalar_one()
        return found
    finally:
        engine.dispose()
