"""Small HTML fragments for the detail panes (QTextBrowser's rich-text subset)."""

from __future__ import annotations

import re
from html import escape

from db.models import Mention
from desktop_app.item_models.formatting import sentence_around, sentence_bounds
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
    return highlighted_sentence(mention.document.text, [(mention.start, mention.end)])


def highlighted_sentence(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentence holding ``spans`` (all within one sentence) with each highlighted;
    overlapping spans are highlighted once."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    before, _, _ = sentence_around(text, merged[0][0], merged[0][1])
    _, _, after = sentence_around(text, merged[-1][0], merged[-1][1])
    parts = [_squeeze(before)]
    for n, (start, end) in enumerate(merged):
        if n:
            parts.append(_squeeze(text[merged[n - 1][1] : start]))
        parts.append(f'<span style="{HIGHLIGHT}">{_squeeze(text[start:end].strip())}</span>')
    parts.append(_squeeze(after))
    return "".join(parts)


def sources_block(mentions: list[Mention], limit: int = 12) -> str:
    """One paragraph per sentence a mention is in: document name, then the sentence with
    the words found highlighted (several mentions in one sentence show it once)."""
    sentences: dict[tuple[int, int, int], list[Mention]] = {}
    for mention in sorted(
        (m for m in mentions if has_words(m)), key=lambda m: (m.document_id, m.start)
    ):
        left, right = sentence_bounds(mention.document.text, mention.start, mention.end)
        sentences.setdefault((mention.document_id, left, right), []).append(mention)
    parts = []
    for found in list(sentences.values())[:limit]:
        document = found[0].document
        spans = [(m.start, m.end) for m in found]
        parts.append(
            f"<p><i>{escape(document_name(document))}</i><br/>"
            f"{highlighted_sentence(document.text, spans)}</p>"
        )
    if len(sentences) > limit:
        parts.append(f"<p><i>and {len(sentences) - limit} more mentions</i></p>")
    return "".join(parts) or "<p><i>No source recorded.</i></p>"
