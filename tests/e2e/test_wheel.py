"""The built wheel carries the Designer forms and icons: every dialog opens from an installed copy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

OPEN_EVERY_DIALOG = r"""
import sys
from pathlib import Path
import dealjournal
assert Path(dealjournal.__file__).is_relative_to(Path(sys.argv[1])), dealjournal.__file__
from dealjournal import ops
from dealjournal.store import open_journal
from dealjournal.gui.app import make_application
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.about import AboutDialog, ShortcutsDialog
from dealjournal.gui.dialogs.channel_edit import ChannelDialog
from dealjournal.gui.dialogs.contact_edit import ContactDialog
from dealjournal.gui.dialogs.content_edit import ContentDialog
from dealjournal.gui.dialogs.goal_edit import GoalDialog
from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog
from dealjournal.gui.dialogs.preferences import PreferencesDialog
from dealjournal.gui.dialogs.share import ShareDialog
from dealjournal.gui.forms import icon

app = make_application(["dealjournal"])
path = Path(sys.argv[2])
open_journal(path)
bus = JournalBus(path)
contact = ops.add_contact("Ada Byron").id
ops.add_content("Guide", kind="ebook")
dialogs = [AboutDialog(path), ShortcutsDialog([("Undo", "Ctrl+Z")]), ChannelDialog(bus, contact_id=contact),
           ContactDialog(bus), ContentDialog(bus), GoalDialog(bus, contact_id=contact),
           LogInteractionDialog(bus, contact_id=contact), PreferencesDialog(), ShareDialog(bus, content_id=1)]
for dialog in dialogs:
    dialog.show()
    app.processEvents()
    assert dialog.isVisible() and dialog.form is not None
    dialog.close()
assert not icon("dealjournal").isNull()
print("opened", len(dialogs))
"""


def test_installed_wheel_opens_every_dialog(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("dealjournal-*.whl")
    target = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                              str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr[-2000:]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", OPEN_EVERY_DIALOG, str(target), str(tmp_path / "j.sqlite3")],
                         cwd=outside, capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip() == "opened 9"
