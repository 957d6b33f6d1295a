"""A real Syncthing cluster for the tests: N instances of Debian's ``syncthing``, started by
the test as child processes, talking to each other over 127.0.0.1 only.

:meth:`Cluster.start` gives every instance a home of its own under the test's temporary
folder (``syncthing generate --home=…``: key, certificate, ``config.xml``, later the
database) and, before its first start, writes into that ``config.xml``:

- the GUI/REST API on ``127.0.0.1:<free port>`` (plain HTTP) with a random API key;
- one sync listener ``tcp://127.0.0.1:<free port>`` (no QUIC, no relay endpoint);
- global and local discovery off, relays off, NAT (UPnP/NAT-PMP) and STUN off, usage
  reporting declined (``urAccepted=-1``), automatic upgrades and crash reporting off, no
  browser, no restart on wake-up, no lowered priority (Syncthing would otherwise move itself
  to a process group of its own), no minimum free disk space, a 1 s reconnection interval,
  bandwidth limits applied on the LAN too (loopback counts as LAN: :meth:`Cluster.limit_recv`
  needs it);
- the other instances as devices: their IDs (from the generated configs) and explicit
  ``tcp://127.0.0.1:<port>`` addresses. (Added through REST instead, the first instance to
  learn of the others dials them before they know it, is turned away as an unknown device,
  and, in Syncthing 1.19, redials only some 20 s later.)

The instances are started one after the other (each one's first dials find the earlier ones
listening, so every pair connects at once); then, through the REST API, the harness checks
that each knows the others (``GET /rest/config/devices``, ``GET /rest/system/status``'s
``myID``) and gives each the one shared folder (``PUT /rest/config/folders/…``,
:data:`FOLDER_ID`, each instance's own local path: :meth:`Cluster.folder`) in send-receive
mode, with the file-system watcher on (1 s delay), a 10 s full-rescan interval and a 1 s
puller retry pause (the default, 60 s, stalls a test after a peer vanished mid-transfer). It
returns once all are connected and idle (stopping Syncthing 1.29 during the first index
exchange takes 10 s).

Convergence (:meth:`Cluster.wait_idle`): every running instance first scans the folder
(``POST /rest/db/scan`` returns when the scan is done, so a file written a moment ago is in
the index whether or not the watcher has fired); then the cluster is polled until, twice in
a row, every instance is connected to every other running one, its folder is ``idle`` with
nothing needed and no pull errors, its local counts equal the global ones, all instances
agree on the global counts (files, directories, symlinks, deleted, bytes), and every
instance reports 100 % completion, nothing needed, for every other device, knowing that
device's index up to the sequence the device itself reports (``/rest/db/completion``'s
``sequence`` against ``/rest/db/status``'s) — so no index update is still on the wire. Then
every instance scans again; if that changed any sequence (a conflict copy that a pull has
just made, a file written meanwhile) it waits again.

Every instance is one process (``STMONITORED=1``: without it a monitor process runs the real
one as its child, which outlives a killed test run) in a process group of its own
(``start_new_session``); it dies with the test process (``setpriv --pdeathsig KILL``, where
util-linux has it: even a SIGKILLed pytest leaves nothing behind) and is shut down by
:meth:`Cluster.stop` (REST ``shutdown``, then SIGTERM, then SIGKILL of the whole group; the
process is reaped only after its group was killed, so the group id is never someone
else's). The ``syncthing_cluster`` fixture (``tests/sync/conftest.py``) stops it whatever
the test did; an ``atexit`` hook kills whatever is left if that never ran.

``DEALJOURNAL_SYNCTHING`` names another binary. Each instance's output goes to
``<tmp>/st<i>.log`` (kept in pytest's temporary folder for a look after a failure; the
errors of :meth:`Cluster.wait_idle` include the logs' tails).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlencode

__all__ = ["FOLDER_ID", "HOST", "TIMINGS", "Cluster", "Instance", "Socket", "SyncthingError", "find_binary",
           "loopback_violations", "report", "tree_digest"]

HOST = "127.0.0.1"
FOLDER_ID = "dealjournal"
START_WITHIN = 30.0        # seconds an instance gets to answer on its REST port
CONNECT_WITHIN = 30.0      # seconds the cluster gets to connect all pairs at start
RESCAN_INTERVAL_S = 10     # full rescans (the watcher sees changes within ~1 s anyway)
WATCH_DELAY_S = 1
PULLER_PAUSE_S = 1
RECONNECT_S = 1

_LIVE: set[Instance] = set()   # instances whose process may still run (for the atexit hook)


TIMINGS: list[tuple[str, float]] = []   # (what, seconds), printed at the end of the test run


class SyncthingError(RuntimeError):
    pass


def report(what: str, seconds: float) -> None:
    """Print how long a round took (and keep it for the run's summary)."""
    TIMINGS.append((what, seconds))
    print(f"syncthing: {what}: {seconds:.2f} s")


def find_binary() -> str | None:
    """The syncthing executable to use, or None."""
    named = os.environ.get("DEALJOURNAL_SYNCTHING")
    if named:
        return named if os.path.isfile(named) and os.access(named, os.X_OK) else None
    return shutil.which("syncthing") or (
        "/usr/bin/syncthing" if os.access("/usr/bin/syncthing", os.X_OK) else None)


def binary_version(binary: str) -> str:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30,
                         env=_child_env(Path("/tmp")), check=False).stdout
    found = re.search(r"v\d+\.\d+\.\d+\S*", out)
    return found.group(0) if found else out.strip()


