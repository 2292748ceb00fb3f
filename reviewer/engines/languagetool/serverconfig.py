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
"""

from __future__ import annotations

import os
from pathlib import Path

from reviewer.engines.languagetool.settings import ngram_dir

JAVA_OPTIONS: tuple[str, ...] = ("-Xms256m", "-Xmx1g", "-Dfile.encoding=UTF-8")
SERVER_CLASS = "org.languagetool.server.HTTPServer"


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


def server_command(
    classpath: str, port: int, properties_file: Path, java: str = "java"
) -> list[str]:
    """The command line of a LanguageTool HTTP server on 127.0.0.1:`port`.

    Without `--public` LanguageTool binds to the loopback interface only.
    """
    return [
        java,
        *JAVA_OPTIONS,
        "-cp",
        classpath,
        SERVER_CLASS,
        "--port",
        str(port),
        "--config",
        str(properties_file),
    ]
