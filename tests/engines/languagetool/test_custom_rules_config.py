"""Our LanguageTool rules as configuration: twins switched off together, a broken file left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.checking import twins_of
from reviewer.core.engine import CheckOptions
from reviewer.engines.languagetool import serverconfig
from reviewer.engines.languagetool.engine import request_parameters
from reviewer.engines.languagetool.mapping import category_table


def test_switching_a_detector_off_switches_its_languagetool_twin_off() -> None:
    assert "MT_DOUBLED_SUBJECT_POS" in twins_of({"MT_DOUBLED_SUBJECT"})
    assert twins_of({"QA_DOUBLE_SPACE"}) == frozenset()
    options = CheckOptions(disabled_rules=frozenset({"MT_DOUBLED_SUBJECT"}))
    sent = request_parameters(options, category_table())["disabledRules"].split(",")
    assert {"MT_DOUBLED_SUBJECT", "MT_DOUBLED_SUBJECT_POS"} <= set(sent)
    assert "MT_DOUBLED_SUBJECT_POS" not in serverconfig.active_custom_rules(options, remote=False)


def test_a_rules_file_that_is_not_xml_stays_off_the_class_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path.joinpath("rules", *serverconfig.CUSTOM_RULES_FILE)
    broken.parent.mkdir(parents=True)
    broken.write_text("<rules><category id='MT_ARTEFACTS'><rule id='X'>", encoding="utf-8")
    monkeypatch.setattr(serverconfig, "resource_path", lambda *parts: tmp_path.joinpath(*parts[1:]))
    serverconfig.custom_rules_dir.cache_clear()
    try:
        assert serverconfig.custom_rules_dir() is None
        assert serverconfig.with_custom_rules("/lib/*") == "/lib/*"
    finally:
        monkeypatch.undo()
        serverconfig.custom_rules_dir.cache_clear()
    assert serverconfig.custom_rules_dir() is not None  # the real file is well-formed
