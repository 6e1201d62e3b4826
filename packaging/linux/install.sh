#!/bin/sh
# Installs the Parallax bundle for the current user, so it shows in the app menu and
# .parallax files open with a double-click. The build copies this script and the desktop
# files into the bundle, so from an unpacked archive (or after `make dist`):
#     sh parallax/linux/install.sh          (sh parallax/linux/install.sh --uninstall)
# Installs to ~/.local/lib/parallax, ~/.local/bin and XDG_DATA_HOME (~/.local/share).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=$(cd "$HERE/.." && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=$HOME/.local
APP_ID=org.parallax.Parallax
ICONS=$BUNDLE/_internal/resources/icons

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$PREFIX/lib/parallax" "$PREFIX/bin/parallax" \
        "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
        "$DATA/mime/packages/$APP_ID.xml"
    find "$DATA/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
else
    [ -x "$BUNDLE/parallax" ] || { echo "no bundle at $BUNDLE (run make dist)" >&2; exit 1; }
    mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$DATA/applications" "$DATA/metainfo" \
        "$DATA/mime/packages"
    if [ "$BUNDLE" != "$PREFIX/lib/parallax" ]; then
        rm -rf "$PREFIX/lib/parallax"
        cp -a "$BUNDLE" "$PREFIX/lib/parallax"
    fi
    ln -sf "$PREFIX/lib/parallax/parallax" "$PREFIX/bin/parallax"
    # Exec= names the absolute path: ~/.local/bin is not on every session's PATH
    sed "s|^Exec=parallax|Exec=$PREFIX/lib/parallax/parallax|; s|^TryExec=parallax|TryExec=$PREFIX/lib/parallax/parallax|" \
        "$HERE/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
    cp "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/"
    # the mime type names the app icon for its files, so no separate document icon
    cp "$HERE/$APP_ID.mime.xml" "$DATA/mime/packages/$APP_ID.xml"
    for size in 16 24 32 48 64 128 256 512; do
        dir="$DATA/icons/hicolor/${size}x${size}/apps"
        mkdir -p "$dir"
        cp "$ICONS/parallax-$size.png" "$dir/$APP_ID.png"
    done
    mkdir -p "$DATA/icons/hicolor/scalable/apps"
    cp "$ICONS/parallax.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
fi

# refresh the caches the desktop reads; each tool is optional
command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "parallax: done (${1:-install})"
