"""`reviewer languagetool install|status|start|stop`: provision LanguageTool, say where it
stands, or run the user's warm background server (see `background`)."""

from __future__ import annotations

import argparse
import sys

from reviewer.core.errors import ConfigurationError
from reviewer.engines.languagetool import LANGUAGETOOL_VERSION
from reviewer.engines.languagetool.install import (
    InstallError,
    find_installation,
    install,
    java_version,
)
from reviewer.engines.languagetool.settings import URL_VARIABLE, configured_url, install_dir


def run_languagetool_command(options: argparse.Namespace) -> int:
    """Dispatch the action; exit 0 on success, 1 with a one-line reason otherwise."""
    if options.action == "install":
        return _install(force=bool(getattr(options, "force", False)))
    if options.action == "start":
        return _start(options.idle_minutes)
    if options.action == "stop":
        return _stop()
    return _status()


def _start(idle_minutes: float | None) -> int:
    from reviewer.engines.languagetool.background import (
        BackgroundError,
        idle_minutes_default,
        start_background,
    )

    minutes = idle_minutes if idle_minutes is not None else idle_minutes_default()
    if minutes <= 0:
        print("reviewer: error: --idle-minutes must be positive", file=sys.stderr)
        return 1
    try:
        inspection = start_background(minutes)
    except BackgroundError as exc:
        print(f"reviewer: error: {exc}", file=sys.stderr)
        return 1
    record = inspection.record
    assert record is not None
    print(
        f"Background LanguageTool {record.version} on {record.url} (pid {record.pid});"
        f" stops after {record.idle_seconds / 60:g} min unused or `reviewer languagetool stop`"
    )
    return 0


def _stop() -> int:
    from reviewer.engines.languagetool.background import BackgroundError, stop_background

    try:
        print(stop_background())
    except BackgroundError as exc:
        print(f"reviewer: error: {exc}", file=sys.stderr)
        return 1
    return 0


def _background_line() -> str:
    import time

    from reviewer.engines.languagetool.background import inspect_background, record_path

    inspection = inspect_background()
    record = inspection.record
    if record is None or inspection.problem is not None:
        return f"Background server: {inspection.problem} ({record_path()})"
    unused = time.time() - (inspection.last_used or time.time())
    return (
        f"Background server: {record.url} (pid {record.pid}), used {unused:.0f} s ago,"
        f" stops after {record.idle_seconds / 60:g} min unused; `reviewer check` and the"
        " window use it"
    )


def _install(force: bool) -> int:
    already = None if force else find_installation()
    if already is not None:
        print(f"LanguageTool {already.version} already installed in {already.directory}")
        return 0
    print(f"Resolving LanguageTool {LANGUAGETOOL_VERSION} into {install_dir()} ...", flush=True)
    try:
        installation = install(force=force)
    except InstallError as exc:
        print(f"reviewer: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"LanguageTool {installation.version} installed in {installation.directory}"
        f" ({installation.jar_count} jars, via {installation.source})"
    )
    return 0


def _status() -> int:
    installation = find_installation()
    print(f"LanguageTool version: {LANGUAGETOOL_VERSION}")
    if installation is None:
        print(f"Location: {install_dir()} (not installed: run `reviewer languagetool install`)")
    else:
        print(
            f"Location: {installation.directory} ({installation.jar_count} jars,"
            f" via {installation.source})"
        )
    print(f"Java: {java_version() or 'not found on PATH'}")
    print(_background_line())
    try:
        url = configured_url()
    except ConfigurationError as exc:
        print(f"Server: {exc}")
        return 1
    if url is None:
        from reviewer.engines.languagetool.background import find_background

        background = find_background(touch=False)
        if background is not None:  # verified just now: no need to start a server to test
            print(f"Server: the background server answers on {background.url}")
            return 0
        if installation is None:
            print("Server: none (LanguageTool is not installed)")
            return 1
        from reviewer.engines.languagetool.server import ServerManager, ServerState

        manager = ServerManager(installation)
        try:
            outcome = manager.ensure_ready()
        finally:
            manager.stop()
        if outcome.state is not ServerState.READY:
            print(f"Server: a local server does not start: {outcome.reason}")
            return 1
        print(
            f"Server: a local server answers on 127.0.0.1 (ready in {outcome.start_seconds:.1f} s;"
            f" started on demand by `reviewer check` and the app; set {URL_VARIABLE} to use"
            " your own)"
        )
        return 0
    from reviewer.engines.languagetool.client import LanguageToolClient, LanguageToolError
    from reviewer.engines.languagetool.settings import split_urls

    failed = 0
    for server in split_urls(url):
        try:
            response = LanguageToolClient(server).check(".", {"language": "en-US"})
        except LanguageToolError as exc:
            print(f"Server: {server} ({URL_VARIABLE}) does not answer: {exc}")
            failed += 1
            continue
        print(f"Server: {server} ({URL_VARIABLE}) answers, LanguageTool {response.version or '?'}")
    return 1 if failed else 0
