"""The wheel ships every package, the Designer forms and the icons."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "dealjournal").rglob("__init__.py")}
    assert found - listed == set()
    assert config["package-dir"] == {"dealjournal._ui": "ui", "dealjournal._resources": "resources"}
    assert {"dealjournal._ui", "dealjournal._resources"} <= listed


def test_forms_and_icons_are_package_data() -> None:
    from importlib import resources

    forms = {p.name for p in resources.files("dealjournal._ui").iterdir() if p.name.endswith(".ui")}
    assert {"preferences.ui", "about.ui", "shortcuts.ui"} <= forms
    assert (resources.files("dealjournal._resources") / "icons" / "dealjournal.svg").is_file()
