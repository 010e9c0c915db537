"""Regression: a Qt binding that drops a reference to None on void calls aborts CPython 3.11.

PySide6-Essentials 6.12.0 did this (``Fatal Python error: none_dealloc`` after some tens of
thousands of calls); pyproject.toml excludes it, and this test catches any later release with
the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_refcount_of_none(qtbot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    label.update()  # warm-up: first calls may cache things
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.update()
    after = sys.getrefcount(None)
    # Other threads may touch None a little; a leak per call moves it by about a thousand.
    assert abs(after - before) < 100, f"refcount of None moved by {after - before}"
