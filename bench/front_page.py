"""Front-page benchmark: the signed-in request and the common pages under gunicorn on PostgreSQL.

Sets up a PostgreSQL database (migrate, cache table, demo data, a 100-post thread, static files),
starts gunicorn with production-like settings on a free loopback port, signs in as the caseworker
demo login and loads the bare view (anonymous and signed in), the front page, the thread list and
the 100-post thread from concurrent keep-alive clients, in interleaved rounds. Prints latency
percentiles, throughput, errors and each page's requests/s as a share of the anonymous bare
view's, next to issue 17's goals. Loopback only; bounded in requests and in time. See
bench/README.md.
"""

import argparse
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
DEMO_EMAIL = "sagsbehandler@demo.samarbejdsportalen.dk"
DEMO_PASSWORD = "demo-portal-2026"
HOST = "127.0.0.1"


@dataclass
class Result:
    endpoint: str
    requests: int
    concurrency: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    requests_per_s: float
    errors: int


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="measured requests per endpoint")
    parser.add_argument("--warmup", type=int, default=200, help="unmeasured requests first")
    parser.add_argument("--concurrency", type=int, default=20, help="concurrent clients")
    parser.add_argument(
        "--sessions",
        type=int,
        default=1,
        choices=range(1, 26),
        metavar="1..25",
        help="separate sign-ins shared round-robin by the clients (login is rate-limited)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="interleaved rounds: every endpoint once per round, --requests split over them",
    )
    parser.add_argument(
        "--time-limit", type=float, default=600, help="seconds before a run is cut short"
    )
    return parser.parse_args()


def ensure_database(url: str) -> None:
    """Create the benchmark database if it is missing (connecting to the "postgres" database)."""
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")


def postgres_database(default_url: str, script: str) -> str:
    """DATABASE_URL (or the benchmark's default), which must be PostgreSQL, created if missing."""
    database_url = os.environ.get("DATABASE_URL", default_url)
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"{script} needs PostgreSQL: set DATABASE_URL=postgres://...")
    ensure_database(database_url)
    return database_url


def bench_env(database_url: str, **settings: str) -> dict:
    """The environment of a benchmark's portal: production settings, a throwaway secret key,
    the benchmarks' own data folder (never the demo's), plus `settings`."""
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_DEMO"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        PORTAL_DATA_DIR=str(ROOT / "var" / "bench"),
        LOG_LEVEL="WARNING",
        **settings,
    )
    return env


def web_bench_env(database_url: str, port: int) -> dict:
    """bench_env for a portal served over plain http on loopback, with /bench/hello."""
    return bench_env(
        database_url,
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        PORTAL_BENCH_HELLO="1",
        ALLOWED_HOSTS=HOST,
        SITE_URL=f"http://{HOST}:{port}",
    )


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=600)


