"""Starting and stopping a throwaway PostgreSQL server with ``initdb`` and ``pg_ctl``.

PostgreSQL refuses to run as root: then the server runs as an unprivileged user (the
``postgres`` account if there is one, else one created with ``useradd``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

try:
    import pwd
except ImportError:  # not a POSIX system: no root to avoid
    pwd = None

SUPERUSER = "forumdesk"
SERVER_ACCOUNTS = ("postgres", "forumdesk-pg")
START_TIMEOUT = 30  # seconds pg_ctl waits for the server to accept connections
LINGUISTIC_COLLATION = ("--locale-provider=icu", "--icu-locale=en-US")


@dataclass(frozen=True)
class PostgresServer:
    """A running server: where it listens and how to make databases on it."""

    host: str
    port: int

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` on this server (trust authentication)."""
        return f"postgresql+psycopg://{SUPERUSER}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create ``name`` (a copy of ``template`` if given) and return its URL."""
        import psycopg

        dsn = f"host={self.host} port={self.port} user={SUPERUSER} dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as connection:
            statement = f'CREATE DATABASE "{name}"'
            if template:
                statement += f' TEMPLATE "{template}"'
            connection.execute(statement)
        return self.url(name)


def _major_version(initdb: str) -> int:
    """15 for ``/usr/lib/postgresql/15/bin/initdb``."""
    name = Path(initdb).parent.parent.name
    return int(name) if name.isdigit() else 0


def binary_folder() -> Path | None:
    """Where ``initdb`` and ``pg_ctl`` are: on PATH, else the newest Debian install."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major_version)
    for initdb in reversed(candidates):
        folder = Path(initdb).parent
        if (folder / "pg_ctl").exists():
            return folder
    return None


def _server_account() -> pwd.struct_passwd | None:
    """The unprivileged account to run the server as when running as root; None if not root.

    Skips the tests when there is no such account and none can be made.
    """
    if pwd is None or os.geteuid() != 0:
        return None
    for name in SERVER_ACCOUNTS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    name = SERVER_ACCOUNTS[-1]
    useradd = shutil.which("useradd")
    if useradd is None:
        pytest.skip("running as root, PostgreSQL refuses root and there is no useradd")
    done = subprocess.run(
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"running as root and cannot create a user for PostgreSQL: {done.stderr}")
    return pwd.getpwnam(name)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(command: list[str], account: pwd.struct_passwd | None, *, check: bool = True) -> None:
    """Run a PostgreSQL program, as ``account`` if given; fail with its output if ``check``."""
    as_user = {}
    if account is not None:
        as_user = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd="/", **as_user)
    if check and done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed:\n{done.stdout}\n{done.stderr}")


@contextmanager
def running_server() -> Iterator[PostgresServer]:
    """``initdb`` a data folder in a new temporary folder, start the server on 127.0.0.1 on a
    free port (its unix socket in the same folder), and stop it and remove the folder after.

    Skips the calling test when there are no PostgreSQL binaries or no way to run them.
    """
    binaries = binary_folder()
    if binaries is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql")
    account = _server_account()
    # Not under pytest's temporary folder: that one is private to the current user, and a unix
    # socket path must stay short.
    folder = Path(tempfile.mkdtemp(prefix="forumdesk-pg-"))
    data = folder / "data"
    pg_ctl = str(binaries / "pg_ctl")
    started = False
    try:
        if account is not None:
            os.chown(folder, account.pw_uid, account.pw_gid)
        initdb = [str(binaries / "initdb"), "--pgdata", str(data), "--username", SUPERUSER]
        initdb += ["--auth", "trust", "--encoding", "UTF8", "--no-locale", "--no-sync"]
        try:
            # Most servers sort text by a language's rules, not by code point as SQLite does;
            # the tests run on such a server so that ordering by a stored key is tested too.
            _run([*initdb, *LINGUISTIC_COLLATION], account)
        except RuntimeError:  # a server older than 15 or built without ICU
            shutil.rmtree(data, ignore_errors=True)
            _run(initdb, account)
        port = _free_port()
        # Durability is pointless for a throwaway server; without it the tests run faster.
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = folder / "server.log"
        start = [pg_ctl, "start", "--wait", f"--timeout={START_TIMEOUT}", "-D", str(data)]
        started = True
        try:
            _run([*start, "-l", str(log), "-o", options], account)
        except RuntimeError as exc:
            server_log = log.read_text(errors="replace") if log.exists() else ""
            raise RuntimeError(f"{exc}\nserver log:\n{server_log}") from None
        yield PostgresServer("127.0.0.1", port)
    finally:
        if started:
            _run([pg_ctl, "stop", "--wait", "-m", "fast", "-D", str(data)], account, check=False)
        shutil.rmtree(folder, ignore_errors=True)
