"""Calendar chips: their colour (the kind of gathering), their outline (accepted: solid,
suggested: dashed), how they are drawn, and the legend that says so."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from db.models import Status


@dataclass(frozen=True)
class KindGroup:
    label: str
    hue: str
    kinds: frozenset[str]


# Mid-tone hues: drawn at partial opacity over the base colour they stay readable with the
# palette's own text colour, light or dark.
KIND_GROUPS = (
    KindGroup(
        "Forums and summits",
        "#3b82f6",
        frozenset("forum fora summit assembly convention conclave sommet cumbre gipfel".split()),
    ),
    KindGroup(
        "Conferences",
        "#10b981",
        frozenset(
            "conference congress symposium colloquium expo exhibition fair biennale biennial "
            "conférence congrès colloque congreso konferenz kongress tagung".split()
        ),
    ),
    KindGroup(
        "Meetings and dialogues",
        "#f59e0b",
        frozenset(
            "meeting dialogue roundtable round-table consultation consultations council "
            "committee session plenary caucus hearing briefing talks negotiations conversation "
            "retreat encounter rencontres".split()
        ),
    ),
    KindGroup(
        "Workshops and training",
        "#8b5cf6",
        frozenset(
            "workshop seminar training course school webinar lecture talk academy bootcamp "
            "camp hackathon tour programme".split()
        ),
    ),
    KindGroup(
        "Launches and ceremonies",
        "#ec4899",
        frozenset(
            "launch ceremony celebration reception dinner gala concert festival commemoration "
            "anniversary opening signing adoption awards graduation vigil rally".split()
        ),
    ),
    KindGroup(
        "Days and weeks", "#14b8a6", frozenset("day days week weeks journées semaine".split())
    ),
)
OTHER = KindGroup("Other", "#64748b", frozenset())
_BY_KIND = {kind: group for group in KIND_GROUPS for kind in group.kinds}


def kind_group(kind: str | None) -> KindGroup:
    """The colour group of an event kind (``forum``, ``high-level panel`` → its last word)."""
    words = (kind or "").casefold().split()
    return _BY_KIND.get(words[-1], OTHER) if words else OTHER


def chip_colour(event: object) -> QColor:
    """The hue of an event's chips: the group of its kind (sessions take their event's)."""
    return QColor(kind_group(getattr(event, "kind", None)).hue)


def paint_chip(
    painter: QPainter,
    palette: QPalette,
    box: QRect,
    event: object,
    *,
    selected: bool = False,
    bar: bool = True,
) -> None:
    """The chip's body: a tinted rounded box, solid when accepted and dashed when only
    suggested, with a bar of the full colour on its left (``bar``) and a ring when
    ``selected``."""
    hue = chip_colour(event)
    fill = QColor(hue)
    suggested = getattr(event, "status", Status.ACCEPTED) == Status.SUGGESTED
    fill.setAlpha(60 if suggested else 110)
    painter.setBrush(fill)
    painter.setPen(QPen(hue, 1, Qt.PenStyle.DashLine) if suggested else Qt.PenStyle.NoPen)
    painter.drawRoundedRect(box, 4, 4)
    if bar:
        painter.fillRect(QRect(box.left(), box.top(), 4, box.height()), hue)
    if selected:
        ring = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box.adjusted(0, 0, -1, -1), 4, 4)


def fit_lines(metrics: QFontMetrics, text: str, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped at word boundaries into at most ``max_lines`` lines of ``width``
    pixels; the last line is elided only when the text does not fit, and a single word
    wider than the box is cut with an ellipsis, never clipped."""
    if max_lines <= 0 or width <= 0:
        return []
    words = text.split()
    lines: list[str] = []
    first = 0  # the first word of the line being filled
    for n in range(1, len(words) + 1):
        if len(lines) == max_lines - 1:
            lines.append(" ".join(words[first:]))
            break
        line = " ".join(words[first : n + 1])
        if n == len(words) or metrics.horizontalAdvance(line) > width:
            lines.append(" ".join(words[first:n]))
            first = n
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


class Legend(QWidget):
    """What the chips mean: the colour of each kind of gathering shown, and solid (accepted)
    against dashed (suggested, awaiting review). Entries flow onto a second line when the
    widget is narrow."""

    SWATCH = QSize(22, 12)
    GAP = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[KindGroup] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.set_kinds([])

    @property
    def entries(self) -> list[str]:
        """The labels shown, in order (the kinds first, then the two outlines)."""
        return [g.label for g in self._groups] + ["Accepted", "Suggested (awaiting review)"]

    def set_kinds(self, kinds: list[str | None]) -> None:
        """Show the colours of the groups these kinds belong to (in the legend's order)."""
        present = {kind_group(k) for k in kinds}
        self._groups = [g for g in (*KIND_GROUPS, OTHER) if g in present]
        self.setToolTip(
            "Chip colours: the kind of gathering. Solid chips are accepted, dashed ones are "
            "suggestions awaiting review."
        )
        self.updateGeometry()
        self.update()

    def _layout(self, width: int) -> list[tuple[QRect, str, object]]:
        metrics = self.fontMetrics()
        line = max(metrics.height(), self.SWATCH.height()) + 4
        x, y = 0, 2
        placed = []
        items: list[tuple[str, object]] = [(g.label, g) for g in self._groups]
        items += [("Accepted", Status.ACCEPTED), ("Suggested (awaiting review)", Status.SUGGESTED)]
        for label, what in items:
            size = self.SWATCH.width() + 5 + metrics.horizontalAdvance(label)
            if x and x + size > width:
                x, y = 0, y + line
            placed.append((QRect(x, y, size, line - 4), label, what))
            x += size + self.GAP
        return placed

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        placed = self._layout(width)
        return (placed[-1][0].bottom() + 4) if placed else 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = max(self.width(), 400)
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        for box, label, what in self._layout(self.width()):
            swatch = QRect(
                box.left(),
                box.center().y() - self.SWATCH.height() // 2,
                self.SWATCH.width(),
                self.SWATCH.height(),
            )
            if isinstance(what, KindGroup):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(what.hue))
                painter.drawRoundedRect(swatch, 3, 3)
            else:
                sample = _Sample(OTHER.label, str(what))
                paint_chip(painter, palette, swatch, sample, bar=False)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            text_box = box.adjusted(self.SWATCH.width() + 5, 0, 0, 0)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()


@dataclass(frozen=True)
class _Sample:
    """A stand-in event for the legend's outline samples."""

    kind: str
    status: str