_PORTS: set[int] = set()   # handed out in this test run (the kernel may offer one twice)


def _free_port() -> int:
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind((HOST, 0))
            port = int(s.getsockname()[1])
        if port not in _PORTS:
            _PORTS.add(port)
            return port


def _child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.lower().endswith("_proxy") and not k.startswith("ST")}  # Go dials through ALL_PROXY
    env.update(HOME=str(home), STNOUPGRADE="1", STNORESTART="1", STNODEFAULTFOLDER="1", LC_ALL="C",
               STHASHING="minio",   # a named SHA-256 package: no ~1 s benchmark at every start (1.19)
               STMONITORED="1")     # no monitor process: one process, which dies with the tests
    return env


@atexit.register
def _kill_leftovers() -> None:
    for instance in list(_LIVE):
        instance.kill()


def _set(parent: ET.Element, tag: str, value: str) -> None:
    """Give *parent* exactly one child *tag* with text *value*."""
    found = parent.findall(tag)
    for extra in found[1:]:
        parent.remove(extra)
    element = found[0] if found else ET.SubElement(parent, tag)
    element.text = value


# Written into <options> before the first start (nothing may listen or call out even once).
_OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "stunKeepaliveStartS": "0",
    "urAccepted": "-1",
    "urSeen": "3",
    "autoUpgradeIntervalH": "0",
    "crashReportingEnabled": "false",
    "startBrowser": "false",
    "restartOnWakeup": "false",
    "setLowPriority": "false",
    "reconnectionIntervalS": str(RECONNECT_S),
    "limitBandwidthInLan": "true",
    "progressUpdateIntervalS": "1",
    "announceLANAddresses": "false",
}


