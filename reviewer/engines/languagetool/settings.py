"""Where LanguageTool lives and which server to talk to, from the environment.

Kept apart from the engine so `reviewer languagetool status`, the GUI settings and the tests
read the same variables the same way.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from reviewer.core.errors import ConfigurationError
from reviewer.core.project_config import ProjectConfig
from reviewer.engines.languagetool import LANGUAGETOOL_VERSION
from reviewer.user_cache import user_cache_dir

URL_VARIABLE = "REVIEWER_LANGUAGETOOL_URL"
"""A user's own LanguageTool server (e.g. a team server); when set, no local server starts."""

CACHE_VARIABLE = "REVIEWER_LANGUAGETOOL_CACHE"
"""Set to `off` to disable the per-paragraph result cache (benchmarks measure cold checks)."""

HOME_VARIABLE = "REVIEWER_LANGUAGETOOL_HOME"
"""Overrides the install directory (default `~/.cache/reviewer/languagetool/<version>`)."""

NGRAM_VARIABLE = "REVIEWER_LANGUAGETOOL_NGRAMS"
"""Optional directory of LanguageTool's n-gram data; enables its n-gram false-friend rules."""


def install_dir(version: str = LANGUAGETOOL_VERSION) -> Path:
    """The per-user directory LanguageTool is resolved into (one per version)."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    return user_cache_dir() / "languagetool" / version


def configured_url() -> str | None:
    """The server URL the user set, normalised (see `normalise_url`), or None."""
    value = os.environ.get(URL_VARIABLE, "").strip()
    return normalise_url(value, source=URL_VARIABLE) if value else None


def normalise_url(value: str, source: str = "server URL") -> str:
    """Return `scheme://host[:port][/prefix]` without a trailing `/v2`; reject non-HTTP URLs.

    Users paste URLs in every shape (`http://host:8081`, `.../v2/`, `.../v2/check`); the client
    appends `/v2/check` itself, so the stored form must not contain it. Several servers are
    separated by commas (`http://a:8081,http://b:8081`): each is normalised, duplicates
    dropped, and the engine spreads paragraphs over them (see `split_urls`).
    """
    if "," in value:
        urls = [normalise_url(part, source) for part in value.split(",") if part.strip()]
        if not urls:
            raise ConfigurationError(f"{source}={value!r} names no server")
        return ",".join(dict.fromkeys(urls))
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            f"{source}={value!r} is not an http(s) URL such as http://localhost:8081"
        )
    try:
        parts.port  # noqa: B018  # raises ValueError for a non-numeric port
    except ValueError as exc:
        raise ConfigurationError(f"{source}={value!r} has an invalid port") from exc
    path = parts.path.rstrip("/")
    for suffix in ("/check", "/v2"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return f"{parts.scheme}://{parts.netloc}{path}"


def project_url(project: ProjectConfig | None) -> str | None:
    """The LanguageTool URL(s) a project file names, normalised; None when it names none or
    when REVIEWER_LANGUAGETOOL_URL is set (the environment wins, for the CLI and the window)."""
    if project is None or project.languagetool_url is None or configured_url() is not None:
        return None
    return normalise_url(project.languagetool_url, source=f"languagetool-url in {project.path}")


def split_urls(value: str) -> list[str]:
    """The servers of a normalised URL setting (one, or several separated by commas)."""
    return [part for part in value.split(",") if part]


def cache_enabled() -> bool:
    """False when the user (or a benchmark) switched the paragraph cache off."""
    return os.environ.get(CACHE_VARIABLE, "").strip().lower() not in {"0", "off", "no", "false"}


def ngram_dir() -> Path | None:
    """The n-gram data directory, when the user has one."""
    value = os.environ.get(NGRAM_VARIABLE, "").strip()
    return Path(value).expanduser() if value else None
