"""Placeholder until its issue lands."""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("args", nargs="*")


def run(args: argparse.Namespace) -> int:
    print("forumdesk: this command is not available yet", file=sys.stderr)
    return 2
