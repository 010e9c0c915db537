"""Command-line start-up yardstick: ``forumdesk --version`` and ``forumdesk --help``, each run
in a fresh process, as a user types them (target, issue 14: well under 0.2 s).

    .venv/bin/python bench/cli_bench.py [--runs 20]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def forumdesk_command() -> list[str]:
    """The installed ``forumdesk`` script next to this interpreter, else the module."""
    script = Path(sys.executable).with_name("forumdesk")
    if script.exists():
        return [str(script)]
    found = shutil.which("forumdesk")
    return [found] if found else [sys.executable, "-m", "desktop_app.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    command = forumdesk_command()
    baseline = [sys.executable, "-c", "pass"]
    for label, argv in (
        ("python -c pass (the interpreter alone)", baseline),
        ("forumdesk --version", [*command, "--version"]),
        ("forumdesk --help", [*command, "--help"]),
    ):
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            times.append((time.perf_counter() - t0) * 1000)
        print(
            f"{label}: median {statistics.median(times):.0f} ms, "
            f"min {min(times):.0f} ms, max {max(times):.0f} ms ({args.runs} runs)"
        )


if __name__ == "__main__":
    main()
