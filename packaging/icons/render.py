"""Re-render the application icon from ``resources/icons/dealjournal.svg``.

    python packaging/icons/render.py        (after changing the SVG; commit the results)

Writes, beside this script:

- ``hicolor/<N>x<N>/apps/io.github.dealjournal.DealJournal.png`` for N in SIZES, laid out
  as the freedesktop icon theme wants them (copy ``hicolor/`` to ``/usr/share/icons/`` or
  ``~/.local/share/icons/``), and ``hicolor/scalable/apps/io.github.dealjournal.DealJournal.svg``;
- ``dealjournal.ico`` (Windows: 16…256 px) and ``dealjournal.icns`` (macOS: 16…1024 px), which
  ``packaging/dealjournal.spec`` gives the frozen program. Both hold PNG images, which every
  Windows since Vista and every macOS since 10.7 reads.

Only QtSvg and QImage are used; no display is needed (the offscreen platform is chosen).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1] / "resources" / "icons" / "dealjournal.svg"
APP_ID = "io.github.dealjournal.DealJournal"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The icns element type of each PNG size (Apple's "icp4"… "ic10"; ic10 is 512@2x).
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"),
              (512, b"ic09"), (1024, b"ic10"))


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("could not encode PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (a width/height byte of 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns of PNG elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for size, kind in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter wants one)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render.py: cannot read {SOURCE}", file=sys.stderr)
        return 1
    pngs = {size: png_bytes(render(renderer, size)) for size in sorted({*SIZES, *ICO_SIZES, 1024})}
    hicolor = HERE / "hicolor"
    shutil.rmtree(hicolor, ignore_errors=True)
    for size in SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True)
        target.write_bytes(pngs[size])
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(SOURCE, scalable)
    (HERE / "dealjournal.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (HERE / "dealjournal.icns").write_bytes(icns(pngs))
    print(f"render.py: wrote {len(SIZES)} PNG sizes, the SVG, dealjournal.ico and dealjournal.icns in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
