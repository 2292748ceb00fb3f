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
import time
from bisect import bisect_right
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait

from reviewer.core.checking import twins_of
from reviewer.core.document import Document
from reviewer.core.engine import (
    CheckOptions,
    EngineReport,
    EngineStatus,
    is_mqm_name,
    without_disabled,
)
from reviewer.core.errors import ConfigurationError
from reviewer.core.flags import Flag
from reviewer.engines.languagetool import LANGUAGETOOL_VERSION
from reviewer.engines.languagetool.background import (
    find_background,
    read_timeout,
    touch_background,
)
from reviewer.engines.languagetool.cache import CacheKey, ParagraphCache
from reviewer.engines.languagetool.client import (
    CheckResponse,
    LanguageToolClient,
    LanguageToolConnectionError,
    LanguageToolError,
    LanguageToolPool,
    LanguageToolRejectedError,
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
from reviewer.engines.languagetool.serverconfig import active_custom_rules, check_threads
from reviewer.engines.languagetool.settings import (
    URL_VARIABLE,
    cache_enabled,
    configured_url,
    split_urls,
)

BACKGROUND_RECHECK_SECONDS = 30.0
"""How long a verified background server is trusted before its record is verified again."""

PARAGRAPH_SEPARATOR = "\n\n"
BATCH_MIN_CHARS = 400
BATCH_MAX_CHARS = 5000

_shared_cache = ParagraphCache()


class LanguageToolUnavailableError(Exception):
    """No server to check with; the message is the report's `reason`."""


class LanguageToolEngine:
    """The `languagetool` engine.

    With no arguments it uses the user's server (`REVIEWER_LANGUAGETOOL_URL`) when set, else
    the per-process local server (`shared_server()`), started on first use. `url` points at a
    given server instead; `server` uses a given `ServerManager`; `cache` replaces the
    per-process paragraph cache (pass `ParagraphCache(enabled=False)` for cold checks).

    An engine holds the local server it checks with (`ServerManager.acquire`) from its first
    use until `close()`, so the shared server stops once no engine uses it.
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
        self._workers = workers or check_threads() * _server_count(url)
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self._held: ServerManager | None = None
        self._held_lock = threading.Lock()
        self._closed = False
        self._table: CategoryTable = category_table()
        self._background: str | None = None
        self._background_checked = -float("inf")
        self._background_bad = False
        self._background_lock = threading.Lock()
        self.background_fallback: str | None = None
        """Why this engine gave up on the background server mid-check (None: it did not)."""
        self.version: str | None = None

    @property
    def cache(self) -> ParagraphCache:
        """The paragraph cache this engine reads and fills."""
        return self._cache

    def remote_url(self) -> str | None:
        """The user's server this engine checks with (given or from the environment), if any.

        Raises `ConfigurationError` when the environment names a malformed URL.
        """
        if self._explicit_url is not None:
            return self._explicit_url
        if self._server is not None:
            return None
        return configured_url() or self.background_url()

    def background_url(self) -> str | None:
        """The user's verified background server (`reviewer languagetool start`), if usable.

        Only for an engine with neither a given URL nor a given server, and when no URL is
        configured. The record is verified again every BACKGROUND_RECHECK_SECONDS. A server
        that failed a request or did not answer it in time (`background.read_timeout`) is
        never used again by this engine (a command's run; in the window, until it next
        creates its engines): a server that hangs after answering the probe would pass the
        next verification too and cost another timeout.
        """
        if self._explicit_url is not None or self._server is not None:
            return None
        now = time.monotonic()
        with self._background_lock:
            if self._background_bad:
                return None
            if now - self._background_checked < BACKGROUND_RECHECK_SECONDS:
                if self._background is not None:
                    touch_background()
                return self._background
            record = find_background()
            self._background = record.url if record is not None else None
            self._background_checked = now
            return self._background

    def _background_failed(self, error: _BackgroundGoneError) -> None:
        with self._background_lock:
            if self.background_fallback is None and self._background is not None:
                self.background_fallback = (
                    f"the background server at {self._background} did not answer ({error}); "
                    "checked with a private server instead"
                )
            self._background = None
            self._background_bad = True

    def local_server(self) -> ServerManager | None:
        """The local server this engine checks with, or None when it uses a URL.

        The GUI starts it early and shows its state; a misconfigured URL yields None too
        (the check then reports the configuration error). From here until `close()` the engine
        holds the server.
        """
        try:
            if self.remote_url() is not None:
                return None
        except ConfigurationError:
            return None
        try:
            return self._hold_local_server()
        except LanguageToolUnavailableError:  # closed: name the server, hold it no more
            return self._server or shared_server()

    def clear_cache(self) -> None:
        """Forget cached paragraph results (the next check sends every paragraph)."""
        self._cache.clear()

    # -- the Engine protocol -----------------------------------------------------------

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        """Check every paragraph; report `unavailable` with a reason instead of raising."""
        if not any(paragraph.text.strip() for paragraph in document.paragraphs):
            return self._report(EngineStatus.OK)  # nothing to send: no server start for it
        try:
            try:
                client, key_prefix = self._connect()
                flags = self._check_paragraphs(document, options, client, key_prefix)
            except _BackgroundGoneError as gone:  # failed or hung: use our own server
                self._background_failed(gone)
                client, key_prefix = self._connect()
                flags = self._check_paragraphs(document, options, client, key_prefix)
        except LanguageToolUnavailableError as exc:
            return self._report(EngineStatus.UNAVAILABLE, reason=str(exc))
        report = self._report(EngineStatus.OK, flags=flags)
        report.covers = active_custom_rules(options, remote=key_prefix[0] == "remote")
        return report

    def close(self) -> None:
        """Stop the worker threads and let go of the local server (see `ServerManager.release`).

        The shared server stops when no other engine holds it. A closed engine never starts a
        local server again (a check still in flight when a window replaced the engine must not
        bring back the server it just let go): its checks with one report `unavailable`.
        """
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        with self._held_lock:
            held, self._held = self._held, None
            self._closed = True
        if held is not None:
            held.release()

    # -- single paragraphs (the GUI re-checks the edited one) --------------------------

    def check_paragraph(self, text: str, options: CheckOptions) -> list[Flag]:
        """Flags for one paragraph, offsets relative to `text`; uses and fills the cache.

        Raises `LanguageToolUnavailableError` with the reason when no server can check.
        """
        try:
            client, key_prefix = self._connect()
            return list(self._flags_for(text, options, client, key_prefix))
        except _BackgroundGoneError as gone:
            self._background_failed(gone)
            client, key_prefix = self._connect()
            return list(self._flags_for(text, options, client, key_prefix))

    # -- internals ---------------------------------------------------------------------

    def _connect(self) -> tuple[LanguageToolClient, CacheKey]:
        """The client to use and the cache-key prefix naming its server."""
        try:
            url = self.remote_url()
        except ConfigurationError as exc:
            raise LanguageToolUnavailableError(str(exc)) from exc
        if url is not None and url == self._background:
            return _BackgroundClient(url), ("background",)
        if url is not None:
            source = "the engine's url" if self._explicit_url is not None else URL_VARIABLE
            urls = split_urls(url)
            if len(urls) > 1:
                return _RemoteClient(url, source, LanguageToolPool(urls)), ("remote", url)
            return _RemoteClient(url, source), ("remote", url)
        server = self._hold_local_server()
        status = server.ensure_ready(self._ready_timeout)
        if status.state is not ServerState.READY or status.url is None:
            reason = status.reason or f"LanguageTool server is {status.state}"
            if status.state is ServerState.STARTING:
                reason = f"LanguageTool server still starting after {self._ready_timeout:.0f} s"
            raise LanguageToolUnavailableError(reason)
        self.version = LANGUAGETOOL_VERSION
        return _LocalClient(status.url, server), ("local",)

    def _hold_local_server(self) -> ServerManager:
        """The local server, acquired once until `close()`."""
        server = self._server or shared_server()
        with self._held_lock:
            if self._closed:
                raise LanguageToolUnavailableError("the LanguageTool engine was closed")
            if self._held is None:
                server.acquire()
                self._held = server
        return server

    def _check_paragraphs(
        self,
        document: Document,
        options: CheckOptions,
        client: LanguageToolClient,
        key_prefix: CacheKey,
    ) -> list[Flag]:
        paragraphs = [p for p in document.paragraphs if p.text.strip()]
        parameters = request_parameters(options, self._table)
        keys = [_cache_key(key_prefix, parameters, p.text) for p in paragraphs]
        results: list[tuple[Flag, ...] | None] = [self._cache.get(key) for key in keys]
        missing = [i for i, found in enumerate(results) if found is None]
        batches = _batches([paragraphs[i].text for i in missing], self._workers)
        jobs = [[missing[i] for i in batch] for batch in batches]
        if len(jobs) == 1:
            outcomes = [
                self._check_batch([paragraphs[i].text for i in jobs[0]], client, parameters)
            ]
        elif jobs:
            pool = self._executor()
            futures: list[Future[list[tuple[Flag, ...]]]] = [
                pool.submit(
                    self._check_batch, [paragraphs[i].text for i in job], client, parameters
                )
                for job in jobs
            ]
            wait(futures, return_when=FIRST_EXCEPTION)
            failed = next((f for f in futures if f.done() and f.exception() is not None), None)
            if failed is not None:
                for future in futures:
                    future.cancel()
                raise failed.exception()  # type: ignore[misc]
            outcomes = [future.result() for future in futures]
        else:
            outcomes = []
        for job, outcome in zip(jobs, outcomes, strict=True):
            for index, paragraph_flags in zip(job, outcome, strict=True):
                results[index] = paragraph_flags
                self._cache.put(keys[index], paragraph_flags)
        flags: list[Flag] = []
        for paragraph, found in zip(paragraphs, results, strict=True):
            flags.extend(flag.shifted(paragraph.start) for flag in found or ())
        return without_disabled(flags, options)

    def _flags_for(
        self, text: str, options: CheckOptions, client: LanguageToolClient, key_prefix: CacheKey
    ) -> tuple[Flag, ...]:
        parameters = request_parameters(options, self._table)
        key = _cache_key(key_prefix, parameters, text)
        flags = self._cache.get(key)
        if flags is None:
            (flags,) = self._check_batch([text], client, parameters)
            self._cache.put(key, flags)
        return tuple(without_disabled(flags, options))

    def _check_batch(
        self, texts: list[str], client: LanguageToolClient, parameters: dict[str, str]
    ) -> list[tuple[Flag, ...]]:
        """Check paragraphs in one request (joined by blank lines); flags per paragraph.

        LanguageTool treats a blank line as a paragraph end, so paragraph-level rules see
        each paragraph as they would alone; a match that would straddle two paragraphs
        (none in practice) is dropped rather than attributed to either.
        """
        joined = PARAGRAPH_SEPARATOR.join(texts)
        response = client.check(joined, parameters)
        if response.version:
            self.version = response.version
        starts: list[int] = []
        position = 0
        for text in texts:
            starts.append(position)
            position += len(text) + len(PARAGRAPH_SEPARATOR)
        per_paragraph: list[list[Flag]] = [[] for _ in texts]
        for flag in matches_to_flags(response.matches, joined, self._table):
            index = bisect_right(starts, flag.start) - 1
            if index >= 0 and flag.end <= starts[index] + len(texts[index]):
                per_paragraph[index].append(flag.shifted(-starts[index]))
        return [tuple(flags) for flags in per_paragraph]

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


def _cache_key(prefix: CacheKey, parameters: dict[str, str], text: str) -> CacheKey:
    return (*prefix, *sorted(f"{k}={v}" for k, v in parameters.items()), text)


def _batches(texts: list[str], workers: int) -> list[list[int]]:
    """Group consecutive paragraphs into requests of similar size.

    One request per paragraph costs LanguageTool a fixed overhead each (measured: the seed's
    18 paragraphs as 18 requests took 1.2x one whole-text request; as 6 requests, 0.7x).
    Aim for about two requests per worker, each between BATCH_MIN_CHARS and
    BATCH_MAX_CHARS, so small documents use every core and large ones stream.
    """
    if not texts:
        return []
    total = sum(len(text) for text in texts)
    target = min(max(total // (2 * workers), BATCH_MIN_CHARS), BATCH_MAX_CHARS)
    batches: list[list[int]] = [[]]
    size = 0
    for index, text in enumerate(texts):
        if batches[-1] and size + len(text) > target:
            batches.append([])
            size = 0
        batches[-1].append(index)
        size += len(text)
    return batches


def request_parameters(options: CheckOptions, table: CategoryTable) -> dict[str, str]:
    """The `/v2/check` form fields for these options (without the text).

    `source_language` becomes LanguageTool's `motherTongue` (its L2 and false-friend rules);
    the profile's `switched_on` rules (off in LanguageTool's own defaults) are asked for by
    `enabledRules`, unless the reviewer switched them off;
    MQM names and dimensions in `disabled_categories` are filtered per flag after mapping
    (`without_disabled`, shared with our detectors), the rest are sent as LanguageTool
    category ids.
    """
    parameters = {"language": options.language}
    if options.source_language:
        parameters["motherTongue"] = options.source_language
    if options.picky:
        parameters["level"] = "picky"
    disabled = options.disabled_rules | twins_of(options.disabled_rules)
    if not options.picky:
        disabled |= table.picky_only
    if disabled:
        parameters["disabledRules"] = ",".join(sorted(disabled))
    switched_on = table.switched_on | (table.switched_on_picky if options.picky else frozenset())
    if switched_on - disabled:
        parameters["enabledRules"] = ",".join(sorted(switched_on - disabled))
    lt_categories = {name for name in options.disabled_categories if not is_mqm_name(name)}
    if lt_categories:
        parameters["disabledCategories"] = ",".join(sorted(lt_categories))
    return parameters


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
    """A client of a user's server (or servers, through `pool`): errors name the setting
    the URL came from."""

    def __init__(self, url: str, source: str, pool: LanguageToolPool | None = None) -> None:
        super().__init__(split_urls(url)[0])
        self._source = source
        self._pool = pool

    def check(self, text: str, parameters: dict[str, str]) -> CheckResponse:
        try:
            if self._pool is not None:
                return self._pool.check(text, parameters)
            return super().check(text, parameters)
        except LanguageToolError as exc:
            raise LanguageToolUnavailableError(f"{exc} (set by {self._source})") from exc


class _BackgroundGoneError(LanguageToolUnavailableError):
    """The background server failed a request or hung; the engine falls back to its own."""


class _BackgroundClient(LanguageToolClient):
    """A client of the user's background server (same jars and rules as our own server),
    with a read timeout in proportion to the text (`background.read_timeout`), not 180 s."""

    def read_timeout_for(self, text: str) -> float:
        return read_timeout(len(text))

    def check(self, text: str, parameters: dict[str, str]) -> CheckResponse:
        try:
            return super().check(text, parameters)
        except LanguageToolRejectedError as exc:  # a bad request: our own would refuse it too
            raise LanguageToolUnavailableError(f"background server: {exc}") from exc
        except LanguageToolError as exc:  # gone, hung, broken: the engine uses its own server
            raise _BackgroundGoneError(str(exc)) from exc


def _server_count(url: str | None) -> int:
    """How many servers the engine's URL setting names (the workers scale with them)."""
    try:
        value = url if url is not None else configured_url()
    except ConfigurationError:
        return 1
    return max(1, len(split_urls(value))) if value else 1


def _default_cache() -> ParagraphCache:
    """The per-process cache (the GUI creates engines more than once), or a disabled one."""
    return _shared_cache if cache_enabled() else ParagraphCache(enabled=False)
