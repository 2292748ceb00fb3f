"""`LanguageToolEngine`: the document's paragraphs checked by a real LanguageTool server.

LanguageTool needs context beyond the sentence (agreement across clauses, repeated sentence
starts), so the unit of a request is the paragraph. Paragraphs are sent concurrently (one
more request in flight than the server has cores, see `serverconfig.check_threads`) and their
flags cached by text and options, so after an edit only the edited paragraph goes to the
server again. The engine never raises for LanguageTool's failures: a missing installation, a
server that died or a bad URL become an `unavailable` report with the reason.
"""

from __future__ import annotations

import threading
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineReport, EngineStatus
from reviewer.core.errors import ConfigurationError
from reviewer.core.flags import Flag
from reviewer.engines.languagetool import LANGUAGETOOL_VERSION
from reviewer.engines.languagetool.cache import CacheKey, ParagraphCache
from reviewer.engines.languagetool.client import (
    CheckResponse,
    LanguageToolClient,
    LanguageToolConnectionError,
    LanguageToolError,
)
from reviewer.engines.languagetool.mapping import (
    ENGINE_NAME,
    CategoryTable,
    category_table,
    matches_to_flags,
)
from reviewer.engines.languagetool.server import (
    READY_TIMEOUT_SECONDS,
    ServerManager,
    ServerState,
    shared_server,
)
from reviewer.engines.languagetool.serverconfig import check_threads
from reviewer.engines.languagetool.settings import URL_VARIABLE, cache_enabled, configured_url

_shared_cache = ParagraphCache()


class LanguageToolUnavailableError(Exception):
    """No server to check with; the message is the report's `reason`."""


class LanguageToolEngine:
    """The `languagetool` engine.

    With no arguments it uses the user's server (`REVIEWER_LANGUAGETOOL_URL`) when set, else
    the per-process local server (`shared_server()`), started on first use. `url` points at a
    given server instead; `server` uses a given `ServerManager`; `cache` replaces the
    per-process paragraph cache (pass `ParagraphCache(enabled=False)` for cold checks).
    """

    name = ENGINE_NAME

    def __init__(
        self,
        url: str | None = None,
        server: ServerManager | None = None,
        cache: ParagraphCache | None = None,
        ready_timeout: float = READY_TIMEOUT_SECONDS,
        workers: int | None = None,
    ) -> None:
        self._explicit_url = url
        self._server = server
        self._cache = cache if cache is not None else _default_cache()
        self._ready_timeout = ready_timeout
        self._workers = workers or check_threads()
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self._table: CategoryTable = category_table()
        self.version: str | None = None

    @property
    def cache(self) -> ParagraphCache:
        """The paragraph cache this engine reads and fills."""
        return self._cache

    def clear_cache(self) -> None:
        """Forget cached paragraph results (the next check sends every paragraph)."""
        self._cache.clear()

    # -- the Engine protocol -----------------------------------------------------------

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        """Check every paragraph; report `unavailable` with a reason instead of raising."""
        try:
            client, key_prefix = self._connect()
            flags = self._check_paragraphs(document, options, client, key_prefix)
        except LanguageToolUnavailableError as exc:
            return self._report(EngineStatus.UNAVAILABLE, reason=str(exc))
        return self._report(EngineStatus.OK, flags=flags)

    def close(self) -> None:
        """Stop the worker threads; the shared server keeps running until process exit."""
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    # -- single paragraphs (the GUI re-checks the edited one) --------------------------

    def check_paragraph(self, text: str, options: CheckOptions) -> list[Flag]:
        """Flags for one paragraph, offsets relative to `text`; uses and fills the cache.

        Raises `LanguageToolUnavailableError` with the reason when no server can check.
        """
        client, key_prefix = self._connect()
        return list(self._flags_for(text, options, client, key_prefix))

    # -- internals ---------------------------------------------------------------------

    def _connect(self) -> tuple[LanguageToolClient, CacheKey]:
        """The client to use and the cache-key prefix naming its server."""
        url = self._explicit_url
        source = "the engine's url"
        if url is None and self._server is None:
            try:
                url = configured_url()
            except ConfigurationError as exc:
                raise LanguageToolUnavailableError(str(exc)) from exc
            source = URL_VARIABLE
        if url is not None:
            return _RemoteClient(url, source), ("remote", url)
        server = self._server or shared_server()
        status = server.ensure_ready(self._ready_timeout)
        if status.state is not ServerState.READY or status.url is None:
            reason = status.reason or f"LanguageTool server is {status.state}"
            if status.state is ServerState.STARTING:
                reason = f"LanguageTool server still starting after {self._ready_timeout:.0f} s"
            raise LanguageToolUnavailableError(reason)
        self.version = LANGUAGETOOL_VERSION
        return _LocalClient(status.url, server), ("local",)

    def _check_paragraphs(
        self,
        document: Document,
        options: CheckOptions,
        client: LanguageToolClient,
        key_prefix: CacheKey,
    ) -> list[Flag]:
        paragraphs = [p for p in document.paragraphs if p.text.strip()]
        if len(paragraphs) <= 1:
            results = [self._flags_for(p.text, options, client, key_prefix) for p in paragraphs]
        else:
            pool = self._executor()
            futures: list[Future[tuple[Flag, ...]]] = [
                pool.submit(self._flags_for, p.text, options, client, key_prefix)
                for p in paragraphs
            ]
            wait(futures, return_when=FIRST_EXCEPTION)
            failed = next((f for f in futures if f.done() and f.exception() is not None), None)
            if failed is not None:
                for future in futures:
                    future.cancel()
                raise failed.exception()  # type: ignore[misc]
            results = [future.result() for future in futures]
        flags: list[Flag] = []
        for paragraph, paragraph_flags in zip(paragraphs, results, strict=True):
            flags.extend(flag.shifted(paragraph.start) for flag in paragraph_flags)
        return _without_disabled(flags, options, self._table)

    def _flags_for(
        self, text: str, options: CheckOptions, client: LanguageToolClient, key_prefix: CacheKey
    ) -> tuple[Flag, ...]:
        parameters = request_parameters(options, self._table)
        key = (*key_prefix, *sorted(f"{k}={v}" for k, v in parameters.items()), text)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        response = client.check(text, parameters)
        if response.version:
            self.version = response.version
        flags = tuple(matches_to_flags(response.matches, text, self._table))
        self._cache.put(key, flags)
        return flags

    def _executor(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="languagetool")
            return self._pool

    def _report(
        self, status: EngineStatus, flags: list[Flag] | None = None, reason: str | None = None
    ) -> EngineReport:
        return EngineReport(
            name=self.name,
            status=status,
            version=self.version or LANGUAGETOOL_VERSION,
            reason=reason,
            flags=flags or [],
        )


