"""The new-report wizard's commitments page: Next into it, and ticking a chapter, as a person feels them.

    .venv/bin/python benchmarks/wizard_commitments.py [RUNS]

Each run is a fresh process (offscreen platform, or BENCH_QPA=xcb with DISPLAY for a real X server), as
when someone opens File › New report once: the wizard is filled in up to the period page, then
- "Next": from the click on Next to the commitments page painted with its tree;
- "tick": a click on the box of the chapter with the most measures (Political Advertising: 10 commitments,
  28 measures) until the page is painted again with every box under it ticked and the count updated.
Targets (issue 16): the page shows within 100 ms of Next; a tick responds within one frame (16 ms).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile

PLATFORM = os.environ.get("BENCH_QPA", "offscreen")

CHILD = r"""
import json, sys, time, tempfile
from datetime import date
from pathlib import Path
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
app = QApplication([])
from copdesk.ui.new_report import NewReportWizard
wizard = NewReportWizard(folder=Path(tempfile.mkdtemp()), today=date(2026, 11, 29))
wizard.show()
wizard.profile.signatory.setText("Example Video")
for _ in range(5):
    app.processEvents()
wizard.next()  # the period page
for _ in range(5):
    app.processEvents()
page = wizard.subscriptions
painted = []
original = type(page.tree.viewport()).paintEvent


def until_painted(start, count_before=None):
    # milliseconds from `start` to the end of the paint that shows the tree (and, when `count_before` is
    # given, of the count label's paint once it no longer says that)
    painted.clear()
    for widget in (page.tree.viewport(), page.count):
        widget.installEventFilter(watch)
    while not (painted and (count_before is None or (page.count.text() != count_before and label_painted))):
        app.processEvents()
    for widget in (page.tree.viewport(), page.count):
        widget.removeEventFilter(watch)
    return 1000 * (max(painted + label_painted) - start)


from PySide6.QtCore import QEvent, QObject

label_painted = []


class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            target = label_painted if obj is page.count else painted
            target.clear()
            QTimer.singleShot(0, lambda: target.append(time.perf_counter()))  # once this paint is over
        return False


watch = Watch()
button = wizard.button(wizard.WizardButton.NextButton)
t = time.perf_counter()
QTest.mouseClick(button, Qt.LeftButton)
out = {"next_ms": until_painted(t)}
tree = page.tree
chapter = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
               if tree.topLevelItem(i).text(0) == "Political Advertising")
rect = tree.visualItemRect(chapter)
style = tree.style()
option = QStyleOptionViewItem()
option.rect = rect
option.features = QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
for _ in range(5):
    app.processEvents()
before = page.count.text()
label_painted.clear()
t = time.perf_counter()
QTest.mouseClick(tree.viewport(), Qt.LeftButton, Qt.NoModifier, box.center())
out["tick_ms"] = until_painted(t, before)
for _ in range(3):
    app.processEvents()
out["ticked"] = sum(c.startswith("Measure") for c in page.selected())
out["count"] = page.count.text()
print(json.dumps(out))
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = {**os.environ, "QT_QPA_PLATFORM": PLATFORM, "COPDESK_DATA_DIR": tempfile.mkdtemp()}
    rows = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120)
        line = [x for x in done.stdout.splitlines() if x.startswith("{")]
        if not line:
            raise SystemExit(f"child failed: {done.stderr[-2000:]}")
        rows.append(json.loads(line[-1]))
    for key, label, target in (("next_ms", "Next to the commitments page painted", 100),
                               ("tick_ms", "tick a chapter of 28 measures, repainted", 16)):
        values = sorted(r[key] for r in rows)
        print(f"{label:44} median {statistics.median(values):7.1f} ms   min {values[0]:7.1f}   max {values[-1]:7.1f}"
              f"   target <= {target} ms")
    print(f"{runs} runs, Qt platform {PLATFORM}; after the tick: {rows[-1]['ticked']} measures ticked, "
          f"count says \"{rows[-1]['count']}\"")


if __name__ == "__main__":
    main()
