"""A small fake LanguageTool server on 127.0.0.1 that misbehaves on purpose."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

Answer = tuple[int, str, bytes] | None  # (status, content type, body), or None to hang

# How each mode answers a POST to /v2/check.
ANSWERS: dict[str, Answer] = {
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


@contextmanager
def _serve(
    answer_for: Callable[[dict[str, str]], Answer], hang_seconds: float = 30.0
) -> Iterator[str]:
    """Serve POST (and GET) requests on a free loopback port, each answered by
    `answer_for(form)` (the request's form, first values); yield the base URL (no /v2).
    An answer of None hangs for `hang_seconds` (past the client's timeout) or until the
    server stops."""
    released = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
            answer = answer_for({key: values[0] for key, values in form.items()})
            if answer is None:
                released.wait(hang_seconds)
                return
            status, content_type, body = answer
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


def _matches(matches: list[dict[str, object]]) -> Answer:
    """LanguageTool 6.8's answer with these matches."""
    body = {"software": {"name": "LanguageTool", "version": "6.8"}, "matches": matches}
    return 200, "application/json", json.dumps(body).encode()


@contextmanager
def fake_languagetool(
    mode: str, hang_seconds: float = 30.0, received: list[str] | None = None
) -> Iterator[str]:
    """Serve `mode` on a free loopback port; yield the base URL (no /v2). The text of every
    request is appended to `received`, when given."""
    answer = ANSWERS[mode]

    def answer_for(form: dict[str, str]) -> Answer:
        if received is not None and "text" in form:
            received.append(form["text"])
        if mode == "hang-after-probe" and form.get("text") == _PROBE_TEXT:
            return _matches([])
        return answer

    with _serve(answer_for, hang_seconds) as url:
        yield url


@contextmanager
def recording_languagetool() -> Iterator[tuple[str, list[str]]]:
    """A fake server answering `/v2/check` as LanguageTool 6.8 with no matches; yields its
    base URL and the texts it received (to test where requests go, not what is found)."""
    received: list[str] = []

    def answer_for(form: dict[str, str]) -> Answer:
        if "text" in form:
            received.append(form["text"])
        return _matches([])

    with _serve(answer_for) as url:
        yield url, received


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

    def answer_for(form: dict[str, str]) -> Answer:
        received.append(form)
        return _matches(matches(form.get("text", "")))

    with _serve(answer_for) as url:
        yield url, received
