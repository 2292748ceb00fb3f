"""Provision LanguageTool: resolve its jars into the per-user cache and verify them.

Maven is the primary path: `resources/languagetool/pom.xml` names the LanguageTool artifacts
and `mvn dependency:copy-dependencies` copies them (with every transitive dependency) into
`<install dir>/lib`. Where `mvn` is missing, language-tool-python's own download of the
LanguageTool release zip is the fallback. A marker file (`installed.json`) records what was
installed and is only written after verification, so `install()` is a fast no-op afterwards
and an interrupted install is redone rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from reviewer.engines.languagetool import LANGUAGETOOL_VERSION
from reviewer.engines.languagetool.settings import install_dir
from reviewer.resources import resource_path

MARKER = "installed.json"
REQUIRED_JARS = ("languagetool-server", "languagetool-core", "language-en")
MINIMUM_JAVA = 17
MAVEN_TIMEOUT_SECONDS = 900

WHAT_TO_DO = (
    "Install Java 17+ and Maven (Debian/Ubuntu: `sudo apt install openjdk-17-jre-headless maven`;"
    " macOS: `brew install openjdk@17 maven`), make sure Maven Central is reachable, then run"
    " `reviewer languagetool install`. Alternatively set REVIEWER_LANGUAGETOOL_URL to a"
    " LanguageTool server you run."
)


class InstallError(Exception):
    """LanguageTool could not be provisioned; the message says what to do."""


@dataclass(frozen=True)
class Installation:
    """A verified LanguageTool installation: how to put it on Java's classpath."""

    version: str
    directory: Path
    classpath: str
    source: str  # "maven" or "language_tool_python"
    jar_count: int


def pom_path() -> Path:
    """The pom that names the LanguageTool artifacts (a linguist-editable resource)."""
    return resource_path("languagetool", "pom.xml")


def find_installation(version: str = LANGUAGETOOL_VERSION) -> Installation | None:
    """Return the verified installation, or None when `install()` has not completed."""
    directory = install_dir(version)
    try:
        marker = json.loads((directory / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if marker.get("version") != version:
        return None
    if marker.get("source") == "maven" and marker.get("pom_sha256") != _pom_digest():
        return None  # the pom changed: resolve again
    jars: dict[str, int] = marker.get("jars", {})
    base = Path(marker.get("jar_dir", directory / "lib"))
    for name, size in jars.items():
        try:
            if (base / name).stat().st_size != size:
                return None
        except OSError:
            return None
    return Installation(
        version=version,
        directory=directory,
        classpath=str(marker["classpath"]),
        source=str(marker["source"]),
        jar_count=len(jars),
    )


def install(force: bool = False, version: str = LANGUAGETOOL_VERSION) -> Installation:
    """Provision LanguageTool once; raise `InstallError` saying what to do when impossible."""
    if not force:
        existing = find_installation(version)
        if existing is not None:
            return existing
    java_problem = java_problem_description()
    if java_problem:
        raise InstallError(f"{java_problem}. {WHAT_TO_DO}")
    problems: list[str] = []
    if shutil.which("mvn"):
        try:
            return _install_with_maven(version)
        except InstallError as exc:
            problems.append(f"Maven: {exc}")
    else:
        problems.append("Maven: `mvn` is not on PATH")
    try:
        return _install_with_language_tool_python(version)
    except InstallError as exc:
        problems.append(f"language-tool-python download: {exc}")
    joined = "; ".join(problems)
    raise InstallError(f"could not provision LanguageTool ({joined}). {WHAT_TO_DO}")


def java_version() -> str | None:
    """The `java -version` line of the Java on PATH, or None when there is none."""
    java = shutil.which("java")
    if not java:
        return None
    try:
        completed = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = (completed.stderr or completed.stdout).strip().splitlines()
    return lines[0] if lines else None


def java_problem_description() -> str | None:
    """Why the Java on PATH cannot run LanguageTool 6.8, or None when it can."""
    line = java_version()
    if line is None:
        return "Java is not installed (no `java` on PATH)"
    match = re.search(r'version "(\d+)(?:\.(\d+))?', line)
    if not match:
        return None  # an unusual vendor string: let the server start tell
    major = int(match.group(1))
    if major == 1 and match.group(2):
        major = int(match.group(2))
    if major < MINIMUM_JAVA:
        return f"LanguageTool {LANGUAGETOOL_VERSION} needs Java {MINIMUM_JAVA}+, found {line}"
    return None


def _install_with_maven(version: str) -> Installation:
    directory = install_dir(version)
    directory.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="lib-", dir=directory))
    command = [
        "mvn",
        "-q",
        "-B",
        "-f",
        str(pom_path()),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={staging}",
        "-DincludeScope=runtime",
        f"-Dlanguagetool.version={version}",
    ]
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=MAVEN_TIMEOUT_SECONDS, check=False
        )
        if completed.returncode != 0:
            tail = (completed.stdout + completed.stderr).strip().splitlines()[-5:]
            raise InstallError(f"`{' '.join(command[:6])}` failed: " + " | ".join(tail))
        jars = _verify_jars(staging)
        final = directory / "lib"
        if final.exists():
            shutil.rmtree(final)
        staging.rename(final)
    except subprocess.TimeoutExpired as exc:
        raise InstallError(f"Maven did not finish within {MAVEN_TIMEOUT_SECONDS} s") from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    classpath = str(final / "*")  # Java expands the wildcard to every jar in lib/
    _write_marker(directory, version, "maven", final, classpath, jars=jars)
    found = find_installation(version)
    assert found is not None  # the marker was just written from verified files
    return found


