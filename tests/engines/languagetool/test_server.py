"""`ServerManager`: background start, observable state, failure reasons, 127.0.0.1 only."""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineStatus
from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.install import Installation
from reviewer.engines.languagetool.server import (
    ServerManager,
    ServerState,
    ServerStatus,
    shared_server,
)

pytestmark = pytest.mark.languagetool


def test_ready_server_listens_on_loopback_only(lt_server: ServerManager) -> None:
    assert lt_server.state is ServerState.READY
    assert lt_server.url is not None
    assert urlsplit(lt_server.url).hostname == "127.0.0.1"
    assert lt_server.is_alive()


def test_listener_gets_current_status_at_once_and_can_unsubscribe(
    lt_server: ServerManager,
) -> None:
    seen: list[ServerStatus] = []
    remove = lt_server.add_listener(seen.append)
    lt_server.ensure_ready()
    assert seen and seen[0].state is lt_server.state
    remove()
    remove()  # removing twice is harmless


def test_failed_start_reports_the_reason_to_listeners(tmp_path: Path) -> None:
    broken = Installation(
        version="6.8",
        directory=tmp_path,
        classpath=str(tmp_path / "missing" / "*"),
        source="maven",
        jar_count=0,
    )
    manager = ServerManager(broken)
    states: list[ServerState] = []
    reasons: list[str | None] = []
    done = threading.Event()

    def listener(status: ServerStatus) -> None:
        states.append(status.state)
        reasons.append(status.reason)
        if status.state is ServerState.FAILED:
            done.set()

    manager.add_listener(listener)
    manager.start()  # returns at once
    manager.start()  # a second call while starting does nothing
    assert done.wait(60)
    assert states[0] is ServerState.STOPPED
    assert states.count(ServerState.STARTING) == 1
    assert states[-1] is ServerState.FAILED
    assert "exited with code" in (reasons[-1] or "")
    assert "HTTPServer" in (reasons[-1] or "")  # Java could not find the server class
    manager.stop()
    assert manager.state is ServerState.STOPPED


def test_shared_server_is_one_per_process() -> None:
    assert shared_server() is shared_server()


def test_a_server_stops_when_the_last_engine_using_it_closes(
    lt_installation: Installation,
) -> None:
    """Like the shared server: no idle gigabyte of Java once no engine checks with it."""
    server = ServerManager(lt_installation, stop_when_unused=True)
    first = LanguageToolEngine(server=server, cache=ParagraphCache())
    second = LanguageToolEngine(server=server, cache=ParagraphCache())
    document = Document.from_text("He go home.\n")
    try:
        assert first.check(document, CheckOptions()).status is EngineStatus.OK
        assert second.check(document, CheckOptions()).status is EngineStatus.OK
        assert server.users == 2
        pid = server.pid
        first.close()
        first.close()  # closing twice lets go once
        assert server.state is ServerState.READY
        assert server.pid == pid
        assert server.users == 1
        second.close()
        assert server.state is ServerState.STOPPED
        assert server.pid is None
        assert server.users == 0
        late = first.check(document, CheckOptions())  # a check in flight after close()
        assert late.status is EngineStatus.UNAVAILABLE
        assert "closed" in (late.reason or "")
        assert server.state is ServerState.STOPPED  # it did not bring the server back
    finally:
        server.stop()


def test_a_session_server_outlives_its_engines(lt_server: ServerManager) -> None:
    engine = LanguageToolEngine(server=lt_server, cache=ParagraphCache())
    assert engine.check(Document.from_text("He go home.\n"), CheckOptions()).status is (
        EngineStatus.OK
    )
    engine.close()
    assert lt_server.state is ServerState.READY


def test_generated_properties_are_all_known_to_languagetool(lt_server: ServerManager) -> None:
    log_path = lt_server.log_path
    assert log_path is not None
    log = log_path.read_text(encoding="utf-8", errors="replace")
    assert "unknown option" not in log
    assert "is unknown" not in log
