"""HTTP requests to a LanguageTool server's `/v2/check`.

Why not language-tool-python's `LanguageTool(remote_server=...)` on the hot path: its `Match`
objects correct offsets for astral characters only partly (lengths stay in UTF-16 units), so
we need the raw JSON anyway, and it adds a language-list request per instance. It does use
one new connection per request, which we keep deliberately: on Linux, LanguageTool's Java
HTTP server answers on a kept-alive connection ~40 ms late (Nagle on the server's split
response meets the client's delayed ACK; measured 80 ms vs 30 ms per short request), while a
fresh loopback connection costs well under a millisecond. So every request says
`Connection: close`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, TypeGuard

import requests

CONNECT_TIMEOUT_SECONDS = 5.0
READ_TIMEOUT_SECONDS = 180.0


class LanguageToolError(Exception):
    """A request to LanguageTool failed; the message is fit for an engine's `reason`."""


class LanguageToolConnectionError(LanguageToolError):
    """The server did not answer at all (not running, died, wrong host or port)."""


class LanguageToolTimeoutError(LanguageToolError):
    """The server took the request but gave no answer within the read timeout."""


class LanguageToolRejectedError(LanguageToolError):
    """The server answered 4xx: it refused the request itself (another server would too)."""


@dataclass(frozen=True)
class CheckResponse:
    """The parts of a `/v2/check` answer the engine uses."""

    matches: list[dict[str, Any]]
    version: str | None


