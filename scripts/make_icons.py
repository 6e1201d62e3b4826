"""Renders the app icon SVGs to PNG sizes, a Windows .ico and a macOS .icns.

    python scripts/make_icons.py            (writes resources/icons/, commit the result)

The 16 and 24 px icons come from simplified SVGs drawn on their own pixel grid
(parallax-16.svg, parallax-24.svg) so they stay crisp; the other sizes from the detailed
parallax.svg. Rendering uses
QtSvg (already an app dependency); the ICO and ICNS containers are written here. The ICO
keeps the classic layout every Windows tool reads (Explorer, PyInstaller's resource
writer, Inno Setup): 32-bit BMP images up to 128 px, a PNG image at 256 px. The
ICNS holds PNG elements only, which macOS 10.7+ reads.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: pixel-grid variants for the sizes where the detailed drawing would blur
GRID_SOURCES = {16: "parallax-16.svg", 24: "parallax-24.svg"}
# ICNS element types that hold PNG data, with their pixel size (Apple's icns format).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)  # fmt: skip


def render(size: int):  # type: ignore[no-untyped-def]  # -> QImage (ARGB32)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    source = ICONS / GRID_SOURCES.get(size, "parallax.svg")
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def dib_bytes(image) -> bytes:  # type: ignore[no-untyped-def]
    """An ICO image in BMP form: BITMAPINFOHEADER (height doubled for the mask), BGRA
    rows bottom-up, then the 1-bit AND mask (all zero: the alpha channel decides)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, 2 * size, 1, 32, 0, 0, 0, 0, 0, 0)
    # Format_ARGB32 stores each pixel as a little-endian 0xAARRGGBB word: B, G, R, A bytes
    rows = [bytes(image.constScanLine(y))[: 4 * size] for y in range(size)]
    mask_row = b"\0" * (((size + 31) // 32) * 4)
    return header + b"".join(reversed(rows)) + mask_row * size


def ico_bytes(images: dict[int, object]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size + the images (a width of 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, payload = b"", b""
    for size in ICO_SIZES:
        data = png_bytes(images[size]) if size >= 256 else dib_bytes(images[size])
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """'icns' + big-endian total length, then (type, length incl. header, data) blocks."""
    body = b"".join(
        kind + struct.pack(">I", len(pngs[size]) + 8) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    images = {size: render(size) for size in sizes}
    pngs = {size: png_bytes(image) for size, image in images.items()}
    for size in PNG_SIZES:
        (ICONS / f"parallax-{size}.png").write_bytes(pngs[size])
    (ICONS / "parallax.ico").write_bytes(ico_bytes(images))
    (ICONS / "parallax.icns").write_bytes(icns_bytes(pngs))
    print(f"make_icons: wrote {len(PNG_SIZES)} PNGs, parallax.ico and parallax.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
