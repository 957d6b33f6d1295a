"""The PyInstaller bundle builds, and the frozen app starts: ``--version``, and the window offscreen.

Runs wherever PyInstaller is importable (it is in the ``test`` extra, so CI has it) and is
skipped with a message otherwise. One build takes about 15-20 s. ``packaging/build_bundle.py``
does the building and the smoke checks; this test runs it as CI would, then looks at the result.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None,
                                reason="PyInstaller is not installed (pip install pyinstaller)")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Build the bundle once for this module and smoke-run it; the dist folder and the run."""
    app_source = (REPO / "dealjournal" / "gui" / "app.py").read_text(encoding="utf-8")
    assert "DEALJOURNAL_SMOKE_QUIT_MS" in app_source, (
        "dealjournal/gui/app.py must quit after DEALJOURNAL_SMOKE_QUIT_MS ms for the window smoke run")
    tmp = tmp_path_factory.mktemp("bundle")
    dist = tmp / "dist"
    result = subprocess.run([sys.executable, str(REPO / "packaging" / "build_bundle.py"),
                             "--dist", str(dist), "--work", str(tmp / "work")],
                            capture_output=True, text=True, timeout=600, cwd=tmp)
    return dist, result


def frozen(dist: Path) -> Path:
    name = "dealjournal-cli.exe" if sys.platform == "win32" else "dealjournal"
    return dist / "dealjournal" / name


def test_build_and_smoke_run_pass(bundle: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, result = bundle
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]
    assert "smoke test passed" in result.stdout
    built = re.search(r"built .* in ([\d.]+) s", result.stdout)
    assert built, result.stdout
    print(f"bundle built in {built.group(1)} s")


def test_frozen_version(bundle: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    from dealjournal import __version__

    dist, _ = bundle
    result = subprocess.run([str(frozen(dist)), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"dealjournal {__version__}"


def test_frozen_command_line_reads_the_sample(bundle: tuple[Path, subprocess.CompletedProcess[str]],
                                              tmp_path: Path) -> None:
    dist, _ = bundle
    journal = tmp_path / "sample.sqlite3"
    exe = str(frozen(dist))
    assert subprocess.run([exe, "demo", str(journal)], capture_output=True, timeout=60).returncode == 0
    report = subprocess.run([exe, "report", "health", "--json", "--db", str(journal)],
                            capture_output=True, text=True, timeout=60)
    assert report.returncode == 0, report.stderr
    assert report.stdout.lstrip().startswith(("[", "{"))


def test_window_opens_on_the_sample_offscreen(bundle: tuple[Path, subprocess.CompletedProcess[str]],
                                              tmp_path: Path) -> None:
    dist, _ = bundle
    journal = tmp_path / "sample.sqlite3"
    exe = str(frozen(dist))
    assert subprocess.run([exe, "demo", str(journal)], capture_output=True, timeout=60).returncode == 0
    window = str(dist / "dealjournal" / ("dealjournal.exe" if sys.platform == "win32" else "dealjournal"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DEALJOURNAL_SMOKE_QUIT_MS": "1000",
           "QT_DEBUG_PLUGINS": "1"}
    result = subprocess.run([window, "--db", str(journal)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "Unexpected error" not in result.stderr, result.stderr[-3000:]
    # The SVG icons are drawn by the bundled icon engine, not left blank.
    assert re.search(r"qsvgicon\S* ?\"? loaded library", result.stderr), result.stderr[-3000:]


def test_bundle_holds_forms_and_icons_but_no_heavy_qt(bundle: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    dist, _ = bundle
    folder = dist / "dealjournal"
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*")}
    forms = {n.rsplit("/", 1)[1] for n in names if re.search(r"dealjournal/_ui/[^/]+\.ui$", n)}
    shipped = {p.name for p in (REPO / "ui").glob("*.ui")}
    assert forms == shipped
    icons = {n.rsplit("/", 1)[1] for n in names if re.search(r"dealjournal/_resources/icons/[^/]+\.svg$", n)}
    assert icons == {p.name for p in (REPO / "resources" / "icons").glob("*.svg")}
    assert "dealjournal/_resources/translations/dealjournal_de.qm" in {n.split("_internal/", 1)[-1] for n in names}
    assert any(n.endswith("translations/qtbase_de.qm") for n in names), "Qt's own German (buttons, dialogs)"
    heavy = [n for n in names if re.search(r"Qt6?(WebEngine|Quick|Qml|3D|Multimedia|Pdf|Charts)", n)]
    assert heavy == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux's")
def test_every_bundled_library_resolves(bundle: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    """No library or plugin in the bundle needs one that is neither bundled nor on a usual system."""
    dist, _ = bundle
    internal = dist / "dealjournal" / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    missing = {}
    for lib in internal.rglob("*.so*"):
        if lib.is_symlink() or not lib.is_file():
            continue
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env, timeout=60).stdout
        # libwayland-* come with every Wayland desktop (PyInstaller bundles them when the build
        # machine has them); only the Wayland plugins need them, and Qt falls back to X11 without.
        lost = [n for n in re.findall(r"^\s*(\S+) => not found", out, re.M) if not n.startswith("libwayland-")]
        if lost:
            missing[lib.relative_to(internal).as_posix()] = lost
    assert missing == {}
