"""A round-robin HTTP proxy on loopback: each request goes to the next backend in turn.

The load balancer of a deployment with several app servers, as small as it can be, for tests
that prove what the servers share (portal/core/tests/test_two_servers.py). It turns per request,
not per connection, so two requests in a row never reach the same server, and it names the
server that answered each response in `X-Served-By`. The client sees one address: its cookies
(session, CSRF) go to whichever server is next.

    with RoundRobinProxy({"A": port_a, "B": port_b}) as proxy:
        requests.get(proxy.url + "/")    # answered by A
        requests.get(proxy.url + "/")    # answered by B

Plain HTTP/1.1 with Content-Length bodies (what `requests` sends); each forwarded request opens
its own connection to the backend.
"""

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOOPBACK = "127.0.0.1"
SERVED_BY = "X-Served-By"
# Headers about one connection, not the message: never passed on (RFC 9110 7.6.1).
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}


class RoundRobinProxy:
    """Listens on 127.0.0.1 and a free port; hands request n to backend n mod len(backends)."""

    def __init__(self, backends: dict[str, int], *, host: str = LOOPBACK, timeout: float = 60):
        # Name → port; may be filled in after start() (the servers may need the proxy's address).
        self.backends = dict(backends)
        self.host = host
        self.timeout = timeout
        self.served: list[str] = []  # the backend of every request, in the order they came
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def upcoming(self) -> str:
        """The backend the next request will go to."""
        with self._lock:
            names = list(self.backends)
            return names[len(self.served) % len(names)]

    def next_backend(self) -> tuple[str, int]:
        with self._lock:
            names = list(self.backends)
            name = names[len(self.served) % len(names)]
            self.served.append(name)
            return name, self.backends[name]

    def start(self) -> "RoundRobinProxy":
        proxy = self

        class Handler(_ForwardingHandler):
            pass

        Handler.proxy = proxy
        self._server = ThreadingHTTPServer((self.host, 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="round-robin-proxy", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "RoundRobinProxy":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


class _ForwardingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive towards the client
    proxy: RoundRobinProxy

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if self.headers.get("Transfer-Encoding"):
            self.send_error(411, "chunked request bodies are not supported")
            return
        body = self.rfile.read(length) if length else None
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP]
        name, port = self.proxy.next_backend()
        backend = http.client.HTTPConnection(self.proxy.host, port, timeout=self.proxy.timeout)
        try:
            backend.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for key, value in headers:
                backend.putheader(key, value)
            backend.endheaders(body)
            response = backend.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.send_error(502, f"backend {name} failed: {error}")
            return
        finally:
            backend.close()
        self.send_response_only(response.status, response.reason)
        for key, value in response.getheaders():
            if key.lower() not in _HOP_BY_HOP and key.lower() != "content-length":
                self.send_header(key, value)
        self.send_header(SERVED_BY, name)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _forward

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass  # quiet: the test reads X-Served-By and `served` instead
