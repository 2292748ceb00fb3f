"""The real LanguageTool server: killed mid-check, bound to loopback only, and a full check
with every non-loopback connection refused."""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import socket
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from reviewer.engines.languagetool.client import CheckResponse, LanguageToolClient
from reviewer.engines.languagetool.server import ServerManager, ServerState
from tests.reliability.helpers import run_cli

pytestmark = pytest.mark.languagetool

PARAGRAPH = (
    "Mr. Pompeo He refused the the offer, the minister said on Tuesday in the capital. "
    "Officials declined to comment further on the matter, and the talks was postponed. "
    "The delegation will returned next week to discuss the remaining questions in detail.\n"
)


def _engines(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in report["engines"]}


def _artefacts_flags(report: dict[str, Any]) -> list[tuple[object, ...]]:
    return sorted(
        (f["rule"], f["start"], f["end"]) for f in report["flags"] if f["engine"] == "artefacts"
    )


def test_server_killed_mid_check_then_restarted_by_the_next_check(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    shared_local_server: ServerManager,
) -> None:
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_CACHE", "off")
    path = tmp_path / "long.txt"
    path.write_text(PARAGRAPH * 80, encoding="utf-8")  # several requests, each ~seconds
    code, out, err = run_cli(
        capsys, "check", str(path), "--engines", "artefacts", "--format", "json"
    )
    assert code == 0, err
    expected = _artefacts_flags(json.loads(out))

    original_check = LanguageToolClient.check
    requested = threading.Event()
    killed: list[int] = []

    def check(self: LanguageToolClient, text: str, parameters: dict[str, str]) -> CheckResponse:
        if text != ".":  # not the readiness probe
            requested.set()
        return original_check(self, text, parameters)

    def killer() -> None:
        if requested.wait(120):
            time.sleep(0.05)  # the request is in flight
            pid = shared_local_server.pid
            if pid is not None:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

    monkeypatch.setattr(LanguageToolClient, "check", check)
    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    began = time.monotonic()
    code, out, err = run_cli(capsys, "check", str(path), "--format", "json")
    elapsed = time.monotonic() - began
    thread.join(10)
    assert killed, "the check never sent a request"
    assert code == 0, err
    assert "Traceback" not in err
    report = json.loads(out)
    lt = _engines(report)["languagetool"]
    assert lt["status"] == "unavailable"
    assert "restarted" in lt["reason"]
    assert _engines(report)["artefacts"]["status"] == "ok"
    assert _artefacts_flags(report) == expected
    assert elapsed < 240

    code, out, err = run_cli(capsys, "check", str(path), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert _engines(report)["languagetool"]["status"] == "ok"  # a new server answered
    assert any(f["engine"] == "languagetool" for f in report["flags"])


def _listeners(port: int) -> list[str]:
    """Local addresses listening on `port`, read from /proc/net/tcp and tcp6."""
    found: list[str] = []
    for table, size in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if int(port_hex, 16) != port or fields[3] != "0A":  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            # The kernel prints each 32-bit word in host (little-endian) order.
            words = [raw[i : i + 4][::-1] for i in range(0, size, 4)]
            ip = ipaddress.ip_address(b"".join(words))
            # Java listens on an IPv6 socket; ::ffff:127.0.0.1 is the IPv4 loopback itself.
            mapped = getattr(ip, "ipv4_mapped", None)
            found.append(str(mapped or ip))
    return found


def test_the_server_listens_on_127_0_0_1_only(shared_local_server: ServerManager) -> None:
    status = shared_local_server.ensure_ready()
    assert status.state is ServerState.READY, status.reason
    assert status.url is not None
    port = urlsplit(status.url).port
    assert port is not None
    assert _listeners(port) == ["127.0.0.1"]


XLIFF_WITHOUT_LANGUAGES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="nota.html" datatype="html"><body>
    <trans-unit id="1"><source>La policía detuvo a 1.500 manifestantes en Madrid.</source>
      <target>The police arrested 1,500 protesters in Madrid.</target></trans-unit>
    <trans-unit id="2"><source>El ministro no quiso hacer comentarios sobre el acuerdo.</source>
      <target>The minister declined to comment on the agreement.</target></trans-unit>
  </body></file>
</xliff>
"""


@pytest.mark.parametrize("name", ["article.txt", "nota.xlf"])
def test_a_full_check_makes_no_connection_beyond_loopback(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    shared_local_server: ServerManager,
    name: str,
) -> None:
    """Nothing leaves the machine: LanguageTool is ours on 127.0.0.1, and the bilingual
    file (no languages declared, so the source engine detects Spanish) loads no model."""
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and not ipaddress.ip_address(host).is_loopback:
            attempts.append(address)
            raise OSError(f"test: connection to {address} refused (no text leaves the machine)")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    path = tmp_path / name
    text = PARAGRAPH * 3 if name.endswith(".txt") else XLIFF_WITHOUT_LANGUAGES
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(capsys, "check", str(path), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert {name: e["status"] for name, e in _engines(report).items()} == {
        "artefacts": "ok",
        "languagetool": "ok",
        "source": "ok",
    }
    if name.endswith(".txt"):
        assert any(f["engine"] == "languagetool" for f in report["flags"])
    else:
        assert "detected as es" in " ".join(_engines(report)["source"]["notices"])
    assert attempts == []
