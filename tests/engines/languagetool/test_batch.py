"""`reviewer check DIR` with the real LanguageTool: every document checked by one server,
with the same flags as a check of the file alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.engines.languagetool.server import ServerManager

pytestmark = pytest.mark.languagetool


def test_a_folder_is_checked_with_one_local_server(
    shared_local_server: ServerManager,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    seed_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for index in range(4):
        shutil.copyfile(seed_path, tmp_path / f"copy{index}.txt")
    starts: list[int] = []
    original_start = ServerManager.start

    def counting_start(self: ServerManager) -> None:
        if self.state.value in ("stopped", "failed"):
            starts.append(1)
        original_start(self)

    monkeypatch.setattr(ServerManager, "start", counting_start)
    code = main(["check", str(tmp_path), "--format", "json", "--jobs", "2"])
    out, err = capsys.readouterr()
    assert code == 0, err
    documents = json.loads(out)["documents"]
    assert len(documents) == 4
    assert len(starts) == 1, "one server for all the files"
    assert shared_local_server.users == 0, "the engines let go of the server at the end"
    first = documents[0]
    assert [(e["name"], e["status"]) for e in first["engines"]] == [
        ("languagetool", "ok"),
        ("artefacts", "ok"),
        ("source", "ok"),  # a plain text: no sources, no flags
    ]
    assert any(flag["engine"] == "languagetool" for flag in first["flags"])
    signatures = [
        [(f["start"], f["end"], f["rule"]) for f in document["flags"]] for document in documents
    ]
    assert all(signature == signatures[0] for signature in signatures)
    assert "reviewer: 4 files, " in err.strip().splitlines()[-1]
