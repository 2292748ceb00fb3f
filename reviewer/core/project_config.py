"""The project configuration file: `reviewer.toml`, or `[tool.reviewer]` in `pyproject.toml`.

Found upwards from the checked file's folder, as linters do: in each folder `reviewer.toml`
first, then a `pyproject.toml` that has a `[tool.reviewer]` table; the first one found is the
project's (no merging across folders). Keys (all optional):

    language = "en-GB"
    source-language = "es"
    picky = true
    disable-rules = ["MT_WEB_RESIDUE"]
    disable-categories = ["Style"]
    dictionary = ["Pompeo", "Suleimani"]
    ignore = [{rule = "MORFOLOGIK_RULE_EN_US", text = "Qassim"}]
    languagetool-url = "http://lt.example.org:8081"
    glossary = "terms.csv"  # CSV, TSV or TBX, relative to this file (the source engine)

Command-line options win over the file; the dictionary and ignored flags add to the user's
and the team's word lists. A malformed file or an unknown key is a `ConfigurationError`
naming the file, so a typo never silently changes what a pipeline checks; so is a rule id in
`disable-rules` that no engine knows (a misspelt MT_/QA_/SRC_ id, a lower-case one).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.engine import CheckOptions
from reviewer.core.errors import ConfigurationError
from reviewer.core.wordlists import WordLists

PROJECT_FILE = "reviewer.toml"
PYPROJECT_FILE = "pyproject.toml"
_KEYS = {
    "language",
    "source-language",
    "picky",
    "disable-rules",
    "disable-categories",
    "dictionary",
    "ignore",
    "languagetool-url",
    "glossary",
}


@dataclass(frozen=True)
class ProjectConfig:
    """The settings one project file gives (None or empty: not given)."""

    path: Path
    language: str | None = None
    source_language: str | None = None
    picky: bool | None = None
    disabled_rules: tuple[str, ...] | None = None
    disabled_categories: tuple[str, ...] | None = None
    dictionary: tuple[str, ...] = ()
    ignored: tuple[tuple[str, str], ...] = ()
    languagetool_url: str | None = None
    glossary: str | None = None  # a CSV/TSV/TBX glossary, relative paths from the file's folder


def project_options(
    project: ProjectConfig | None,
    defaults: CheckOptions | None = None,
    *,
    language: str | None = None,
    source_language: str | None = None,
    picky: bool | None = None,
    disabled_rules: frozenset[str] | None = None,
    disabled_categories: frozenset[str] | None = None,
    glossary: str | None = None,
) -> CheckOptions:
    """The options a check of a file governed by `project` uses: `reviewer check` and the
    window make the same choices through this one function.

    A value given here (the command line's) wins, then the project file's, then `defaults`
    (the built-in ones for the CLI, the reviewer's preferences in the window). A given
    list of rules or categories replaces the project's; otherwise the project's are added to
    the defaults' own. Raises `ConfigurationError` for an invalid language code.
    """
    defaults = defaults or CheckOptions()
    source = source_language or (project and project.source_language) or defaults.source_language
    if picky is None:
        picky = defaults.picky if project is None or project.picky is None else project.picky
    return CheckOptions(
        language=validated_language(
            language or (project and project.language) or defaults.language
        ),
        source_language=source.lower() if source else None,
        picky=picky,
        disabled_rules=_names(
            disabled_rules, project.disabled_rules if project else None, defaults.disabled_rules
        ),
        disabled_categories=_names(
            disabled_categories,
            project.disabled_categories if project else None,
            defaults.disabled_categories,
        ),
        glossary=glossary or (project.glossary if project else None) or defaults.glossary,
    )


def with_project_words(word_lists: WordLists, project: ProjectConfig | None) -> WordLists:
    """The user's (and team's) word lists plus the project's dictionary and ignored flags."""
    if project is None or not (project.dictionary or project.ignored):
        return word_lists
    return WordLists(
        word_lists.dictionary | frozenset(project.dictionary),
        word_lists.ignored | frozenset(project.ignored),
        word_lists.warnings,
    )


def validated_language(value: str) -> str:
    """A language code in its usual form (`en_gb` -> `en-GB`); `ConfigurationError` if bad."""
    parts = value.replace("_", "-").split("-")
    if not parts[0].isalpha() or len(parts[0]) not in (2, 3):
        raise ConfigurationError(f"invalid language {value!r}; use a code such as en-US or en-GB")
    if parts[0].lower() != "en":  # the text checked is English; others ran a foreign speller
        raise ConfigurationError(
            f"invalid language {value!r}: the text checked is English; use a variant such as "
            "en-US or en-GB (the language translated from is --source-language)"
        )
    return "-".join([parts[0].lower(), *[p.upper() if len(p) == 2 else p for p in parts[1:]]])


def _names(
    given: frozenset[str] | None, project: tuple[str, ...] | None, defaults: frozenset[str]
) -> frozenset[str]:
    if given:
        return given
    return defaults | frozenset(project or ())


def find_project_config(start: str | Path) -> ProjectConfig | None:
    """The project file governing `start` (a file or a folder), or None."""
    here = Path(start).resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        own = candidate / PROJECT_FILE
        if own.is_file():
            return load_project_config(own)
        pyproject = candidate / PYPROJECT_FILE
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {})
            if isinstance(table, dict) and "reviewer" in table:
                return _parse(pyproject, table["reviewer"])
    return None


