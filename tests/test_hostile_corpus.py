"""The hostile corpus of bench/hostile_import_bench.py (its smaller giants), imported in one
run under a 1 GiB memory limit and a time limit, then side by side: every check it makes must
pass (no traceback, no hang, every bad file named, every good file and card imported, the same
database from three concurrent imports as from one, unusable databases left untouched)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_hostile_corpus_is_imported_whole_and_every_check_passes(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "hostile_import_bench.py"),
            "--small",
            "--folder",
            str(tmp_path / "corpus"),
            "--time-limit",
            "300",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=1200,  # a guard against a hang, not a measure of speed
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("all checks passed")
    assert " FAIL " not in result.stdout
