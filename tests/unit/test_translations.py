"""The shipped translations: current with the sources, complete, and faithful to their placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
GERMAN = FOLDER / "dealjournal_de.ts"

MNEMONIC = re.compile(r"&(?!&)\w")
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}|%n|%\d")


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name", ""), msg) for ctx in root.iter("context") for msg in ctx.iter("message")]


def test_the_ts_files_match_the_sources_and_the_qm_files_match_the_ts() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "packaging" / "translations.py"), "--check"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_german_has_no_unfinished_or_obsolete_entries() -> None:
    found = messages(GERMAN)
    assert len(found) > 500, "the German file should hold every string of the window"
    assert {"core", "labels"} <= {context for context, _ in found}, "the core's sentences and the labels"
    bad = []
    for context, msg in found:
        tr = msg.find("translation")
        assert tr is not None
        text = "".join(tr.itertext()).strip()
        if tr.get("type") in ("unfinished", "obsolete", "vanished") or not text:
            bad.append(f"{context}: {msg.findtext('source')!r}")
    assert not bad, f"{len(bad)} German entries are not finished, e.g. {bad[:5]}"


def test_german_keeps_every_placeholder_and_mnemonic() -> None:
    """A translation that drops ``{name}`` or adds ``{nme}`` would fail at run time; one that
    loses its ``&`` loses its keyboard access."""
    bad = []
    for context, msg in messages(GERMAN):
        source = msg.findtext("source", "")
        translation = msg.findtext("translation", "")
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            bad.append(f"{context}: {source!r} → {translation!r} (placeholders)")
        if bool(MNEMONIC.search(source)) != bool(MNEMONIC.search(translation)):
            bad.append(f"{context}: {source!r} → {translation!r} (mnemonic)")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("language", ["de"])
def test_the_compiled_translation_is_shipped_in_the_package(language: str) -> None:
    from importlib import resources

    assert (resources.files("dealjournal._resources") / "translations" / f"dealjournal_{language}.qm").is_file()