class Instance:
    """One Syncthing process with its home, folder, ports and API key (restartable)."""

    def __init__(self, index: int, root: Path, binary: str, serve_help: str) -> None:
        self.index = index
        self.binary = binary
        self.home = root / f"st{index}"
        self.path = root / f"folder{index}"
        self.log_file = root / f"st{index}.log"   # not in the home: Syncthing may keep a syncthing.log there
        self.api_port = _free_port()
        self.sync_port = _free_port()
        self.api_key = secrets.token_urlsafe(24)
        self.device_id = ""
        self.process: subprocess.Popen[bytes] | None = None
        self._serve_help = serve_help
        self.home.mkdir(parents=True)
        self.path.mkdir(parents=True)
        (self.path / ".stfolder").mkdir()
        self._generate()

    def __repr__(self) -> str:
        return f"<syncthing {self.index} api={self.api_port} sync={self.sync_port} {self.device_id[:7]}>"

    @property
    def listen_address(self) -> str:
        return f"tcp://{HOST}:{self.sync_port}"

    # --- setup -----------------------------------------------------------------------

    def _generate(self) -> None:
        env = _child_env(self.home)
        attempts = ([self.binary, "generate", f"--home={self.home}", "--no-default-folder", "--skip-port-probing"],
                    [self.binary, f"-generate={self.home}"])   # before the `generate` command (< 1.19)
        errors = []
        for cmd in attempts:
            run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, check=False)
            if run.returncode == 0 and (self.home / "config.xml").is_file():
                break
            errors.append(f"{' '.join(cmd)}: exit {run.returncode}\n{run.stdout}{run.stderr}")
        else:
            raise SyncthingError("syncthing could not generate a configuration:\n" + "\n".join(errors))
        config = self.home / "config.xml"
        tree = ET.parse(config)
        top = tree.getroot()
        gui = top.find("gui")
        if gui is None:
            gui = ET.SubElement(top, "gui")
        gui.set("enabled", "true")
        gui.set("tls", "false")
        _set(gui, "address", f"{HOST}:{self.api_port}")
        _set(gui, "apikey", self.api_key)
        options = top.find("options")
        if options is None:
            options = ET.SubElement(top, "options")
        for tag in ("listenAddress", "globalAnnounceServer", "stunServer"):
            for element in options.findall(tag):
                options.remove(element)
        ET.SubElement(options, "listenAddress").text = self.listen_address
        for tag, value in _OPTIONS.items():
            _set(options, tag, value)
        for element in options.findall("minHomeDiskFree"):   # a nearly full disk must not stop the tests
            options.remove(element)
        ET.SubElement(options, "minHomeDiskFree", {"unit": "%"}).text = "0"
        for folder in top.findall("folder"):   # never a default folder
            top.remove(folder)
        me = top.findall("device")
        if len(me) != 1 or not me[0].get("id"):
            raise SyncthingError(f"unexpected devices in the generated {config}")
        self.device_id = str(me[0].get("id"))
        me[0].set("name", f"st{self.index}")
        tree.write(config, encoding="utf-8", xml_declaration=False)

    def know(self, others: Iterable[Instance]) -> None:
        """Write the other instances into config.xml (before the first start): their device
        IDs and explicit addresses. Through REST instead, the first instance to learn of the
        others dials them before they know it, is turned away ("unknown device"), and redials
        only in its connection loop's ramp-up (1.19: some 20 s later)."""
        config = self.home / "config.xml"
        tree = ET.parse(config)
        top = tree.getroot()
        known = {d.get("id") for d in top.findall("device")}
        at = list(top).index(top.findall("device")[-1]) + 1
        for other in others:
            if other.device_id in known:
                continue
            device = ET.Element("device", {"id": other.device_id, "name": f"st{other.index}",
                                           "compression": "metadata", "introducer": "false",
                                           "skipIntroductionRemovals": "false", "introducedBy": ""})
            ET.SubElement(device, "address").text = other.listen_address
            ET.SubElement(device, "paused").text = "false"
            ET.SubElement(device, "autoAcceptFolders").text = "false"
            top.insert(at, device)
            at += 1
        tree.write(config, encoding="utf-8", xml_declaration=False)

    # --- the process -----------------------------------------------------------------

    @property
    def alive(self) -> bool:
        return self.process is not None and not self._exited()

    def _exited(self) -> bool:
        """Whether the process has ended, without reaping it: until :meth:`kill` reaps it,
        its pid (and so its process group's id) cannot be given to another process."""
        if self.process is None or self.process.returncode is not None:
            return True
        try:
            return os.waitid(os.P_PID, self.process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
        except ChildProcessError:
            return True

    def _wait_exit(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self._exited():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def start(self) -> None:
        """Start the process and wait until its REST API answers."""
        self.launch()
        self.wait_ready()

    def launch(self) -> None:
        """Start the process (returns at once; :meth:`wait_ready` waits for it)."""
        if self.alive:
            return
        self.kill()   # reap an earlier, ended run
        wanted = ["--no-browser", "--no-restart", "--no-upgrade", "--no-default-folder", "--logflags=6",
                  f"--gui-address=http://{HOST}:{self.api_port}", f"--gui-apikey={self.api_key}"]
        cmd = [self.binary, "serve", f"--home={self.home}",   # only what this version knows
               *[flag for flag in wanted if flag.split("=")[0] in self._serve_help]]
        setpriv = shutil.which("setpriv")   # util-linux: dies with the test process, even on SIGKILL
        wrapper = [setpriv, "--pdeathsig", "KILL"] if setpriv else []
        with self.log_file.open("ab") as log:
            log.write(f"\n===== start {time.strftime('%H:%M:%S')}: {' '.join(cmd)}\n".encode())
            log.flush()
            self.process = subprocess.Popen(wrapper + cmd, stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, env=_child_env(self.home),
                                            cwd=str(self.home), start_new_session=True)
        _LIVE.add(self)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_WITHIN
        while True:
            if self.process is None:
                raise SyncthingError(f"syncthing {self.index} is not running")
            if self._exited():
                code = self.process.wait()
                self.kill()
                raise SyncthingError(f"syncthing {self.index} exited with {code}:\n{self.log_tail()}")
            try:
                status = self.get("/rest/system/status", timeout=2)
            except (OSError, http.client.HTTPException, SyncthingError, ValueError):
                if time.monotonic() > deadline:
                    self.kill()
                    raise SyncthingError(f"syncthing {self.index} did not answer on {HOST}:{self.api_port}:\n"
                                         f"{self.log_tail()}") from None
                time.sleep(0.05)
                continue
            if status.get("myID") != self.device_id:
                self.kill()
                raise SyncthingError(f"syncthing {self.index} runs as {status.get('myID')}, not {self.device_id}")
            return

    def kill(self) -> None:
        """SIGKILL to the whole process group at once (no shutdown, no flush), then reap."""
        if self.process is not None:
            if self.process.returncode is None:   # not reaped yet: the group id is still ours
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self.process = None
        _LIVE.discard(self)

    def stop(self, timeout: float = 15.0) -> None:
        """A clean shutdown (REST, then SIGTERM to the group), SIGKILL if it takes too long;
        whatever else is left in the process group is killed too."""
        if self.process is None:
            return
        if self.alive:
            with contextlib.suppress(OSError, http.client.HTTPException, SyncthingError):
                self.post("/rest/system/shutdown", timeout=5)
            if not self._wait_exit(timeout):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self.process.pid, signal.SIGTERM)
                if not self._wait_exit(1.0):
                    with contextlib.suppress(OSError), self.log_file.open("a") as log:
                        log.write(f"\n===== not gone {timeout + 1:.0f} s after the shutdown request: SIGKILL\n")
        self.kill()

    def pids(self) -> list[int]:
        """Every live process of this instance's process group."""
        if self.process is None:
            return []
        group = self.process.pid
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rfind(")") + 2:].split()
            if len(fields) > 2 and int(fields[2]) == group and fields[0] != "Z":
                found.append(int(entry.name))
        return found

    # --- the log ---------------------------------------------------------------------

    def log_text(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    # --- REST ------------------------------------------------------------------------

    def request(self, method: str, path: str, params: dict[str, Any] | None = None, body: Any = None,
                timeout: float = 30.0) -> Any:
        """One REST call; the decoded JSON answer (None for an empty one)."""
        target = path + ("?" + urlencode(params) if params else "")
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"X-API-Key": self.api_key}
        if data is not None:
            headers["Content-Type"] = "application/json"
        conn = http.client.HTTPConnection(HOST, self.api_port, timeout=timeout)
        try:
            conn.request(method, target, body=data if data is not None else (b"" if method != "GET" else None),
                         headers=headers)
            response = conn.getresponse()
            raw = response.read()
        finally:
            conn.close()
        if response.status >= 300:
            raise SyncthingError(f"syncthing {self.index}: {method} {target}: {response.status} "
                                 f"{raw[:500].decode('utf-8', 'replace')}")
        return json.loads(raw) if raw.strip() else None

    def get(self, path: str, timeout: float = 30.0, **params: Any) -> Any:
        return self.request("GET", path, params or None, timeout=timeout)

    def post(self, path: str, body: Any = None, timeout: float = 30.0, **params: Any) -> Any:
        return self.request("POST", path, params or None, body, timeout=timeout)

    def db_status(self, folder: str = FOLDER_ID) -> dict[str, Any]:
        return dict(self.get("/rest/db/status", folder=folder))

    def completion(self, device: str, folder: str = FOLDER_ID) -> dict[str, Any]:
        return dict(self.get("/rest/db/completion", folder=folder, device=device))

    def connected(self) -> set[str]:
        """The device IDs this instance has a live connection to."""
        answer = self.get("/rest/system/connections")
        return {device for device, c in answer.get("connections", {}).items() if c.get("connected")}

    def scan(self, sub: str | None = None, folder: str = FOLDER_ID, timeout: float = 30.0) -> None:
        """Scan the folder (or *sub* in it) now; returns once the scan is done. Retries while
        the folder is not ready yet (just added, or the instance just started)."""
        params = {"folder": folder} | ({"sub": sub} if sub else {})
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.request("POST", "/rest/db/scan", params, timeout=timeout)
                return
            except SyncthingError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def last_event_id(self) -> int:
        events = self.get("/rest/events", since=0, limit=1, timeout=5)
        return int(events[-1]["id"]) if events else 0

    def events(self, since: int = 0, timeout: float = 1.0) -> list[dict[str, Any]]:
        """The events after *since* (long poll: waits up to *timeout* s for the first one).
        Always the unfiltered stream: a filtered one (``events=…``) is a subscription of its
        own that Syncthing creates at the first such request, so it misses what came before."""
        params = {"since": since, "timeout": max(1, round(timeout))}
        return list(self.request("GET", "/rest/events", params, timeout=timeout + 30))

    def patch_options(self, **options: Any) -> None:
        self.request("PATCH", "/rest/config/options", body=options)


