"""Keep the translations current: ``python packaging/translations.py [--check]``.

Runs ``pyside6-lupdate`` over the package's Python sources and the Designer forms (``ui/``)
into ``resources/translations/dealjournal_<lang>.ts`` and ``pyside6-lrelease`` into the
``.qm`` files the app loads. English is the source language and has no file.

After adding or changing a user-visible string: run this, translate the new entries in
``pyside6-linguist resources/translations/dealjournal_de.ts`` (or any editor), run it again.
``--check`` changes nothing and exits 1 if a ``.ts`` lacks a string of the sources or a
``.qm`` is older than its ``.ts``; ``tests/unit/test_translations.py`` runs it.

Locations are left out of the ``.ts`` files (``-locations none``) so that moving code does
not change them.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("de",)  # complete translations; English is the source language


def tool(name: str) -> str:
    """``pyside6-<name>`` beside the running Python, or on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install the project with `pip install -e .[test]`")
    return found


def sources() -> list[str]:
    files = sorted(p for p in (ROOT / "dealjournal").rglob("*.py") if "__pycache__" not in p.parts)
    return [str(p.relative_to(ROOT)) for p in files] + sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.ui"))


def lupdate(ts: Path, language: str) -> None:
    args = [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language", "en",
            "-target-language", language]
    subprocess.run([*args, *sources(), "-ts", str(ts)], cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def update() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = FOLDER / f"dealjournal_{language}.ts"
        lupdate(ts, language)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"{ts.relative_to(ROOT)} and its .qm are current")


def check() -> list[str]:
    """What is out of date (empty when everything is current)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            ts = FOLDER / f"dealjournal_{language}.ts"
            if not ts.exists():
                problems.append(f"{ts.relative_to(ROOT)} is missing")
                continue
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(fresh, language)
            if fresh.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.relative_to(ROOT)} does not match the sources: run packaging/translations.py")
            qm = Path(tmp) / f"dealjournal_{language}.qm"
            lrelease(ts, qm)
            shipped = ts.with_suffix(".qm")
            if not shipped.exists() or not filecmp.cmp(qm, shipped, shallow=False):
                problems.append(f"{shipped.relative_to(ROOT)} is not compiled from its .ts: run packaging/translations.py")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is out of date")
    if parser.parse_args().check:
        problems = check()
        print("\n".join(problems) or "The translations are current.")
        return 1 if problems else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
