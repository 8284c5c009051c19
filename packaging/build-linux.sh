#!/usr/bin/env bash
# Build the one-folder Linux bundle in dist/copdesk and prove it starts:
#   packaging/build-linux.sh            -> dist/copdesk/copdesk (run it, or packaging/linux/install-user.sh)
# Uses ./dev's .venv (made if missing) and installs PyInstaller there (the "package" extra); the app's
# runtime dependencies do not include it. Prints the bundle size and the start times it measured.
set -euo pipefail
cd "$(dirname "$0")/.."
./dev test --collect-only -q >/dev/null   # sets up .venv exactly as the README's commands do
.venv/bin/python -m pip install -q -e ".[package]"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/copdesk.spec
bundle=dist/copdesk
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
TIMEFORMAT="took %R s"
echo "--version:"; time "$bundle/copdesk" --version
echo "--smoke (start, open the sample, paint a window, load the spelling dictionary, quit), 3 runs:"
for run in 1 2 3; do
  time COPDESK_T0=$(date +%s.%N) QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$bundle/copdesk" --smoke
done
