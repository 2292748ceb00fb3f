"""The fallback install without Maven: language-tool-python downloads LanguageTool's release zip.

A small fake download server on 127.0.0.1 serves a zip shaped like LanguageTool's own (a
`LanguageTool-6.8/` folder with `languagetool-server.jar` and its `libs/`), so the real
language-tool-python code path runs end to end (URL, checksum, extraction) without the
network, Java or Maven. Nothing here touches the real installation: both install folders
point into the test's temporary directory.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from language_tool_python import download_lt

from reviewer.engines.languagetool import LANGUAGETOOL_VERSION
from reviewer.engines.languagetool import install as install_module
from reviewer.engines.languagetool.install import (
    MARKER,
    InstallError,
    find_installation,
    install,
)

RELEASE = f"LanguageTool-{LANGUAGETOOL_VERSION}"


def _jar(manifest: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as jar:
        jar.writestr("META-INF/MANIFEST.MF", f"Manifest-Version: 1.0\n{manifest}\n")
    return buffer.getvalue()


def release_zip() -> bytes:
    """A miniature of LanguageTool's release zip: the server jar names its libraries."""
    libs = ["languagetool-core.jar", "language-en.jar", "morfologik-stemming-2.1.9.jar"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(f"{RELEASE}/", "")
        archive.writestr(
            f"{RELEASE}/languagetool-server.jar",
            _jar("Class-Path: " + " ".join(f"libs/{name}" for name in libs)),
        )
        archive.writestr(f"{RELEASE}/languagetool.jar", _jar())
        archive.writestr(f"{RELEASE}/languagetool-commandline.jar", _jar())
        for name in libs:
            archive.writestr(f"{RELEASE}/libs/{name}", _jar())
        archive.writestr(f"{RELEASE}/README.md", "LanguageTool\n")
    return buffer.getvalue()


@dataclass
class DownloadServer:
    """Serves one file under any path ending in its name; records what was asked."""

    name: str
    body: bytes
    requests: list[str] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def download_server() -> Iterator[DownloadServer]:
    served = DownloadServer(name=f"{RELEASE}.zip", body=release_zip())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the http.server API
            served.requests.append(self.path)
            if not self.path.endswith("/" + served.name):
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(served.body)))
            self.end_headers()
            self.wfile.write(served.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    served.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield served
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


@pytest.fixture
def without_maven(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, download_server: DownloadServer
) -> Path:
    """No `mvn` on PATH, both install folders in tmp_path, downloads from the fake server."""
    home = tmp_path / "reviewer-languagetool"
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_HOME", str(home))
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "language_tool_python"))
    digest = hashlib.sha256(download_server.body).hexdigest()
    monkeypatch.setenv("LTP_DOWNLOAD_SHA256_" + LANGUAGETOOL_VERSION.replace(".", "_"), digest)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    # the download hosts are read from the environment at import: point them at the fake
    for host in ("BASE_URL_NEW_RELEASES", "BASE_URL_RELEASE", "BASE_URL_ARCHIVE"):
        base = getattr(download_lt, host, None)
        if base is not None:
            fake = download_server.url + "/" + base.split("://", 1)[1].split("/", 1)[1]
            monkeypatch.setattr(download_lt, host, fake)
    # the Java checks are tested elsewhere; this test needs no Java
    monkeypatch.setattr(download_lt, "confirm_java_compatibility", lambda *_args: None)
    monkeypatch.setattr(install_module, "java_problem_description", lambda: None)
    real_which = shutil.which
    monkeypatch.setattr(
        install_module.shutil,
        "which",
        lambda name, *args, **kwargs: None if name == "mvn" else real_which(name, *args, **kwargs),
    )
    return home


def test_without_maven_the_release_zip_is_downloaded_and_verified(
    without_maven: Path, download_server: DownloadServer, tmp_path: Path
) -> None:
    installation = install(force=True)
    assert [path.rsplit("/", 1)[-1] for path in download_server.requests] == [f"{RELEASE}.zip"]
    server_jar = tmp_path / "language_tool_python" / RELEASE / "languagetool-server.jar"
    assert installation.source == "language_tool_python"
    assert installation.version == LANGUAGETOOL_VERSION
    assert installation.directory == without_maven
    assert installation.classpath == str(server_jar)  # its manifest names libs/
    assert installation.jar_count == 3  # the top-level jars, each verified as a zip
    assert (without_maven / MARKER).is_file()
    assert find_installation() == installation
    assert install() == installation  # installed: no second download
    assert len(download_server.requests) == 1


def test_a_download_that_fails_its_checksum_installs_nothing(
    without_maven: Path, download_server: DownloadServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LTP_DOWNLOAD_SHA256_" + LANGUAGETOOL_VERSION.replace(".", "_"), "0" * 64)
    with pytest.raises(InstallError) as raised:
        install(force=True)
    message = str(raised.value)
    assert "`mvn` is not on PATH" in message
    assert "language-tool-python download: PathError" in message
    assert "checksum" in message
    assert find_installation() is None
    assert not (without_maven / MARKER).exists()


def test_a_missing_release_is_a_clear_error(
    without_maven: Path, download_server: DownloadServer
) -> None:
    download_server.name = "LanguageTool-0.0.zip"  # the server has no 6.8
    with pytest.raises(InstallError, match=r"Could not find at URL http://127\.0\.0\.1:\d+/"):
        install(force=True)
    assert find_installation() is None
