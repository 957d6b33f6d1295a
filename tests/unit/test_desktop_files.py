"""The Linux desktop integration: the .desktop file, the AppStream metainfo and the icons.

The validators come from Debian's desktop-file-utils (``desktop-file-validate``) and appstream
(``appstreamcli``); a test whose validator is absent is skipped and says which package to install.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.dealjournal.DealJournal"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "packaging" / "icons"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian/Ubuntu package {package})")
    return path


def run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates() -> None:
    result = run(tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates() -> None:
    result = run(tool("appstreamcli", "appstream"), "validate", "--no-net", "--explain", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_installed_tree_validates(tmp_path: Path) -> None:
    """Laid out as a package installs them, the metainfo finds its desktop file and icon."""
    appstreamcli = tool("appstreamcli", "appstream")
    share = tmp_path / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copytree(ICONS / "hicolor", share / "icons" / "hicolor")
    result = run(appstreamcli, "validate-tree", "--no-net", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_and_metainfo_agree() -> None:
    entry = desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "dealjournal"
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "dealjournal"  # Qt's WM_CLASS: the application name
    assert {"Office", "ContactManagement"} <= set(entry["Categories"].strip(";").split(";"))
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "dealjournal"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    from dealjournal import __version__

    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def test_screenshots_exist_in_the_checkout() -> None:
    prefix = "https://raw.githubusercontent.com/dealjournal/dealjournal/main/"
    images = [e.text or "" for e in ET.parse(METAINFO).getroot().iter("image")]
    assert len(images) >= 3
    for url in images:
        assert url.startswith(prefix), url
        assert (ROOT / url.removeprefix(prefix)).is_file(), f"{url} names no file in the checkout"


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_png_sizes_exist_and_are_square(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert path.is_file(), f"{path} is missing: run python packaging/icons/render.py"
    assert png_size(path) == (size, size)


def test_scalable_icon_is_the_app_icon() -> None:
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / "dealjournal.svg").read_bytes(), (
        "the SVG changed: run python packaging/icons/render.py")


def test_windows_and_macos_icons_hold_every_size() -> None:
    ico = (ICONS / "dealjournal.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 7)
    sides = sorted(ico[6 + 16 * i] or 256 for i in range(7))
    assert sides == [16, 24, 32, 48, 64, 128, 256]
    icns = (ICONS / "dealjournal.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    for kind in (b"icp4", b"ic07", b"ic09", b"ic10"):
        assert kind in icns
