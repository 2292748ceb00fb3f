"""One real LanguageTool server for the whole test run, started by the engine's own manager.

When LanguageTool cannot be provisioned the tests that need it skip with the reason locally,
and fail with it when `CI` is set (`make test` provisions it first, so CI must never skip).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.install import Installation, InstallError, install
from reviewer.engines.languagetool.server import ServerManager, ServerState, shared_server


def _unavailable(reason: str) -> None:
    message = f"LanguageTool is needed for this test: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def lt_installation() -> Installation:
    """The verified installation (`reviewer languagetool install` normally made it already)."""
    try:
        return install()
    except InstallError as exc:
        _unavailable(str(exc))
        raise


@pytest.fixture(scope="session")
def lt_server(lt_installation: Installation) -> Iterator[ServerManager]:
    """The session's real server; tests that kill it rely on the manager to restart it."""
    manager = ServerManager(lt_installation)
    status = manager.ensure_ready()
    if status.state is not ServerState.READY:
        manager.stop()
        _unavailable(f"the server did not start: {status.reason}")
    yield manager
    manager.stop()


@pytest.fixture()
def lt_engine(lt_server: ServerManager) -> Iterator[LanguageToolEngine]:
    """An engine on the session server with a fresh cache of its own."""
    engine = LanguageToolEngine(server=lt_server, cache=ParagraphCache())
    yield engine
    engine.close()


@pytest.fixture()
def lt_url(lt_server: ServerManager, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the CLI at the session's server, as a user's REVIEWER_LANGUAGETOOL_URL would."""
    url = lt_server.ensure_ready().url
    assert url is not None
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", url)
    return url


@pytest.fixture()
def shared_local_server(
    lt_installation: Installation, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ServerManager]:
    """The process's shared server (the one the window and the CLI use), stopped before and
    after the test: the test starts what it needs and leaves no Java behind."""
    monkeypatch.delenv("REVIEWER_LANGUAGETOOL_URL", raising=False)
    server = shared_server()
    server.stop()
    assert server.users == 0, "an earlier test kept an engine holding the shared server"
    yield server
    server.stop()
