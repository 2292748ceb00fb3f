"""SRC_TERMINOLOGY: glossary terms (CSV, TBX), forbidden variants, do-not-translate terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.errors import ConfigurationError
from reviewer.engines.source.engine import SourceEngine
from reviewer.engines.source.glossary import Glossary, Term, load_glossary
from tests.engines.source.helpers import rule_flags, units_of

RULE = "SRC_TERMINOLOGY"
GLOSSARY = Glossary(
    (
        Term("cuenta de usuario", "user account", ("client account",)),
        Term("Benutzerkonto", "user account", ("user profile",)),
        Term("tableau de bord", "dashboard", ("control panel", "board")),
        Term("contul", "account"),
        Term("Сбербанк", "Sberbank", ("Savings Bank",)),
        Term("云端", "cloud"),
        Term("SmartDesk", "SmartDesk"),  # do not translate
    )
)

BROKEN = [
    (
        "es",
        "Cree una cuenta de usuario nueva.",
        "Create a new client account.",
        "client account",
        ("user account",),
    ),
    (
        "de",
        "Das Benutzerkonto wurde gesperrt.",
        "The user profile was locked.",
        "user profile",
        ("user account",),
    ),
    (
        "fr",
        "Ouvrez le tableau de bord.",
        "Open the control panel.",
        "control panel",
        ("dashboard",),
    ),
    ("ro", "Ați blocat contul.", "You have blocked the profile.", None, ()),
    (
        "ru",
        "Сбербанк повысил ставки.",
        "Savings Bank raised its rates.",
        "Savings Bank",
        ("Sberbank",),
    ),
    ("zh", "文件保存在云端。", "The files are saved online.", None, ()),
    ("es", "Abra SmartDesk ahora.", "Open Smart Desk now.", None, ()),
]
KEPT = [
    ("es", "Cree una cuenta de usuario nueva.", "Create a new user account."),
    ("de", "Die Benutzerkonten wurden gesperrt.", "The user accounts were locked."),
    ("fr", "Ouvrez le tableau de bord.", "Open the dashboard."),
    ("ro", "Ați blocat contul.", "You have blocked the account."),
    ("ru", "Сбербанк повысил ставки.", "Sberbank raised its rates."),
    ("zh", "文件保存在云端。", "The files are saved in the cloud."),
    ("es", "Abra SmartDesk ahora.", "Open SmartDesk now."),
]


@pytest.mark.parametrize(("language", "source", "target", "text", "suggestions"), BROKEN)
def test_glossary_breaches_are_flagged(
    language: str, source: str, target: str, text: str | None, suggestions: tuple[str, ...]
) -> None:
    flags = rule_flags([(source, target)], language, RULE, glossary=GLOSSARY)
    assert len(flags) == 1
    assert flags[0].category == "Terminology"
    assert flags[0].text == (text or target)
    assert flags[0].suggestions == suggestions


@pytest.mark.parametrize(("language", "source", "target"), KEPT)
def test_glossary_respected_is_not_flagged(language: str, source: str, target: str) -> None:
    assert rule_flags([(source, target)], language, RULE, glossary=GLOSSARY) == []


def test_csv_glossary_from_the_options(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(
        "source,target,forbidden\ntableau de bord,dashboard,control panel|board\n",
        encoding="utf-8",
    )
    document = Document.from_units(
        units_of([("Ouvrez le tableau de bord.", "Open the control panel.")]), source_language="fr"
    )
    report = SourceEngine().check(document, CheckOptions(glossary=str(path)))
    assert [(f.rule, f.text) for f in report.flags] == [(RULE, "control panel")]


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="de">
 <text><body>
  <termEntry id="t1">
   <langSet xml:lang="de"><tig><term>Benutzerkonto</term></tig></langSet>
   <langSet xml:lang="en">
    <tig><term>user account</term>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>user profile</term>
     <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
   </langSet>
  </termEntry>
 </body></text>
</martif>
"""


def test_tbx_glossary(tmp_path: Path) -> None:
    path = tmp_path / "terms.tbx"
    path.write_text(TBX, encoding="utf-8")
    assert load_glossary(path).terms == (Term("Benutzerkonto", "user account", ("user profile",)),)


def test_tbx_entities_are_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "evil.tbx"
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        + TBX.split("\n", 1)[1].replace("<term>Benutzerkonto</term>", "<term>&x;</term>"),
        encoding="utf-8",
    )
    terms = load_glossary(path).terms
    assert all("SECRET" not in term.source for term in terms)


def test_a_missing_glossary_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        load_glossary(tmp_path / "none.csv")