def _folder_config(template: dict[str, Any], path: Path, devices: list[str]) -> dict[str, Any]:
    config = dict(template)
    config.update(id=FOLDER_ID, label="Deal Journal", path=str(path), type="sendreceive",
                  devices=[{"deviceID": d, "introducedBy": "", "encryptionPassword": ""} for d in devices],
                  rescanIntervalS=RESCAN_INTERVAL_S, fsWatcherEnabled=True, fsWatcherDelayS=WATCH_DELAY_S,
                  pullerPauseS=PULLER_PAUSE_S, paused=False, markerName=".stfolder",
                  minDiskFree={"value": 0, "unit": "%"})
    return config


class Cluster:
    """N Syncthing instances sharing one send-receive folder over 127.0.0.1."""

    def __init__(self, root: Path, instances: list[Instance], version: str) -> None:
        self.root = root
        self.instances = instances
        self.version = version

    def __len__(self) -> int:
        return len(self.instances)

    def __getitem__(self, i: int) -> Instance:
        return self.instances[i]

    @classmethod
    def start(cls, tmp: Path, n: int = 3, binary: str | None = None) -> Cluster:
        """Generate, start, introduce and connect *n* instances in *tmp*; all stopped again
        if any step fails."""
        binary = binary or find_binary()
        if binary is None:
            raise SyncthingError("no syncthing binary (apt-get install syncthing)")
        serve_help = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True, timeout=30,
                                    env=_child_env(tmp), check=False).stdout
        root = Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        instances: list[Instance] = []
        cluster = cls(root, instances, binary_version(binary))
        try:
            instances.extend(Instance(i, root, binary, serve_help) for i in range(n))
            for instance in instances:
                instance.know(other for other in instances if other is not instance)
            for instance in instances:   # one after the other: each one's first dials find the
                instance.start()         # earlier ones listening, so every pair connects at once
            cluster._introduce()
            cluster.wait_connected(CONNECT_WITHIN)
            cluster.wait_idle(CONNECT_WITHIN)   # the folder shared everywhere, the first index exchange done
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def _introduce(self) -> None:
        """Through REST: check that every instance knows the others (device IDs, explicit
        addresses), then give each the shared folder, with its own local path."""
        ids = [st.device_id for st in self.instances]
        for st in self.instances:
            devices = {d["deviceID"]: d for d in st.get("/rest/config/devices")}
            for other in self.instances:
                device = devices.get(other.device_id)
                if device is None or (other is not st and device.get("addresses") != [other.listen_address]):
                    raise SyncthingError(f"syncthing {st.index} does not know {other.index} as configured: {device}")
        for st in self.instances:
            folder = _folder_config(dict(st.get("/rest/config/defaults/folder")), st.path, ids)
            st.request("PUT", f"/rest/config/folders/{FOLDER_ID}", body=folder)
        for st in self.instances:
            answer = st.get("/rest/config/restart-required")
            if answer and answer.get("requiresRestart"):
                raise SyncthingError(f"syncthing {st.index} wants a restart for its configuration")

    # --- what the tests use ----------------------------------------------------------

    def folder(self, i: int) -> Path:
        """Instance *i*'s local path of the shared folder."""
        return self.instances[i].path

    def scan(self, i: int, sub: str | None = None) -> None:
        self.instances[i].scan(sub)

    def running(self) -> list[Instance]:
        return [st for st in self.instances if st.alive]

    def kill(self, i: int) -> None:
        """SIGKILL instance *i* (its whole process group)."""
        self.instances[i].kill()

    def restart(self, i: int) -> None:
        """Stop instance *i* cleanly if it runs (a killed one just starts), then start it
        again: same home, database, ports and configuration."""
        self.instances[i].stop()
        self.instances[i].start()

    def stop(self, grace: float = 4.0) -> None:
        """Shut every instance down (all at once, then wait); never leaves a process behind.
        An instance not gone after *grace* seconds is killed (Syncthing 1.29 sometimes takes
        10 s to close a connection made a moment before)."""
        for st in self.instances:
            if st.alive:
                with contextlib.suppress(Exception):
                    st.post("/rest/system/shutdown", timeout=5)
        for st in self.instances:
            st.stop(timeout=grace)

    def logs(self, lines: int = 30) -> str:
        return "\n".join(f"--- syncthing {st.index} ({st.device_id[:7]}) ---\n{st.log_tail(lines)}"
                         for st in self.instances)

    def pids(self) -> list[int]:
        return [pid for st in self.instances for pid in st.pids()]

    def limit_recv(self, i: int, kib_per_s: int) -> None:
        """Throttle what instance *i* receives (0: no limit); applied at once."""
        self.instances[i].patch_options(maxRecvKbps=kib_per_s)

    def wait_connected(self, timeout: float = 30.0) -> None:
        """Until every running instance is connected to every other running one."""
        deadline = time.monotonic() + timeout
        while True:
            missing = self._unconnected()
            if not missing:
                return
            if time.monotonic() > deadline:
                raise SyncthingError(f"not connected: {missing}\n{self.logs()}")
            time.sleep(0.1)

    def _unconnected(self) -> list[str]:
        running = self.running()
        missing = []
        for st in running:
            try:
                linked = st.connected()
            except (OSError, http.client.HTTPException, SyncthingError) as exc:
                missing.append(f"{st.index}: {exc}")
                continue
            missing += [f"{st.index}->{o.index}" for o in running if o is not st and o.device_id not in linked]
        return missing

    def wait_idle(self, timeout: float = 30.0) -> float:
        """Scan every running instance, wait until the cluster has converged (see the
        module's docstring), then scan again: if that found anything (a conflict copy a pull
        has just made, a file written meanwhile) wait again. The seconds it took. Raises
        :class:`SyncthingError` with the last reason and the logs' tails on time-out."""
        started = time.monotonic()
        deadline = started + timeout
        self._scan_all(deadline)
        while True:
            sequences = self._wait_converged(deadline, timeout)
            self._scan_all(deadline)
            try:
                now = {st.index: st.db_status().get("sequence") for st in self.running()}
            except (OSError, http.client.HTTPException, SyncthingError):
                now = {}
            if now == sequences:
                return time.monotonic() - started

    def _scan_all(self, deadline: float) -> None:
        for st in self.running():
            st.scan(timeout=max(1.0, deadline - time.monotonic()))

    def _wait_converged(self, deadline: float, timeout: float) -> dict[int, Any]:
        """Until two checks in a row find the cluster converged; each instance's sequence."""
        good = 0
        while True:
            why, sequences = self._not_converged()
            good = good + 1 if why is None else 0
            if good >= 2:
                return sequences
            if time.monotonic() > deadline:
                raise SyncthingError(f"no convergence within {timeout:.0f} s: {why}\n{self.logs()}")
            time.sleep(0.1)

    def _not_converged(self) -> tuple[str | None, dict[int, Any]]:
        """Why the cluster has not converged (None: it has), and each instance's sequence."""
        running = self.running()
        if not running:
            return "no instance runs", {}
        status: dict[int, dict[str, Any]] = {}
        try:
            why = self._check(running, status)
        except (OSError, http.client.HTTPException, SyncthingError) as exc:
            why = f"REST call failed: {exc}"
        return why, {i: s.get("sequence") for i, s in status.items()}

    def _check(self, running: list[Instance], status: dict[int, dict[str, Any]]) -> str | None:
        """One look at the cluster (fills *status* with each instance's /rest/db/status)."""
        missing = self._unconnected()
        if missing:
            return f"not connected: {missing}"
        status.update({st.index: st.db_status() for st in running})
        for st in running:
            s = status[st.index]
            need = sum(int(s.get(k, 0)) for k in ("needFiles", "needDirectories", "needSymlinks", "needDeletes"))
            if s.get("state") != "idle" or need or s.get("needBytes") or s.get("pullErrors"):
                return (f"{st.index}: state {s.get('state')}, needs {need} items/{s.get('needBytes')} B, "
                        f"{s.get('pullErrors')} pull errors")
            for kind in ("Files", "Directories", "Symlinks", "Bytes"):
                if s.get(f"local{kind}") != s.get(f"global{kind}"):
                    return f"{st.index}: local{kind} {s.get(f'local{kind}')} != global {s.get(f'global{kind}')}"
        keys = ("globalFiles", "globalDirectories", "globalSymlinks", "globalDeleted", "globalBytes")
        views = {i: tuple(s.get(k) for k in keys) for i, s in status.items()}
        if len(set(views.values())) > 1:
            return f"global state differs: {views}"
        for st in running:
            for other in running:
                if other is st:
                    continue
                c = st.completion(other.device_id)
                if c.get("completion") != 100 or c.get("needItems", 0) or c.get("needDeletes", 0) \
                        or c.get("needBytes", 0):
                    return f"{st.index} sees {other.index} at {c}"
                if c.get("remoteState") not in (None, "valid"):
                    return f"{st.index} sees {other.index} in state {c.get('remoteState')}"
                if "sequence" in c and c["sequence"] != status[other.index].get("sequence"):
                    return (f"{st.index} knows {other.index}'s index up to {c['sequence']}, "
                            f"{other.index} is at {status[other.index].get('sequence')}")
        return None

    # --- events ----------------------------------------------------------------------

    def wait_event(self, i: int, types: Iterable[str], match: Callable[[dict[str, Any]], bool] = lambda e: True,
                   timeout: float = 20.0, since: int | None = None) -> dict[str, Any]:
        """The first event of *types* on instance *i* after *since* (default: now) for which
        *match* is true."""
        st = self.instances[i]
        kinds = list(types)
        last = st.last_event_id() if since is None else since
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in st.events(last, timeout=min(1.0, max(0.0, deadline - time.monotonic()))):
                last = max(last, int(event["id"]))
                if event.get("type") in kinds and match(event):
                    return event
        raise SyncthingError(f"no {kinds} event on syncthing {i} within {timeout} s\n{st.log_tail()}")

    # --- checks ----------------------------------------------------------------------

    def sockets(self) -> list[Socket]:
        """Every TCP/UDP socket the instances' processes hold (from /proc)."""
        return list(_sockets(self.pids()))


