"""The architecture holds: import-linter's contracts (pyproject.toml) are kept, each one
fails on the break it is there for, and a real ``report health`` run loads no Qt."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(root: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    args = [str(LINT), "--no-cache", "--no-logo", *(f"--contract={c}" for c in contracts)]
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(args, cwd=root, capture_output=True, text=True, env=env, timeout=120)


def test_every_contract_is_kept() -> None:
    run = lint(ROOT)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "4 kept, 0 broken" in run.stdout


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package and its contracts, copied, to break on purpose."""
    root = tmp_path_factory.mktemp("architecture")
    shutil.copytree(ROOT / "dealjournal", root / "dealjournal", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


BREAKS = [
    # (contract, module added, its source, what the report then names)
    ("core-without-qt", "dealjournal/health/probe.py", "from PySide6.QtCore import QObject\n", "health.probe"),
    ("core-without-qt", "dealjournal/store/probe.py", "def later():\n    import dealjournal.gui.labels\n",
     "store.probe"),
    ("layers", "dealjournal/store/probe.py", "def later():\n    from dealjournal.safety import backup\n", "store.probe"),
    ("layers", "dealjournal/store/probe.py", "import dealjournal.safety.files\n", "store.probe"),
    ("no-cycles", "dealjournal/health/probe.py", "def later():\n    from dealjournal import ops\n", ".health -> .ops"),
    ("no-cycles", "dealjournal/gui/pages/probe.py", "def later():\n    from dealjournal.gui import mainwindow\n",
     ".pages -> .mainwindow"),
    ("dialogs-without-mainwindow", "dealjournal/gui/dialogs/probe.py",
     "def later():\n    from dealjournal.gui.mainwindow import MainWindow\n", "dialogs.probe"),
]


@pytest.mark.parametrize(("contract", "module", "source", "named"), BREAKS)
def test_each_contract_bites(copy: Path, contract: str, module: str, source: str, named: str) -> None:
    probe = copy / module
    assert lint(copy, contract).returncode == 0  # the copy keeps it before the break
    probe.write_text(source, encoding="utf-8")
    try:
        run = lint(copy, contract)
    finally:
        probe.unlink()
    assert run.returncode != 0 and "BROKEN" in run.stdout, run.stdout
    assert named in run.stdout, run.stdout  # the report names what broke it


def test_a_type_hint_may_name_the_main_window(copy: Path) -> None:
    probe = copy / "dealjournal/gui/dialogs/probe.py"
    probe.write_text("from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
                     "    from dealjournal.gui.mainwindow import MainWindow\n", encoding="utf-8")
    try:
        run = lint(copy, "dialogs-without-mainwindow", "no-cycles")
    finally:
        probe.unlink()
    assert run.returncode == 0, run.stdout


def test_the_package_root_holds_only_vocabulary() -> None:
    modules = sorted(p.name for p in (ROOT / "dealjournal").glob("*.py"))
    assert modules == ["__init__.py", "__main__.py", "domain.py", "errors.py", "phrases.py"]


def test_report_health_loads_no_qt_module(tmp_path: Path) -> None:
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['dealjournal', 'report', 'health', '--json', '--db', sys.argv[1]]\n"
        "from dealjournal.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'dealjournal.gui')))\n"
        "print('QT-MODULES', qt, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    from dealjournal.store import close_journal, open_journal

    open_journal(tmp_path / "j.sqlite3")
    close_journal()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "j.sqlite3")],
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["contacts"] == []
    assert "QT-MODULES []" in run.stderr