class LanguageToolClient:
    """Checks text against one server URL (`scheme://host:port[/prefix]`, without `/v2`)."""

    def __init__(self, base_url: str, read_timeout: float | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.check_url = f"{self.base_url}/v2/check"
        self.read_timeout = read_timeout  # a probe: seconds; None: READ_TIMEOUT_SECONDS

    def check(self, text: str, parameters: dict[str, str]) -> CheckResponse:
        """POST one text; raise `LanguageToolError` with a one-line reason on any failure."""
        data = {**parameters, "text": text}
        read_timeout = self.read_timeout_for(text)
        try:
            response = requests.post(
                self.check_url,
                data=data,
                headers={"Connection": "close"},
                timeout=(CONNECT_TIMEOUT_SECONDS, read_timeout),
            )
        except requests.ConnectionError as exc:
            raise LanguageToolConnectionError(
                f"cannot reach LanguageTool at {self.base_url} ({_short(exc)})"
            ) from exc
        except requests.Timeout as exc:
            raise LanguageToolTimeoutError(
                f"LanguageTool at {self.base_url} gave no answer within {read_timeout:.0f} s"
            ) from exc
        except requests.RequestException as exc:
            raise LanguageToolError(f"LanguageTool at {self.base_url}: {_short(exc)}") from exc
        if response.status_code != 200:
            body = " ".join(response.text.split())[:300]
            error = LanguageToolRejectedError if 400 <= response.status_code < 500 else None
            raise (error or LanguageToolError)(
                f"LanguageTool at {self.base_url} answered HTTP {response.status_code}: {body}"
            )
        try:
            payload = response.json()
            matches = payload["matches"]
        except (ValueError, KeyError, TypeError) as exc:
            raise LanguageToolError(
                f"{self.check_url} did not answer like a LanguageTool server"
            ) from exc
        problem = malformed_matches(matches, _utf16_length(text))
        if problem is not None:
            raise LanguageToolError(
                f"LanguageTool answered with malformed matches: {problem} ({self.check_url})"
            )
        software = payload.get("software") or {}
        version = software.get("version") if isinstance(software, dict) else None
        return CheckResponse(matches=matches, version=str(version) if version else None)

    def read_timeout_for(self, text: str) -> float:
        """Seconds to wait for the answer to a check of `text` (after connecting)."""
        del text  # the same for every text; the background server's client scales it
        return self.read_timeout or READ_TIMEOUT_SECONDS

    def answers(self, language: str = "en-US") -> bool:
        """True when a check of a tiny text succeeds (used for readiness and `status`)."""
        try:
            self.check(".", {"language": language})
        except LanguageToolError:
            return False
        return True


def malformed_matches(matches: object, text_length: int) -> str | None:
    """What is wrong with a `/v2/check` answer's `matches` for a text of `text_length` UTF-16
    units (the first problem, in a few words), or None when the mapping can use them all:
    a list of objects, each with integer `offset` and `length` inside the text, a `rule`
    object with a string `id`, and `replacements` (when given) a list of objects whose
    `value` is a string."""
    if not isinstance(matches, list):
        return f"matches is {_kind(matches)}, not a list"
    for index, match in enumerate(matches):
        where = f"match {index}"
        if not isinstance(match, dict):
            return f"{where} is {_kind(match)}, not an object"
        offset, length = match.get("offset"), match.get("length")
        if not _is_int(offset) or not _is_int(length):
            return (
                f"{where}: offset and length must be integers "
                f"(got {_short_repr(offset)}, {_short_repr(length)})"
            )
        if offset < 0 or length < 0 or offset + length > text_length:
            return (
                f"{where}: offset {offset} length {length} is outside the text "
                f"({text_length} UTF-16 units)"
            )
        rule = match.get("rule")
        if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
            return f"{where}: rule must be an object with a string id (got {_short_repr(rule)})"
        category = rule.get("category")
        if category is not None and not isinstance(category, dict):
            return f"{where}: rule category must be an object (got {_short_repr(category)})"
        replacements = match.get("replacements")
        if replacements is None:
            continue
        if not isinstance(replacements, list):
            return f"{where}: replacements is {_kind(replacements)}, not a list"
        for replacement in replacements:
            if not isinstance(replacement, dict) or not isinstance(replacement.get("value"), str):
                return (
                    f"{where}: a replacement must be an object with a string value "
                    f"(got {_short_repr(replacement)})"
                )
    return None


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value: object) -> str:
    return "null" if value is None else f"a {type(value).__name__}"


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _utf16_length(text: str) -> int:
    """The length of `text` in UTF-16 code units (LanguageTool's offsets are in those)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


DOWN_SECONDS = 30.0
"""How long a server that failed is left out before it is tried again."""

_down_until: dict[str, float] = {}
_down_lock = threading.Lock()


class LanguageToolPool(LanguageToolClient):
    """Spreads requests over several servers (round robin); a server that fails a request
    is marked down for DOWN_SECONDS (for every pool in this process) and the request is
    retried on the next one. Only when every server failed does `check` raise, naming each."""

    def __init__(self, base_urls: list[str], down_seconds: float = DOWN_SECONDS) -> None:
        super().__init__(base_urls[0])
        self.clients = [LanguageToolClient(url) for url in base_urls]
        self.base_url = ",".join(client.base_url for client in self.clients)
        self._down_seconds = down_seconds
        self._next = 0
        self._lock = threading.Lock()

    def check(self, text: str, parameters: dict[str, str]) -> CheckResponse:
        failures: list[str] = []
        for client in self._order():
            try:
                return client.check(text, parameters)
            except LanguageToolError as exc:
                failures.append(str(exc))
                with _down_lock:
                    _down_until[client.base_url] = time.monotonic() + self._down_seconds
        error = LanguageToolConnectionError if len(failures) == len(self.clients) else None
        raise (error or LanguageToolError)("; ".join(failures))

    def down(self) -> list[str]:
        """The servers currently left out."""
        now = time.monotonic()
        with _down_lock:
            return [c.base_url for c in self.clients if _down_until.get(c.base_url, 0) > now]

    def _order(self) -> list[LanguageToolClient]:
        """Every server once: the up ones from the round-robin position, then the down ones
        (a last resort, so a wrongly marked server cannot make the check fail)."""
        with self._lock:
            start = self._next
            self._next = (self._next + 1) % len(self.clients)
        rotated = self.clients[start:] + self.clients[:start]
        down = set(self.down())
        return [c for c in rotated if c.base_url not in down] + [
            c for c in rotated if c.base_url in down
        ]


def _short(exc: Exception) -> str:
    text = str(exc)
    if "Connection refused" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "unknown host"
    return " ".join(text.split())[:200]