def in_process_setup(database_url: str, **settings: str) -> None:
    """Migrate, make the cache table and collect the static files (the pages' CSS), then set
    Django up in this process, for a benchmark that drives pages through Django's test client
    on plain http (bench_env plus `settings`)."""
    env = {"SECURE_SSL_REDIRECT": "0", "SECURE_COOKIES": "0", "ALLOWED_HOSTS": HOST, **settings}
    os.environ.update(bench_env(database_url, **env))
    manage(dict(os.environ), "migrate", "--noinput", "--verbosity", "0")
    manage(dict(os.environ), "createcachetable")
    manage(dict(os.environ), "collectstatic", "--noinput", "--verbosity", "0")
    import django

    django.setup()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {server.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz in time")


def _cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    jar = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {key: morsel.value for key, morsel in jar.items()}


def sign_in(port: int) -> str:
    """Sign in over HTTP as a person would; return the Cookie header of the session."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", "/konto/login/")
    response = conn.getresponse()
    response.read()
    cookies = _cookies(response)
    body = urllib.parse.urlencode(
        {
            "login": DEMO_EMAIL,
            "password": DEMO_PASSWORD,
            "csrfmiddlewaretoken": cookies["csrftoken"],
        }
    )
    conn.request(
        "POST",
        "/konto/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken']}",
            "Referer": f"http://{HOST}:{port}/konto/login/",
        },
    )
    response = conn.getresponse()
    response.read()
    cookies.update(_cookies(response))
    if response.status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"sign-in failed: HTTP {response.status}")
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    # The profile page needs a signed-in person: a redirect here means the session did not take.
    conn.request("GET", "/profil/", headers={"Cookie": cookie})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"session not signed in: /profil/ answered {response.status}")
    # As a browser: the page showed the sign-in's message, whose cookie it cleared. Sent on,
    # the message would be pending on every request (and shown on every page measured).
    for name, value in _cookies(response).items():
        if value:
            cookies[name] = value
        else:
            cookies.pop(name, None)
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def load(
    port: int, path: str, cookies: list[str | None], count: int, concurrency: int, deadline: float
) -> tuple[list[float], int, float]:
    """`count` GETs of `path` from `concurrency` threads, each on its own keep-alive connection.

    Client i sends cookies[i % len(cookies)] (None: no cookie, an anonymous visitor).
    """
    latencies: list[float] = []
    errors = 0
    remaining = count
    lock = threading.Lock()

    def client(cookie: str | None):
        nonlocal remaining, errors
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        mine, my_errors = [], 0
        while time.monotonic() < deadline:
            with lock:
                if remaining <= 0:
                    break
                remaining -= 1
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
            mine.append(time.perf_counter() - start)
            my_errors += not ok
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += my_errors

    threads = [
        threading.Thread(target=client, args=(cookies[i % len(cookies)],))
        for i in range(concurrency)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    errors += remaining  # requests the time limit cut off count as errors
    return latencies, errors, elapsed


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    index = max(0, min(len(sorted_values) - 1, round(p / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


def measure(port, path, cookies, args, deadline, label) -> Result:
    load(port, path, cookies, args.warmup, args.concurrency, deadline)
    latencies, errors, elapsed = load(
        port, path, cookies, args.requests, args.concurrency, deadline
    )
    latencies.sort()
    return Result(
        endpoint=label,
        requests=len(latencies),
        concurrency=args.concurrency,
        p50_ms=percentile(latencies, 50) * 1000,
        p95_ms=percentile(latencies, 95) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
        requests_per_s=len(latencies) / elapsed if elapsed else 0.0,
        errors=errors,
    )


def print_table(results: list[Result]) -> None:
    header = (
        f"{'endpoint':<26}{'requests':>9}{'conc.':>7}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'req/s':>9}{'errors':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.endpoint:<26}{r.requests:>9}{r.concurrency:>7}{r.p50_ms:>9.1f}"
            f"{r.p95_ms:>9.1f}{r.p99_ms:>9.1f}{r.requests_per_s:>9.0f}{r.errors:>8}"
        )


def start_server(
    env: dict, *, port: int, workers: int, threads: int, log_path: Path
) -> subprocess.Popen:
    """gunicorn as in production, in its own process group so that stop() ends all of it."""
    with log_path.open("w") as log:
        return subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--graceful-timeout",
                "5",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# The bare view anonymously is the floor every page is measured against (issue 17's goals):
# (label, path or None for the long thread, share of the anonymous bare view's requests/s).
ANONYMOUS = "/bench/hello (anonymous)"
ENDPOINTS = [
    (ANONYMOUS, "/bench/hello", 1.0),
    ("/bench/hello (signed in)", "/bench/hello", 0.70),
    ("/ (signed in)", "/", 0.50),
    ("/debat/ (signed in)", "/debat/", 0.50),
    ("thread, 100 posts", None, 0.25),
]
LONG_THREAD_POSTS = 100


def long_thread_path(env: dict) -> str:
    """The path of the benchmark's 100-post thread (bench/long_thread.py makes it once)."""
    out = subprocess.run(
        [PYTHON, "bench/long_thread.py", "--posts", str(LONG_THREAD_POSTS)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
        capture_output=True,
        text=True,
    ).stdout
    return out.strip().splitlines()[-1]


def expect_ok(port: int, path: str, cookie: str) -> None:
    """Fail before the load if a page does not answer 200 (a redirect or 404 would only show as
    errors after minutes of load)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie})
    response = conn.getresponse()
    response.read()
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}, not 200")


def merge_rounds(rounds: list[Result]) -> Result:
    """One endpoint's rounds as one result: requests/s over the time of all rounds, the latency
    percentiles of the slowest round (each round's are of its own requests)."""
    requests = sum(r.requests for r in rounds)
    seconds = sum(r.requests / r.requests_per_s for r in rounds if r.requests_per_s)
    return Result(
        endpoint=rounds[0].endpoint,
        requests=requests,
        concurrency=rounds[0].concurrency,
        p50_ms=max(r.p50_ms for r in rounds),
        p95_ms=max(r.p95_ms for r in rounds),
        p99_ms=max(r.p99_ms for r in rounds),
        requests_per_s=requests / seconds if seconds else 0.0,
        errors=sum(r.errors for r in rounds),
    )


def print_goals(results: list[Result]) -> list[dict]:
    """Each endpoint's requests/s as a share of the anonymous bare view's, next to its goal."""
    by_label = {r.endpoint: r for r in results}
    floor = by_label[ANONYMOUS].requests_per_s
    rows = []
    print()
    print(f"{'share of the anonymous bare view':<34}{'req/s':>8}{'share':>8}{'goal':>8}  met")
    for label, _path, goal in ENDPOINTS[1:]:
        rate = by_label[label].requests_per_s
        share = rate / floor if floor else 0.0
        rows.append({"endpoint": label, "share": share, "goal": goal, "met": share >= goal})
        print(
            f"{label:<34}{rate:>8.0f}{share:>8.0%}{goal:>8.0%}  {'yes' if share >= goal else 'NO'}"
        )
    return rows


def main() -> int:
    args = parse_args()
    database_url = postgres_database(DEFAULT_DATABASE_URL, "bench/front_page.py")

    port = free_port()
    env = web_bench_env(database_url, port)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    # Start every run from an empty cache, so the login rate limit of the last run does not carry.
    with psycopg.connect(database_url, autocommit=True) as conn:
        if conn.execute("SELECT to_regclass('portal_cache')").fetchone()[0]:
            conn.execute("TRUNCATE portal_cache")
    # The demo data holds known passwords, so load_demo runs only in demo mode; the server below
    # does not.
    manage({**env, "PORTAL_DEMO": "1"}, "load_demo")
    thread_path = long_thread_path(env)
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")

    server = start_server(
        env,
        port=port,
        workers=args.workers,
        threads=args.threads,
        log_path=ROOT / "var" / "bench" / "gunicorn.log",
    )
    try:
        wait_until_up(port, server)
        signed_in = [sign_in(port) for _ in range(args.sessions)]
        for _label, path, _goal in ENDPOINTS:
            expect_ok(port, path or thread_path, signed_in[0])
        deadline = time.monotonic() + args.time_limit
        # The bare view twice: signed in it still pays for the middleware (session, user, roles,
        # session activity tracking); anonymous it shows the floor of gunicorn and Django. The
        # rounds interleave the endpoints, so a neighbour's load on a shared machine falls on
        # all of them alike.
        per_round = argparse.Namespace(
            **{**vars(args), "requests": max(1, args.requests // args.rounds)}
        )
        rounds: dict[str, list[Result]] = {label: [] for label, _path, _goal in ENDPOINTS}
        for _ in range(args.rounds):
            for label, path, _goal in ENDPOINTS:
                cookies = [None] if label == ANONYMOUS else signed_in
                rounds[label].append(
                    measure(port, path or thread_path, cookies, per_round, deadline, label)
                )
        results = [merge_rounds(rounds[label]) for label, _path, _goal in ENDPOINTS]
    finally:
        stop(server)

    print()
    cache = "Redis" if env.get("REDIS_URL") else "database"
    print(
        f"gunicorn config.wsgi, {args.workers} workers x {args.threads} threads, PostgreSQL, "
        f"{cache} cache, {args.sessions} signed-in session(s), {args.rounds} interleaved "
        f"rounds; client and server share {os.cpu_count()} CPUs"
    )
    print_table(results)
    goals = print_goals(results)
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (results_dir / f"front_page-{stamp}.json").write_text(
        json.dumps(
            {"args": vars(args), "results": [asdict(r) for r in results], "goals": goals},
            indent=2,
        )
    )
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
