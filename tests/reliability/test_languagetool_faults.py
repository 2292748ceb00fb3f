"""LanguageTool misbehaving: the check completes, LanguageTool `unavailable`, the artefacts
flags intact, in bounded time. A fake server (127.0.0.1, in a thread) answers HTTP 500,
garbage, or hangs past the client's read timeout."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from reviewer.engines.languagetool import client
from tests.reliability import fake_languagetool as fake
from tests.reliability.fake_languagetool import fake_languagetool
from tests.reliability.helpers import run_cli

TEXT = (
    "Mr. Pompeo He refused the the offer.  Leave a Reply\n"
    "The minister said the plan was good.\n"
    "A third paragraph follows here, with its own words.\n"
)


@pytest.fixture
def text_path(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _flags(report: dict[str, object]) -> list[tuple[object, ...]]:
    flags = report["flags"]
    assert isinstance(flags, list)
    return [(f["rule"], f["start"], f["end"], f["text"]) for f in flags]


_RULE = {"id": "SOME_RULE", "category": {"id": "GRAMMAR"}}
MALFORMED_MATCHES: dict[str, object] = {
    "matches-not-a-list": {"offset": 0, "length": 2, "rule": _RULE},
    "match-not-an-object": [[0, 2, "SOME_RULE"]],
    "offset-not-an-integer": [{"offset": "3", "length": 2, "rule": _RULE}],
    "length-a-boolean": [{"offset": 3, "length": True, "rule": _RULE}],
    "offset-past-the-text": [{"offset": 100_000, "length": 5, "rule": _RULE}],
    "rule-without-id": [{"offset": 0, "length": 2, "rule": {"category": {"id": "TYPOS"}}}],
    "rule-a-string": [{"offset": 0, "length": 2, "rule": "SOME_RULE"}],
    "replacements-not-a-list": [{"offset": 0, "length": 2, "rule": _RULE, "replacements": "Mr"}],
    "replacement-value-not-a-string": [
        {"offset": 0, "length": 2, "rule": _RULE, "replacements": [{"value": 7}]}
    ],
}
"""Fake-server modes whose `matches` are malformed, each in one way (the rest is valid)."""

MODES = ["http-500", "garbage", "wrong-json", "bad-matches", *MALFORMED_MATCHES, "hang"]


@pytest.fixture(autouse=True)
def _malformed_modes(monkeypatch: pytest.MonkeyPatch) -> None:
    for mode, matches in MALFORMED_MATCHES.items():
        body = {"software": {"version": "6.8"}, "matches": matches}
        answer = (200, "application/json", json.dumps(body).encode())
        monkeypatch.setitem(fake.ANSWERS, mode, answer)


@pytest.mark.parametrize("mode", MODES)
def test_a_misbehaving_server_leaves_languagetool_unavailable_and_the_rest_intact(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    text_path: Path,
    mode: str,
) -> None:
    code, out, err = run_cli(
        capsys, "check", str(text_path), "--engines", "artefacts", "--format", "json"
    )
    assert code == 0, err
    expected = _flags(json.loads(out))
    assert expected  # the artefacts engine has something to say about TEXT

    monkeypatch.setattr(client, "READ_TIMEOUT_SECONDS", 1.0)
    with fake_languagetool(mode) as url:
        monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", url)
        began = time.monotonic()
        code, out, err = run_cli(capsys, "check", str(text_path), "--format", "json")
        elapsed = time.monotonic() - began
    assert code == 0, err
    assert "Traceback" not in err
    assert elapsed < 20, f"the check took {elapsed:.1f} s"
    report = json.loads(out)
    engines = {e["name"]: e for e in report["engines"]}
    assert engines["languagetool"]["status"] == "unavailable"
    reason = engines["languagetool"]["reason"]
    assert reason and "\n" not in reason
    assert url in reason
    if mode == "bad-matches" or mode in MALFORMED_MATCHES:
        assert reason.startswith("LanguageTool answered with malformed matches: ")
        assert "Error" not in reason  # no bare TypeError or KeyError from the mapping
    assert engines["artefacts"]["status"] == "ok"
    assert _flags(report) == expected


RECORDED = (
    Path(__file__).resolve().parents[1] / "data" / "languagetool" / "check_emoji_accents.json"
)


def test_a_real_answer_passes_the_validation_with_its_utf16_offsets() -> None:
    payload = json.loads(RECORDED.read_text(encoding="utf-8"))
    text, matches = payload["_recorded"]["text"], payload["matches"]
    assert any(ord(char) > 0xFFFF for char in text)  # emoji: UTF-16 is longer than len()
    assert client.malformed_matches(matches, len(text.encode("utf-16-le")) // 2) is None
    assert client.malformed_matches([], 0) is None


@pytest.mark.parametrize(
    ("matches", "problem"),
    [
        (None, "matches is null, not a list"),
        ([{"offset": 0, "length": 3, "rule": {"id": "R"}}], "match 0: offset 0 length 3 is "),
        ([{"offset": -1, "length": 1, "rule": {"id": "R"}}], "is outside the text"),
        ([{"length": 1, "rule": {"id": "R"}}], "offset and length must be integers"),
        ([{"offset": 0, "length": 1, "rule": {"id": 5}}], "rule must be an object"),
        ([{"offset": 0, "length": 1, "rule": {"id": "R", "category": "C"}}], "category"),
        ([{"offset": 0, "length": 1, "rule": {"id": "R"}, "replacements": [None]}], "value"),
    ],
)
def test_each_malformed_match_is_named(matches: object, problem: str) -> None:
    found = client.malformed_matches(matches, 2)
    assert found is not None and problem in found


def test_a_malformed_answer_names_the_match_and_the_server() -> None:
    with (
        fake_languagetool("replacement-value-not-a-string") as url,
        pytest.raises(client.LanguageToolError) as caught,
    ):
        client.LanguageToolClient(url).check("Mr Pompeo refused.", {"language": "en-US"})
    assert str(caught.value) == (
        "LanguageTool answered with malformed matches: match 0: a replacement must be an "
        f"object with a string value (got {{'value': 7}}) ({url}/v2/check)"
    )
