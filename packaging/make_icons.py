"""Render resources/icons/copdesk.svg to the PNG sizes desktops ask for (16-256 px).

Run after changing the SVG: `.venv/bin/python packaging/make_icons.py`. The PNGs, Windows' .ico and
macOS' .icns are committed, so a build needs no SVG renderer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)
PACKAGING = Path(__file__).resolve().parent
ICONS = PACKAGING.parent / "resources" / "icons"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (needed by QPainter)
    renderer = QSvgRenderer(str(ICONS / "copdesk.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"copdesk-{size}.png"))
        if size == 256:  # Qt writes both formats: one 256 px image each, scaled down by the system
            image.save(str(PACKAGING / "windows" / "copdesk.ico"))
            image.save(str(PACKAGING / "macos" / "copdesk.icns"))
    print(f"wrote {len(SIZES)} PNGs to {ICONS}, copdesk.ico and copdesk.icns to {PACKAGING}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