def _install_with_language_tool_python(version: str) -> Installation:
    try:
        from language_tool_python.download_lt import LocalLanguageTool

        local = LocalLanguageTool.from_version_name(version)
        local.download()
        server_jar = Path(local.get_jar_path())
    except Exception as exc:  # network, zip, or path errors of a third-party library
        raise InstallError(f"{type(exc).__name__}: {exc}") from exc
    jars = _verify_jars(server_jar.parent, required=("languagetool-server",))
    directory = install_dir(version)
    directory.mkdir(parents=True, exist_ok=True)
    # the release zip's server jar lists its libraries in its manifest Class-Path
    _write_marker(
        directory, version, "language_tool_python", server_jar.parent, str(server_jar), jars=jars
    )
    found = find_installation(version)
    assert found is not None
    return found


def _verify_jars(jar_dir: Path, required: tuple[str, ...] = REQUIRED_JARS) -> dict[str, int]:
    """Check that the required jars exist and every jar is a readable zip; return sizes."""
    jars = {path.name: path.stat().st_size for path in sorted(jar_dir.glob("*.jar"))}
    missing = [name for name in required if not any(_is_jar_of(j, name) for j in jars)]
    if missing:
        raise InstallError(f"{', '.join(missing)} missing from {jar_dir}")
    broken = [name for name in jars if not zipfile.is_zipfile(jar_dir / name)]
    if broken:
        raise InstallError(f"corrupt jars in {jar_dir}: {', '.join(broken[:5])}")
    return jars


def _is_jar_of(file_name: str, artifact: str) -> bool:
    return file_name.startswith(f"{artifact}-") or file_name == f"{artifact}.jar"


def _write_marker(
    directory: Path,
    version: str,
    source: str,
    jar_dir: Path,
    classpath: str,
    *,
    jars: dict[str, int],
) -> None:
    marker = {
        "version": version,
        "source": source,
        "jar_dir": str(jar_dir),
        "classpath": classpath,
        "pom_sha256": _pom_digest(),
        "jars": jars,
    }
    temporary = directory / f"{MARKER}.tmp"
    temporary.write_text(json.dumps(marker, indent=1), encoding="utf-8")
    os.replace(temporary, directory / MARKER)


def _pom_digest() -> str:
    return hashlib.sha256(pom_path().read_bytes()).hexdigest()
