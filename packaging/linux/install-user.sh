#!/usr/bin/env bash
# Install the built bundle for the current user only, no admin rights:
#   packaging/linux/install-user.sh [BUNDLE]      (default: dist/copdesk from packaging/build-linux.sh)
# Copies the bundle to ~/.local/opt/copdesk, links ~/.local/bin/copdesk, and registers the desktop entry,
# the application/x-copdesk MIME type and the icons so .copdesk files open with copdesk from the file
# manager. packaging/linux/install-user.sh --uninstall removes all of it (reports are never touched).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/copdesk
bin=$HOME/.local/bin
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt" "$bin/copdesk" "$data/applications/copdesk.desktop" "$data/mime/packages/copdesk-mime.xml"
  rm -f "$data"/icons/hicolor/*/apps/copdesk.png "$data/icons/hicolor/scalable/apps/copdesk.svg"
else
  bundle=$(cd "${1:-$here/../../dist/copdesk}" && pwd)
  rm -rf "$opt" && mkdir -p "$(dirname "$opt")" "$bin" "$data/applications" "$data/mime/packages"
  cp -a "$bundle" "$opt"
  ln -sf "$opt/copdesk" "$bin/copdesk"
  sed "s|^Exec=copdesk|Exec=$opt/copdesk|" "$here/copdesk.desktop" > "$data/applications/copdesk.desktop"
  cp "$here/copdesk-mime.xml" "$data/mime/packages/copdesk-mime.xml"
  for png in "$opt"/_internal/resources/icons/copdesk-*.png; do
    size=$(basename "$png" .png); size=${size#copdesk-}
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps" && cp "$png" "$data/icons/hicolor/${size}x${size}/apps/copdesk.png"
  done
  mkdir -p "$data/icons/hicolor/scalable/apps"
  cp "$opt/_internal/resources/icons/copdesk.svg" "$data/icons/hicolor/scalable/apps/copdesk.svg"
fi
# Refresh the desktop's caches when the tools are there (they are on any desktop with a file manager).
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "done: $bin/copdesk (user ${USER:-$(id -un)})"