def tree_digest(root: Path, skip: Callable[[str], bool] = lambda name: False) -> dict[str, str]:
    """{relative path: sha256} of the files below *root*, without Syncthing's own
    (``.stfolder``, ``.stversions``, ``.syncthing.*.tmp``) and those *skip* names."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.split("/")[0] in (".stfolder", ".stversions") or path.name.startswith(".syncthing.") \
                or path.name.startswith("~syncthing~") or skip(rel) or not path.is_file():
            continue
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


# --- sockets, from /proc ---------------------------------------------------------------

class Socket(NamedTuple):
    proto: str          # tcp, tcp6, udp, udp6
    ip: str             # local address
    port: int
    state: str          # LISTEN, ESTABLISHED, … (UDP for udp)
    remote_ip: str
    remote_port: int    # 0: not connected


_TCP_STATES = {"01": "ESTABLISHED", "0A": "LISTEN", "06": "TIME_WAIT", "08": "CLOSE_WAIT", "02": "SYN_SENT"}


def _address(hex_addr: str) -> tuple[str, int]:
    host, port = hex_addr.split(":")
    raw = bytes.fromhex(host)
    if len(raw) == 4:
        ip = socket.inet_ntop(socket.AF_INET, raw[::-1])
    else:  # four little-endian 32-bit words
        ip = socket.inet_ntop(socket.AF_INET6, b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4)))
    return ip, int(port, 16)


def _sockets(pids: Iterable[int]) -> Iterator[Socket]:
    inodes: set[str] = set()
    for pid in pids:
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    target = os.readlink(fd)
                    if target.startswith("socket:["):
                        inodes.add(target[8:-1])
    for proto in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/net/{proto}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9 and fields[9] in inodes:
                ip, port = _address(fields[1])
                remote_ip, remote_port = _address(fields[2])
                state = _TCP_STATES.get(fields[3], fields[3]) if proto.startswith("tcp") else "UDP"
                yield Socket(proto, ip, port, state, remote_ip, remote_port)


def _loopback(ip: str) -> bool:
    mapped = ip.removeprefix("::ffff:")
    return mapped.startswith("127.") or mapped == "::1"


def loopback_violations(sockets: Iterable[Socket]) -> list[Socket]:
    """The sockets bound to anything but a loopback address (0.0.0.0, ::, a LAN address…),
    or connected to one."""
    return [so for so in sockets
            if not _loopback(so.ip) or (so.remote_port and not _loopback(so.remote_ip))]