def request_parameters(options: CheckOptions, table: CategoryTable) -> dict[str, str]:
    """The `/v2/check` form fields for these options (without the text).

    `source_language` becomes LanguageTool's `motherTongue` (its L2 and false-friend rules);
    MQM names in `disabled_categories` are filtered after mapping, the rest are sent as
    LanguageTool category ids.
    """
    parameters = {"language": options.language}
    if options.source_language:
        parameters["motherTongue"] = options.source_language
    if options.picky:
        parameters["level"] = "picky"
    if options.disabled_rules:
        parameters["disabledRules"] = ",".join(sorted(options.disabled_rules))
    lt_categories = options.disabled_categories - table.mqm_names_for(options.disabled_categories)
    if lt_categories:
        parameters["disabledCategories"] = ",".join(sorted(lt_categories))
    return parameters


def _without_disabled(flags: list[Flag], options: CheckOptions, table: CategoryTable) -> list[Flag]:
    mqm_disabled = table.mqm_names_for(options.disabled_categories)
    if not mqm_disabled and not options.disabled_rules:
        return flags
    return [
        flag
        for flag in flags
        if flag.rule not in options.disabled_rules
        and flag.category not in mqm_disabled
        and flag.category.split("/")[0] not in mqm_disabled
    ]


class _LocalClient(LanguageToolClient):
    """A client of our own server: a refused connection means the server died."""

    def __init__(self, url: str, server: ServerManager) -> None:
        super().__init__(url)
        self._manager = server

    def check(self, text: str, parameters: dict[str, str]) -> CheckResponse:
        try:
            return super().check(text, parameters)
        except LanguageToolConnectionError as exc:
            status = self._manager.notice_failure()
            detail = status.reason or str(exc)
            raise LanguageToolUnavailableError(
                f"{detail}; the server will be restarted on the next check"
            ) from exc
        except LanguageToolError as exc:
            raise LanguageToolUnavailableError(str(exc)) from exc


class _RemoteClient(LanguageToolClient):
    """A client of a user's server: errors name the setting the URL came from."""

    def __init__(self, url: str, source: str) -> None:
        super().__init__(url)
        self._source = source

    def check(self, text: str, parameters: dict[str, str]) -> CheckResponse:
        try:
            return super().check(text, parameters)
        except LanguageToolError as exc:
            raise LanguageToolUnavailableError(f"{exc} (set by {self._source})") from exc


def _default_cache() -> ParagraphCache:
    """The per-process cache (the GUI creates engines more than once), or a disabled one."""
    return _shared_cache if cache_enabled() else ParagraphCache(enabled=False)
