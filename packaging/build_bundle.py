"""Build the PyInstaller one-folder bundle of Deal Journal and smoke-run it.

    python packaging/build_bundle.py [--dist DIR] [--work DIR] [--skip-build] [--no-smoke]

It installs PyInstaller into the running interpreter's environment when it is missing, builds
``packaging/dealjournal.spec`` into ``DIR/dealjournal/`` (default ``dist/``), then checks the
frozen app:

1. ``dealjournal --version`` exits 0 and prints the package's version;
2. ``dealjournal demo J`` writes the sample journal (no Qt);
3. the window opens on J offscreen (``QT_QPA_PLATFORM=offscreen``) and, because
   ``DEALJOURNAL_SMOKE_QUIT_MS`` is set, quits by itself after its first paint with exit 0 and
   nothing alarming on standard error.

It prints the build time and the bundle's size, and exits non-zero when any step fails. The
same script works on Windows and macOS (see WINDOWS.md and MACOS.md). No display is needed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "dealjournal.spec"
SMOKE_QUIT_MS = 1500
# What on standard error means the frozen window went wrong although it exited 0: the app's bug
# handler logs "Unexpected error", Python prints tracebacks, Qt says a plugin or form is missing.
# What the bundle must hold besides the program: the forms and icons (package data read with
# importlib.resources) and the Qt plugins that draw SVG icons and run without a display.
REQUIRED = ["dealjournal/_ui/about.ui", "dealjournal/_ui/preferences.ui", "dealjournal/_resources/icons/dealjournal.svg",
            "PySide6/Qt/plugins/iconengines/*qsvgicon*", "PySide6/Qt/plugins/imageformats/*qsvg*",
            "PySide6/Qt/plugins/platforms/*qoffscreen*"]
ALARMS = re.compile(r"Traceback|Unexpected error|Could not (load|find) the Qt platform plugin|"
                    r"could not be loaded|No module named|ImportError|ModuleNotFoundError")


def version() -> str:
    text = (ROOT / "dealjournal" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert match, "no __version__ in dealjournal/__init__.py"
    return match.group(1)


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        print("build_bundle: installing pyinstaller", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.10"], check=True)


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller on the spec; the seconds it took."""
    ensure_pyinstaller()
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=ROOT)
    return time.monotonic() - started


def executable(dist: Path, *, cli: bool = True) -> Path:
    """The frozen program (on Windows the console ``dealjournal-cli.exe`` for the command line)."""
    folder = dist / "dealjournal"
    if sys.platform == "win32":
        return folder / ("dealjournal-cli.exe" if cli else "dealjournal.exe")
    return folder / "dealjournal"


def size_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def smoke_env(home: Path) -> dict[str, str]:
    """The environment of the frozen runs: offscreen, and no settings or journal of the real user."""
    env = {k: v for k, v in os.environ.items() if k != "DEALJOURNAL_DB"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), USERPROFILE=str(home),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), XDG_STATE_HOME=str(home / "state"))
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    print("build_bundle: $", " ".join(cmd), flush=True)
    try:
        return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:  # e.g. a window that ignores DEALJOURNAL_SMOKE_QUIT_MS
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return subprocess.CompletedProcess(cmd, -1, "", f"{err}\n(still running after {timeout:.0f} s; killed)")


def smoke(dist: Path) -> list[str]:
    """Check the bundle's contents and run the frozen app's three checks; the problems found (empty when all passed)."""
    problems: list[str] = []
    exe = executable(dist)
    if not exe.is_file():
        return [f"{exe} was not built"]
    for pattern in REQUIRED:
        if not any((dist / "dealjournal").glob(f"**/{pattern}")):
            problems.append(f"the bundle lacks {pattern}")
    with tempfile.TemporaryDirectory(prefix="dealjournal-smoke-") as tmp:
        home = Path(tmp)
        env = smoke_env(home)
        result = run([str(exe), "--version"], env)
        if result.returncode != 0 or result.stdout.strip() != f"dealjournal {version()}":
            problems.append(f"--version: exit {result.returncode}, stdout {result.stdout!r}, "
                            f"stderr {result.stderr[-1500:]!r}")
        journal = home / "sample.sqlite3"
        result = run([str(exe), "demo", str(journal)], env)
        if result.returncode != 0 or not journal.is_file():
            problems.append(f"demo: exit {result.returncode}, stderr {result.stderr[-1500:]!r}")
            return problems
        window = executable(dist, cli=False)
        result = run([str(window), "--db", str(journal)], {**env, "DEALJOURNAL_SMOKE_QUIT_MS": str(SMOKE_QUIT_MS)})
        if result.returncode != 0 or ALARMS.search(result.stderr):
            problems.append(f"window: exit {result.returncode}, stderr {result.stderr[-3000:]!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--skip-build", action="store_true", help="only smoke-run an existing bundle")
    parser.add_argument("--no-smoke", action="store_true", help="only build")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    if not args.skip_build:
        seconds = build(dist, work)
        print(f"build_bundle: built {dist / 'dealjournal'} in {seconds:.1f} s", flush=True)
    folder = dist / "dealjournal"
    if folder.is_dir():
        print(f"build_bundle: bundle size {size_bytes(folder) / 2**20:.0f} MiB", flush=True)
    if args.no_smoke:
        return 0
    problems = smoke(dist)
    for problem in problems:
        print(f"build_bundle: FAILED {problem}", file=sys.stderr)
    if not problems:
        print("build_bundle: smoke test passed (--version, demo, window offscreen)", flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
