"""The core never imports Qt: Anki's rule, enforced on the source and on a real run."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "dealjournal"
FORBIDDEN = ("PySide6", "shiboken6", "dealjournal.gui")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt_or_the_gui() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]
    assert len(core) > 10
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(n for n in _imports(p) if n.startswith(FORBIDDEN))
        for p in core
    }
    # The one allowed exception: the CLI opens the window, lazily, when run without a command.
    offenders["cli.py"] = [n for n in offenders.get("cli.py", []) if n != "dealjournal.gui.app"]
    assert {k: v for k, v in offenders.items() if v} == {}


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
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    run = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "j.sqlite3")],
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["contacts"] == []
    assert "QT-MODULES []" in run.stderr
