"""Compare two states of the report: a version, the previous period, or now. The changed fields on the
left, a word-level redline of the selected one on the right (struck through and underlined, not only
coloured), and an export of the whole comparison to Word with tracked changes."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QListWidget, QPushButton,
                               QSplitter, QTextBrowser, QVBoxLayout)

from copdesk.core.review import versions
from copdesk.core.template.codes import answer_codes
from copdesk.core.review.diff import changes, redline, table_changes
from copdesk.core.errors import CopdeskError
from copdesk.core.report.open_file import Report
from copdesk.ui.messages import show_error

NOW, BASELINE = "__now__", "__baseline__"
# The core's change kinds and fields, for lupdate; shown through self.tr.
WORDS = (QT_TRANSLATE_NOOP("CompareDialog", "added"), QT_TRANSLATE_NOOP("CompareDialog", "removed"),
         QT_TRANSLATE_NOOP("CompareDialog", "changed"), QT_TRANSLATE_NOOP("CompareDialog", "table"),
         QT_TRANSLATE_NOOP("CompareDialog", "subscription"))


class CompareDialog(QDialog):
    def __init__(self, report: Report, parent=None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Compare"))
        self.resize(1000, 640)
        self.old, self.new = QComboBox(), QComboBox()
        self.old.setAccessibleName(self.tr("Compare from"))
        self.new.setAccessibleName(self.tr("Compare to"))
        for combo in (self.old, self.new):
            combo.addItem(self.tr("Now"), NOW)
            if "baseline_report_id" in report.meta:
                combo.addItem(self.tr("Previous period"), BASELINE)
            for v in versions.versions(report):
                combo.addItem(self.tr("Version “{name}” ({time}, {by})").format(
                    name=v.name, time=v.at[:16].replace("T", " "), by=v.by), v.id)
        self.old.setCurrentIndex(self.old.count() - 1 if self.old.count() > 1 else 0)
        self.fields = QListWidget()
        self.fields.setAccessibleName(self.tr("Changed fields"))
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Changes of the selected field"))
        self.summary = QLabel()
        export = QPushButton(self.tr("Export to &Word…"))
        export.clicked.connect(lambda: self.export())
        top = QHBoxLayout()
        for w in (QLabel(self.tr("From:")), self.old, QLabel(self.tr("to:")), self.new):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(export)
        split = QSplitter()
        split.addWidget(self.fields)
        split.addWidget(self.view)
        split.setSizes([300, 700])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        self.old.currentIndexChanged.connect(self.refresh)
        self.new.currentIndexChanged.connect(self.refresh)
        self.fields.currentRowChanged.connect(self._show)
        self.found = []
        self.refresh()

    def _content(self, ref):
        if ref == NOW:
            return versions.Content.of(self.report.snapshot())
        if ref == BASELINE:
            return versions.baseline_content(self.report)
        return versions.version_content(self.report, ref)

    def title(self) -> str:
        return f"{self.old.currentText()} → {self.new.currentText()}"

    def refresh(self) -> None:
        order = answer_codes(self.report.template) + [c.code for c in self.report.template.commitments()]
        try:
            self.found = changes(self._content(self.old.currentData()), self._content(self.new.currentData()), order)
        except CopdeskError as exc:
            show_error(self, exc)
            self.found = []
        self.fields.clear()
        for ch in self.found:
            self.fields.addItem(f"{ch.code} — {self.tr(ch.kind)}"
                                + (f" ({self.tr(ch.field)})" if ch.field != "text" else ""))
        self.summary.setText(self.tr("%n changed field(s): {title}", "", len(self.found)).format(title=self.title()))
        if self.found:
            self.fields.setCurrentRow(0)
        else:
            none = self.tr("No differences.")
            self.view.setHtml(f"<p>{html.escape(none)}</p>")

    def _show(self, row: int) -> None:
        if row < 0 or row >= len(self.found):
            return
        ch = self.found[row]
        if ch.field == "table":
            body = "<br>".join(html.escape(x) for x in table_changes(ch.old, ch.new))
        elif ch.field == "subscription":
            body = self.tr("Subscribed.") if ch.kind == "added" else self.tr("No longer subscribed.")
        else:
            body = redline_html(ch.old, ch.new)
        legend = self.tr("Struck through: deleted. Underlined: inserted.")
        self.view.setHtml(f"<h3>{html.escape(ch.code)}</h3><p style='white-space: pre-wrap'>{body}</p>"
                          f"<p><small>{html.escape(legend)}</small></p>")

    def export(self, out: str | None = None) -> None:
        from copdesk.core.review.comparison_docx import export_comparison
        if out is None:
            out, _ = QFileDialog.getSaveFileName(self, self.tr("Export comparison"), str(self.report.path.with_name(
                self.report.path.stem + "-comparison.docx")), self.tr("Word documents (*.docx)"))
            if not out:
                return
        try:
            from copdesk.core.safety.outputs import check_output
            check_output(Path(out), [self.report.path], f"writing the comparison of {self.report.path.name}")
            export_comparison(self.report.template, self.title(), self.found, out)
        except CopdeskError as exc:
            show_error(self, exc)


def redline_html(old: str, new: str) -> str:
    """The word-level redline of `old` to `new` as HTML: deleted text struck through, inserted underlined."""
    return "".join(_piece(op, text) for op, text in redline(old, new))


def _piece(op: str, text: str) -> str:
    t = html.escape(text)
    if op == "-":
        return f"<s style='color:#a00000' title='deleted'>{t}</s>"
    if op == "+":
        return f"<u style='color:#006000' title='inserted'>{t}</u>"
    return t
