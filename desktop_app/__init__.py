"""The Forum Desk application: Qt window, command line and exports."""

from __future__ import annotations


def package_version() -> str:
    """The installed package's version ("0.0.0" in a checkout that was never installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("forumdesk")
    except PackageNotFoundError:
        return "0.0.0"


def __getattr__(name: str) -> str:
    # Looked up on first use: reading the package metadata costs more than the rest of
    # `forumdesk --help`.
    if name == "__version__":
        value = package_version()
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
