"""The Forum Desk application: Qt window, command line and exports."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("forumdesk")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"
