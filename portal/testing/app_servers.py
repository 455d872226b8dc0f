"""The portal's processes as a deployment runs them, started for a test: gunicorn app servers and
Huey consumers (`manage.py run_huey`), each a subprocess with its own log file.

Used by portal/core/tests/test_two_servers.py; like bench/front_page.py it starts gunicorn on a
free loopback port and waits for /healthz, but bounded for a test and with every process's
output kept for the assertion messages.
"""

import http.client
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from portal.testing.smtp import LOOPBACK, free_port

ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 60.0  # four Django processes starting at once on two busy cores


@dataclass
class Process:
    """A started process: its name, its log (stdout and stderr together) and, for a web
    server, its port."""

    name: str
    popen: subprocess.Popen
    log_path: Path
    port: int | None = None
    _log: object = field(default=None, repr=False)
    _terminated: bool = False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def terminate(self) -> None:
        """Ask it to stop (SIGTERM), once."""
        if self.popen.poll() is None and not self._terminated:
            self.popen.send_signal(signal.SIGTERM)
            self._terminated = True

    def stop(self, timeout: float = 15) -> None:
        """SIGTERM (if not sent yet), wait, and SIGKILL what is still running then."""
        self.terminate()
        if self.popen.returncode is None:
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=timeout)
        if self._log is not None:
            self._log.close()

    def describe(self) -> str:
        """The last lines of the log, for a failure message."""
        lines = self.log().splitlines()[-40:]
        return f"--- {self.name} (exit {self.popen.poll()}) ---\n" + "\n".join(lines)


def _start(name: str, args: list[str], env: dict, log_dir: Path, port: int | None) -> Process:
    log_path = log_dir / f"{name}.log"
    log = log_path.open("w")
    popen = subprocess.Popen(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    return Process(name=name, popen=popen, log_path=log_path, port=port, _log=log)


def start_gunicorn(name: str, env: dict, log_dir: Path, *, threads: int = 4) -> Process:
    """gunicorn config.wsgi, one worker with `threads` threads, on a free loopback port."""
    port = free_port()
    args = ["-m", "gunicorn", "config.wsgi", "--bind", f"{LOOPBACK}:{port}", "--workers", "1"]
    args += ["--threads", str(threads), "--graceful-timeout", "5", "--access-logfile", "-"]
    return _start(name, args, env, log_dir, port)


def start_consumer(name: str, env: dict, log_dir: Path, *extra: str) -> Process:
    """manage.py run_huey: the queue's worker threads and, unless --no-periodic, its scheduler."""
    return _start(name, ["manage.py", "run_huey", *extra], env, log_dir, None)


def wait_until(
    condition: Callable[[], object], *, timeout: float, what: str, processes=()
) -> object:
    """Poll `condition` until it returns something true; fail with the processes' logs if it
    has not within `timeout` seconds or one of them exited."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        exited = [p for p in processes if p.popen.poll() is not None]
        if exited or time.monotonic() > deadline:
            logs = "\n".join(p.describe() for p in processes)
            reason = f"{', '.join(p.name for p in exited)} exited" if exited else "timed out"
            raise AssertionError(f"{what}: {reason}\n{logs}")
        time.sleep(0.1)


def healthy(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection(LOOPBACK, port, timeout=5)
        conn.request("GET", "/healthz")
        return conn.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False


def wait_until_up(servers: list[Process], timeout: float = STARTUP_TIMEOUT) -> None:
    for server in servers:
        wait_until(
            lambda server=server: healthy(server.port),
            timeout=timeout,
            what=f"{server.name} answering /healthz",
            processes=servers,
        )


def production_env(**settings: str) -> dict:
    """This process's environment without what the test settings put there (demo mode, the
    settings module), plus `settings`."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("PORTAL_DEMO", "DJANGO_SETTINGS_MODULE")
    }
    env.update(settings)
    return env
