"""Extraction of events, panels and people from a document's plain text."""

from __future__ import annotations

from importers.records import DocumentText, Extraction


def extract(document: DocumentText) -> Extraction:
    """Find the events (with their panels) and the people in one document."""
    return Extraction(document=document)
