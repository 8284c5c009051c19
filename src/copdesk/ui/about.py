"""Help › About copdesk: the version, what it runs on, the licence, and where copdesk keeps the user's files.

The folders are what support asks for first ("where are my corrections, my settings?"), so they are shown
as selectable text.
"""

from __future__ import annotations

import html
import platform
import sys

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from copdesk import __version__, paths
from copdesk.ui import settings
from copdesk.ui.style import app_icon


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About copdesk"))
        lay = QVBoxLayout(self)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        lay.addWidget(icon, 0, Qt.AlignHCenter)
        self.text = QLabel(self._html())
        self.text.setTextFormat(Qt.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _html(self) -> str:
        bundled = self.tr("yes ({path})").format(path=sys._MEIPASS) if getattr(sys, "_MEIPASS", None) else self.tr("no")
        rows = [
            (self.tr("Version"), __version__),
            (self.tr("Python"), f"{platform.python_version()} ({sys.executable})"),
            (self.tr("Qt / PySide6"), f"{qVersion()} / {PySide6.__version__}"),
            (self.tr("Licence"), "EUPL-1.2"),
            (self.tr("Desktop bundle"), bundled),
            (self.tr("Your data folder"), str(paths.user_data_dir())),
            (self.tr("Template corrections"), str(paths.user_forms_dir())),
            (self.tr("Settings file"), settings.settings().fileName()),
            (self.tr("Program files"), str(paths.resources_dir().parent)),
        ]
        table = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;</td><td>{html.escape(v)}</td></tr>"
                        for k, v in rows)
        intro = self.tr("Draft, review and export reports under the EU Code of Conduct on Disinformation, "
                        "offline.")
        return f"<h2>copdesk {__version__}</h2><p>{html.escape(intro)}</p><table>{table}</table>"
