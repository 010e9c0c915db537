"""Small HTML fragments for the detail panes (QTextBrowser's rich-text subset)."""

from __future__ import annotations

import re
from html import escape

from db.models import Mention
from desktop_app.item_models.formatting import sentence_around
from desktop_app.item_models.review import document_name, has_words

# Badges carry both their colours, so they read the same on light and dark palettes.
ROLE_COLOURS = {
    "moderator": "#805ad5",
    "chair": "#805ad5",
    "keynote": "#c05621",
    "host": "#2b6cb0",
    "organiser": "#2b6cb0",
    "speaker": "#2f855a",
    "panelist": "#2f855a",
    "contact": "#4a5568",
}
STATUS_COLOURS = {"suggested": "#b7791f", "accepted": "#2f855a", "rejected": "#c53030"}
_SPACES = re.compile(r"\s+")
HIGHLIGHT = "background-color:#fbd38d; color:#1a202c; font-weight:bold"


def badge(text: str, colour: str) -> str:
    return (
        f'<span style="background-color:{colour}; color:#ffffff; font-weight:bold">'
        f"&nbsp;{escape(text)}&nbsp;</span>"
    )


def role_badge(role: str) -> str:
    return badge(role, ROLE_COLOURS.get(role, "#4a5568"))


def status_badge(status: str) -> str:
    return badge(status, STATUS_COLOURS.get(status, "#4a5568"))


def link(href: str, text: str) -> str:
    return f'<a href="{escape(href, quote=True)}">{escape(text)}</a>'


def _squeeze(text: str) -> str:
    return escape(_SPACES.sub(" ", text))


def source_sentence(mention: Mention) -> str:
    """The sentence around a mention with the words found highlighted."""
    before, found, after = sentence_around(mention.document.text, mention.start, mention.end)
    return (
        f"{_squeeze(before)}"
        f'<span style="{HIGHLIGHT}">{_squeeze(found.strip())}</span>'
        f"{_squeeze(after)}"
    )


def sources_block(mentions: list[Mention], limit: int = 12) -> str:
    """One paragraph per mention: document name, then the highlighted sentence."""
    ordered = sorted(
        (m for m in mentions if has_words(m)),
        key=lambda m: (m.document_id, m.start),
    )
    parts = []
    for mention in ordered[:limit]:
        parts.append(
            f"<p><i>{escape(document_name(mention.document))}</i><br/>"
            f"{source_sentence(mention)}</p>"
        )
    if len(ordered) > limit:
        parts.append(f"<p><i>and {len(ordered) - limit} more mentions</i></p>")
    return "".join(parts) or "<p><i>No source recorded.</i></p>"