def load_project_config(path: Path) -> ProjectConfig:
    """Read one file: a `reviewer.toml` (the whole file) or a `pyproject.toml`."""
    data = _read(path)
    if path.name == PYPROJECT_FILE:
        tool = data.get("tool", {})
        data = tool.get("reviewer", {}) if isinstance(tool, dict) else {}
    return _parse(path, data)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigurationError(f"{path}: cannot read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"{path}: not valid TOML ({exc})") from None


def _parse(path: Path, data: object) -> ProjectConfig:
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path}: [tool.reviewer] must be a table")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigurationError(
            f"{path}: unknown key {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}"
        )
    picky = data.get("picky")
    if picky is not None and not isinstance(picky, bool):
        raise ConfigurationError(f"{path}: picky must be true or false")
    return ProjectConfig(
        path=path,
        language=_string(path, data, "language"),
        source_language=_string(path, data, "source-language"),
        picky=picky,
        disabled_rules=_rules(path, data, "disable-rules"),
        disabled_categories=_strings(path, data, "disable-categories"),
        dictionary=_strings(path, data, "dictionary") or (),
        ignored=_ignored(path, data.get("ignore", [])),
        languagetool_url=_string(path, data, "languagetool-url"),
        glossary=_glossary(path, data),
    )


def _glossary(path: Path, data: dict[str, Any]) -> str | None:
    """The glossary's path, relative to the project file's folder as a linter's would be."""
    value = _string(path, data, "glossary")
    return str((path.parent / value).resolve()) if value else None


def _string(path: Path, data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(f"{path}: {key} must be a non-empty string")
    return value.strip()


def _strings(path: Path, data: dict[str, Any], key: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):  # "A,B" as on the command line
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigurationError(f"{path}: {key} must be a list of strings")
    return tuple(item.strip() for item in value if item.strip())


def _rules(path: Path, data: dict[str, Any], key: str) -> tuple[str, ...] | None:
    """A list of rule ids, each one an engine can know: a misspelt id would switch nothing
    off, silently (the check `--disable-rules` makes; LanguageTool's ids pass)."""
    rules = _strings(path, data, key)
    if rules:
        from reviewer.engines import check_own_rule_ids

        try:
            check_own_rule_ids(rules, key)
        except ConfigurationError as exc:
            raise ConfigurationError(f"{path}: {exc}") from None
    return rules


def _ignored(path: Path, value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        raise ConfigurationError(f"{path}: ignore must be a list of {{rule, text}} tables")
    pairs: list[tuple[str, str]] = []
    for item in value:
        if (
            not isinstance(item, dict)
            or set(item) != {"rule", "text"}
            or not all(isinstance(v, str) for v in item.values())
        ):
            raise ConfigurationError(
                f'{path}: each ignore entry is {{rule = "ID", text = "..."}}, not {item!r}'
            )
        pairs.append((item["rule"].strip(), item["text"]))
    return tuple(pairs)
