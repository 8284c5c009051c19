"""Draw the navigator's status icons (empty, in progress, complete, carried over) as PNGs, 16 and 32 px.

Run after changing a shape or colour: `.venv/bin/python packaging/make_status_icons.py`. The PNGs are
committed: the navigator loads them as files, so start-up needs neither QStyle nor QPainter. Each status
has its own shape (hollow ring, half disc, tick, arrow), so no icon depends on colour alone, and the
navigator says the status in words beside it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons" / "status"
GREY, BLUE, GREEN, AMBER = "#6b7280", "#2f6fb3", "#2e7d32", "#b7791f"


def draw(name: str, size: int):
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 16  # drawn on a 16-unit grid
    ring = QRectF(2 * s, 2 * s, 12 * s, 12 * s)
    if name == "empty":
        p.setPen(QPen(QColor(GREY), 1.5 * s))
        p.drawEllipse(ring)
    elif name == "in_progress":
        p.setPen(QPen(QColor(BLUE), 1.5 * s))
        p.drawEllipse(ring)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(BLUE))
        p.drawPie(ring, 90 * 16, 180 * 16)  # the left half filled
    elif name == "complete":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(GREEN))
        p.drawEllipse(QRectF(1 * s, 1 * s, 14 * s, 14 * s))
        pen = QPen(QColor("white"), 2 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        tick = QPainterPath(QPointF(4.5 * s, 8.2 * s))
        tick.lineTo(7 * s, 10.7 * s)
        tick.lineTo(11.5 * s, 5.5 * s)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(tick)
    elif name == "carried":
        pen = QPen(QColor(AMBER), 1.8 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(QRectF(2.5 * s, 2.5 * s, 11 * s, 11 * s), 60 * 16, 280 * 16)  # an open circle, gap top right
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(AMBER))
        head = QPainterPath(QPointF(9.6 * s, 0.8 * s))  # arrow head at the gap, pointing clockwise
        head.lineTo(13.6 * s, 3.6 * s)
        head.lineTo(9.2 * s, 5.8 * s)
        head.closeSubpath()
        p.drawPath(head)
    p.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (needed by QPainter)
    OUT.mkdir(parents=True, exist_ok=True)
    for name in ("empty", "in_progress", "complete", "carried"):
        for size in (16, 32):
            path = OUT / f"{name}-{size}.png"
            draw(name, size).save(str(path))
            print(path.relative_to(OUT.parent.parent.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
