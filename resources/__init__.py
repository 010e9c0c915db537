"""Icons, the style sheet and the sample documents, found with importlib.resources."""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file shipped in this package, e.g. ``resource("icons", "app.svg")``."""
    node = files(__name__)
    for part in parts:
        node = node.joinpath(part)
    return node


def sample_documents() -> list[Traversable]:
    """The bundled sample documents that ``forumdesk --demo`` imports."""
    return sorted(
        (f for f in resource("samples").iterdir() if f.is_file() and not f.name.startswith(".")),
        key=lambda f: f.name,
    )


__all__ = ["as_file", "resource", "sample_documents"]
