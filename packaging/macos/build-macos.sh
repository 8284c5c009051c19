#!/usr/bin/env bash
# Build dist/copdesk.app on a Mac (same spec as Linux; the spec adds the .app bundle and the .copdesk
# document type on macOS), check it starts, and, when a signing identity is given, sign and notarise it:
#   packaging/macos/build-macos.sh
#   COPDESK_SIGN_ID="Developer ID Application: ..." COPDESK_NOTARY_PROFILE=copdesk packaging/macos/build-macos.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q -e ".[package]"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/copdesk.spec
dist/copdesk.app/Contents/MacOS/copdesk --version
QT_QPA_PLATFORM=offscreen dist/copdesk.app/Contents/MacOS/copdesk --smoke
if [ -n "${COPDESK_SIGN_ID:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$COPDESK_SIGN_ID" dist/copdesk.app
  ditto -c -k --keepParent dist/copdesk.app dist/copdesk-mac.zip
  xcrun notarytool submit dist/copdesk-mac.zip --keychain-profile "$COPDESK_NOTARY_PROFILE" --wait
  xcrun stapler staple dist/copdesk.app
fi
