"""A small fake LanguageTool server on 127.0.0.1 that misbehaves on purpose."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

# How each mode answers a POST to /v2/check: (status, content type, body), or None to hang.
ANSWERS: dict[str, tuple[int, str, bytes] | None] = {
    "http-500": (500, "text/plain", b"java.lang.OutOfMemoryError: Java heap space"),
    "garbage": (200, "application/json", b"\x00\xff<html>not json at all"),
    "wrong-json": (200, "application/json", b'{"software": {"version": 6.8}, "hits": []}'),
    "bad-matches": (
        200,
        "application/json",
        b'{"matches": [{"offset": -7, "length": 99999, "rule": null}, 42, "x"]}',
    ),
    "hang": None,
    "hang-after-probe": None,  # answers the background record's probe (".") and hangs after
}
_PROBE_TEXT = "."
_EMPTY_ANSWER = json.dumps(
    {"software": {"name": "LanguageTool", "version": "6.8"}, "matches": []}
).encode()


@contextmanager
def fake_languagetool(
    mode: str, hang_seconds: float = 30.0, received: list[str] | None = None
) -> Iterator[str]:
    """Serve `mode` on a free loopback port; yield the base URL (no /v2). The text of every
    request is appended to `received`, when given."""
    answer = ANSWERS[mode]
    released = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
            if received is not None:
                received.extend(form.get("text", []))
            if mode == "hang-after-probe" and form.get("text") == [_PROBE_TEXT]:
                self._send(200, "application/json", _EMPTY_ANSWER)
                return
            if answer is None:
                released.wait(hang_seconds)  # past the client's timeout
                return
            self._send(*answer)

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST  # noqa: N815 (http.server's naming)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        released.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextmanager
def recording_languagetool() -> Iterator[tuple[str, list[str]]]:
    """A fake server answering `/v2/check` as LanguageTool 6.8 with no matches; yields its
    base URL and the texts it received (to test where requests go, not what is found)."""
    received: list[str] = []
    body = json.dumps({"software": {"name": "LanguageTool", "version": "6.8"}, "matches": []})

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode("utf-8"))
            received.extend(form.get("text", []))
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextmanager
def spelling_languagetool(
    corrections: dict[str, str],
) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A fake LanguageTool 6.8 that flags every occurrence of each word of `corrections` as a
    spelling mistake (MORFOLOGIK_RULE_EN_US, the correction its one suggestion); yields its
    base URL and the form of every request it received (text, language, disabledRules...).
    ASCII texts only: the offsets it answers are Python's, LanguageTool counts UTF-16."""
    received: list[dict[str, str]] = []

    def matches(text: str) -> list[dict[str, object]]:
        found: list[dict[str, object]] = []
        for word, correction in corrections.items():
            for hit in re.finditer(rf"\b{re.escape(word)}\b", text):
                found.append(
                    {
                        "message": "Possible spelling mistake found.",
                        "offset": hit.start(),
                        "length": len(word),
                        "replacements": [{"value": correction}],
                        "rule": {
                            "id": "MORFOLOGIK_RULE_EN_US",
                            "issueType": "misspelling",
                            "category": {"id": "TYPOS", "name": "Possible Typo"},
                        },
                    }
                )
        return found

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode("utf-8"))
            fields = {key: values[0] for key, values in form.items()}
            received.append(fields)
            data = json.dumps(
                {
                    "software": {"name": "LanguageTool", "version": "6.8"},
                    "matches": matches(fields.get("text", "")),
                }
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
