"""The tuned LanguageTool server configuration and the `java` command that runs it.

Choices (measured on a 2-core machine, LanguageTool 6.8, Java 17):

- `pipelineCaching=true`: keeps the per-language rule pipelines between requests. Without it
  every request rebuilds the English pipeline; with it a request costs only the checking.
- `pipelinePrewarming=false`: prewarming builds pipelines for *every* English variant and
  mode before the server answers (~30 s to ready on 2 cores). We warm only the variant we
  check with one tiny request instead (ready in ~6 s), see `ServerManager`.
- `cacheSize=20000`: LanguageTool's sentence-level result cache; re-checks of unchanged
  sentences (a paragraph with one edited sentence) cost a lookup.
- `maxCheckThreads=cpus+1`: our client sends paragraphs concurrently; one more thread than
  cores keeps the cores busy while a thread is parsing a request.
- `-Xmx1g`: English with its spelling dictionaries needs ~400 MB; 1 GB leaves room for the
  cache without letting the JVM grow to a quarter of the machine's memory.
- Our MT-artefact pattern rules: `resources/languagetool/rules/` is appended to the class path.
  LanguageTool loads `/org/languagetool/rules/en/grammar_custom.xml` from its class path, so
  the rules in that folder run with LanguageTool's own tagger and disambiguator. A server we
  start always has them (`custom_rule_ids()`); a user's server has them only when its
  administrator put the same folder on its class path and the user says so
  (`REVIEWER_LANGUAGETOOL_CUSTOM_RULES=1`, see `custom_rules_on_server`).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

from reviewer.core.checking import twins_of
from reviewer.core.engine import CheckOptions
from reviewer.core.problem_log import log_problem
from reviewer.engines.languagetool.settings import ngram_dir
from reviewer.resources import resource_path

JAVA_OPTIONS: tuple[str, ...] = ("-Xms256m", "-Xmx1g", "-Dfile.encoding=UTF-8")
SERVER_CLASS = "org.languagetool.server.HTTPServer"

CUSTOM_RULES_FILE = ("org", "languagetool", "rules", "en", "grammar_custom.xml")
"""Where LanguageTool 6.8 looks for extra English pattern rules on its class path."""

CUSTOM_CATEGORY = "MT_ARTEFACTS"
"""LanguageTool category id of our rules (`--disable-categories MT_ARTEFACTS` turns them off)."""

CUSTOM_RULES_VARIABLE = "REVIEWER_LANGUAGETOOL_CUSTOM_RULES"
"""Set to `1` when the server of `REVIEWER_LANGUAGETOOL_URL` has our rule folder on its class
path (its administrator added it, see the README); otherwise a user's server is assumed to run
LanguageTool's own rules only, and our Python detectors stand in for the custom rules."""


def check_threads() -> int:
    """Threads the server checks with (and requests our client keeps in flight)."""
    return min((os.cpu_count() or 2) + 1, 8)


def tuned_properties() -> dict[str, str]:
    """The `server.properties` entries MT Reviewer runs LanguageTool with."""
    properties = {
        "cacheSize": "20000",
        "cacheTTLSeconds": "3600",
        "pipelineCaching": "true",
        "pipelinePrewarming": "false",
        "maxPipelinePoolSize": "50",
        "pipelineExpireTimeInSeconds": "3600",
        "maxCheckThreads": str(check_threads()),
        "maxWorkQueueSize": "1000",
    }
    ngrams = ngram_dir()
    if ngrams is not None:
        properties["languageModel"] = str(ngrams)
    return properties


def write_properties(path: Path, properties: dict[str, str]) -> Path:
    """Write a Java properties file (values here never need escaping beyond backslashes)."""
    lines = [f"{key}={value.replace(chr(92), chr(92) * 2)}" for key, value in properties.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@cache
def custom_rules_dir() -> Path | None:
    """The folder to put on LanguageTool's class path for our rules, if it holds them.

    A linguist edits the rules file; a file that is not well-formed XML would stop the
    server from starting at all, so it is left off the class path (and the problem logged):
    LanguageTool's own rules and our Python detectors still run.
    """
    folder = resource_path("languagetool", "rules")
    path = folder.joinpath(*CUSTOM_RULES_FILE)
    if not path.is_file():
        return None
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as exc:
        log_problem(f"{path} is not well-formed XML ({exc}); LanguageTool runs without our rules")
        return None
    return folder


@cache
def custom_rule_ids() -> frozenset[str]:
    """The ids of the rules and rule groups in our `grammar_custom.xml` (empty without it).

    Read with the standard library's parser, which keeps the DTD's internal entities out of
    the way: only `id` attributes of `<rule>` and `<rulegroup>` matter here.
    """
    folder = custom_rules_dir()
    if folder is None:
        return frozenset()
    root = ElementTree.parse(folder.joinpath(*CUSTOM_RULES_FILE)).getroot()
    return frozenset(
        str(element.get("id"))
        for element in root.iter()
        if element.tag in ("rule", "rulegroup") and element.get("id")
    )


def custom_rules_on_server(remote: bool) -> frozenset[str]:
    """The custom rule ids a server runs: ours always, a user's server only when the user
    says it has them (`REVIEWER_LANGUAGETOOL_CUSTOM_RULES=1`)."""
    if remote and os.environ.get(CUSTOM_RULES_VARIABLE, "").strip().lower() not in {
        "1",
        "yes",
        "true",
        "on",
    }:
        return frozenset()
    return custom_rule_ids()


def active_custom_rules(options: CheckOptions, remote: bool) -> frozenset[str]:
    """The custom rules a check with these options ran: those the server has
    (`custom_rules_on_server`), less the disabled rules, none when their category is off."""
    if CUSTOM_CATEGORY in options.disabled_categories:
        return frozenset()
    switched_off = options.disabled_rules | twins_of(options.disabled_rules)
    return custom_rules_on_server(remote) - switched_off


def with_custom_rules(classpath: str) -> str:
    """`classpath` with our rule folder appended (unchanged when the folder is missing)."""
    folder = custom_rules_dir()
    return classpath if folder is None else f"{classpath}{os.pathsep}{folder}"


def server_command(
    classpath: str, port: int, properties_file: Path, java: str = "java"
) -> list[str]:
    """The command line of a LanguageTool HTTP server on 127.0.0.1:`port`.

    Without `--public` LanguageTool binds to the loopback interface only. Our rule folder
    is appended to `classpath` (`with_custom_rules`).
    """
    return [
        java,
        *JAVA_OPTIONS,
        "-cp",
        with_custom_rules(classpath),
        SERVER_CLASS,
        "--port",
        str(port),
        "--config",
        str(properties_file),
    ]
