"""Extraction yardstick: the gold-set score of each shared set and of all of them together.

Runs ``forumdesk extract`` once on every document of the gold sets (folders holding a
``docs/`` folder and one ``.json`` gold file per document, as described by the sets'
``SCHEMA.md``), then scores each set and the union of them with the sets' own scorer,
``tools/score_extraction.py`` beside them.

    .venv/bin/python bench/extraction_score.py [--shared ../shared] [--sets gold gold-dev gold-wide]
                                               [-v]

``-v`` prints each document's differences as the scorer does without ``-q``.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import subprocess
import sys
import tempfile
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType

DEFAULT_SETS = ("gold", "gold-dev", "gold-wide")


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_extraction", shared / "tools" / "score_extraction.py"
    )
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {shared / 'tools' / 'score_extraction.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extract(paths: list[Path]) -> dict[str, dict]:
    command = [
        sys.executable,
        "-m",
        "desktop_app.cli",
        "extract",
        "--format",
        "json",
        *map(str, paths),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if not result.stdout.strip():
        sys.exit(f"extract failed: {result.stderr[-2000:]}")
    return {Path(d["source"]).name: d for d in json.loads(result.stdout)}


def _score(
    scorer: ModuleType, golds: dict[Path, dict], preds: dict[str, dict], verbose: bool
) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path, gold in golds.items():
            (folder / path.name).write_text(json.dumps(gold), encoding="utf-8")
            pred = preds.get(gold["source"], {"events": [], "people": []})
            (folder / "pred").mkdir(exist_ok=True)
            (folder / "pred" / path.name).write_text(json.dumps(pred), encoding="utf-8")
        argv = ["score", "--gold", str(folder), "--pred", str(folder / "pred")]
        if not verbose:
            argv.append("-q")
        out = io.StringIO()
        saved = sys.argv
        sys.argv = argv
        try:
            with redirect_stdout(out):
                scorer.main()
        finally:
            sys.argv = saved
        return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--sets", nargs="+", default=list(DEFAULT_SETS))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    scorer = _scorer(args.shared)
    all_golds: dict[Path, dict] = {}
    sources: list[Path] = []
    per_set: dict[str, dict[Path, dict]] = {}
    for name in args.sets:
        folder = args.shared / name
        golds = {
            p: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))
        }
        per_set[name] = golds
        all_golds.update(golds)
        sources += [folder / "docs" / g["source"] for g in golds.values()]
    preds = _extract(sources)
    summary = []
    for name, golds in [*per_set.items(), ("all", all_golds)]:
        report = _score(scorer, golds, preds, args.verbose and name != "all")
        print(f"== {name} ({len(golds)} documents)")
        lines = report.rstrip().splitlines()
        print("\n".join(lines if args.verbose else lines[-13:]))
        summary.append(f"{name} {lines[-1].split()[1]}")
        print()
    print("scores: " + ", ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
