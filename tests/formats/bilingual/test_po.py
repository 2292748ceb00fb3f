"""PO/POT through translate-toolkit: plurals, fuzzy, format specifiers, exact write-back."""

from __future__ import annotations

import pytest
from translate.storage import pypo

from reviewer.core.bilingual import PlaceholderKind, placeholders_in
from reviewer.formats.bilingual import BilingualFormatError, parse_bilingual, write_bilingual

from .support import changed_lines, fixture_bytes


def test_entries_plurals_fuzzy_and_tokens() -> None:
    bilingual = parse_bilingual(fixture_bytes("app.po"), "app.po")
    assert bilingual.format == "po"
    assert bilingual.target_language == "de"
    assert [unit.id for unit in bilingual.units] == ["1", "2[0]", "2[1]", "3", "4", "5", "6"]
    hello = bilingual.unit("1")
    assert [(p.markup, p.kind) for p in hello.placeholders] == [
        ("%s", PlaceholderKind.CODE),
        ("<b>", PlaceholderKind.OPEN),
        ("%d", PlaceholderKind.CODE),
        ("</b>", PlaceholderKind.CLOSE),
        ("\n", PlaceholderKind.CODE),
    ]
    assert "\n" not in hello.target  # the msgstr's \n is a token, as Document.from_units needs
    assert placeholders_in(hello.source) == placeholders_in(hello.target)
    assert hello.notes == ("TRANSLATORS: greeting on the start page",)
    assert bilingual.unit("2[0]").source == "One file was deleted."
    plural = bilingual.unit("2[1]")
    assert plural.placeholders[0].markup == "%(count)d"
    assert plural.with_markup(plural.target) == "%(count)d Dateien wurden gelöscht."
    fuzzy = bilingual.unit("3")
    assert fuzzy.state == "fuzzy"
    assert [p.markup for p in fuzzy.placeholders] == ["{0}", "{app}"]
    assert [p.markup for p in bilingual.unit("4").placeholders] == ["%1$s", "%2$s"]
    assert bilingual.unit("5").target == ""
    assert bilingual.unit("6").state == "translated"


def test_nothing_changed_is_byte_identical() -> None:
    data = fixture_bytes("app.po")
    bilingual = parse_bilingual(data, "app.po")
    assert write_bilingual(data, "app.po", {u.id: u.target for u in bilingual.units}) == data


def test_plural_form_round_trip_changes_only_that_msgstr() -> None:
    data = fixture_bytes("app.po")
    unit = parse_bilingual(data, "app.po").unit("2[1]")
    new = unit.target.replace("gelöscht", "entfernt")
    out = write_bilingual(data, "app.po", {"2[1]": new}, reviewed={"2[1]"})
    assert changed_lines(data, out) == [
        '-msgstr[1] "%(count)d Dateien wurden gelöscht."',
        '+msgstr[1] "%(count)d Dateien wurden entfernt."',
    ]
    store = pypo.pofile.parsestring(out)
    original = pypo.pofile.parsestring(data)
    for before, after in zip(original.units, store.units, strict=True):
        if before.source == "One file was deleted.":
            assert str(after.target.strings[1]) == "%(count)d Dateien wurden entfernt."
            assert str(after.target.strings[0]) == str(before.target.strings[0])
        else:
            assert str(after) == str(before)


def test_reviewed_fuzzy_entry_loses_fuzzy_and_a_dropped_placeholder_is_restored() -> None:
    data = fixture_bytes("app.po")
    unit = parse_bilingual(data, "app.po").unit("3")
    zero, app = (p.char for p in unit.placeholders)
    out = write_bilingual(
        data, "app.po", {"3": f"{zero} in {app} öffnen"}, reviewed={"3"}, notes={"3": ["ok"]}
    )
    assert changed_lines(data, out) == [
        "+# ok",
        "-#, fuzzy, python-brace-format",
        "+#, python-brace-format",
        '-msgstr "{0} öffnen"',
        '+msgstr "{0} in {app} öffnen"',
    ]
    entry = next(u for u in pypo.pofile.parsestring(out).units if u.source == "Open {0} in {app}")
    assert not entry.isfuzzy()
    assert parse_bilingual(out, "app.po").unit("3").state == "translated"


def test_a_fuzzy_entry_not_marked_reviewed_stays_fuzzy() -> None:
    data = fixture_bytes("app.po")
    unit = parse_bilingual(data, "app.po").unit("3")
    out = write_bilingual(data, "app.po", {"3": unit.target + "!"})
    assert changed_lines(data, out) == ['-msgstr "{0} öffnen"', '+msgstr "{0} öffnen!"']
    assert parse_bilingual(out, "app.po").unit("3").state == "fuzzy"


def test_newline_token_is_written_back_as_escape() -> None:
    data = fixture_bytes("app.po")
    unit = parse_bilingual(data, "app.po").unit("1")
    new = unit.target.replace("neue", "ungelesene")
    out = write_bilingual(data, "app.po", {"1": new})
    assert changed_lines(data, out) == [
        '-msgstr "Hallo %s, Sie haben <b>%d</b> neue Nachrichten.\\n"',
        '+msgstr "Hallo %s, Sie haben <b>%d</b> ungelesene Nachrichten.\\n"',
    ]


def test_specifier_edits_are_refused() -> None:
    data = fixture_bytes("app.po")
    unit = parse_bilingual(data, "app.po").unit("1")
    percent_s, bold, percent_d, unbold, newline = (p.char for p in unit.placeholders)
    with pytest.raises(BilingualFormatError, match=r"app\.po: unit 1: .*inline codes"):
        write_bilingual(data, "app.po", {"1": f"Hallo {percent_s}{newline}"})
    with pytest.raises(BilingualFormatError, match="not well-formed"):
        write_bilingual(
            data, "app.po", {"1": f"Hallo {percent_s} {unbold}{percent_d}{bold} {newline}"}
        )


def test_crlf_file_keeps_crlf() -> None:
    data = fixture_bytes("app.po").replace(b"\n", b"\r\n")
    out = write_bilingual(data, "app.po", {"6": "Ablage"}, reviewed={"6"})
    assert out == data.replace(b'msgstr "Datei"', b'msgstr "Ablage"')


def test_pot_template_has_empty_targets() -> None:
    data = (
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "Save"\nmsgstr ""\n'
    )
    bilingual = parse_bilingual(data, "app.pot")
    assert [(u.id, u.source, u.target) for u in bilingual.units] == [("1", "Save", "")]
    assert bilingual.reviewable() == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "app.po: the file is empty"),
        (b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', "no translation"),
        (b'msgid "a"\nmsgstr "b\n', "app.po: not a readable PO file"),
    ],
)
def test_bad_po_files(data: bytes, message: str) -> None:
    with pytest.raises(BilingualFormatError, match=message):
        parse_bilingual(data, "app.po")


def test_specifier_typed_as_plain_text_is_refused() -> None:
    data = fixture_bytes("app.po")
    with pytest.raises(BilingualFormatError, match="types a format specifier or tag as plain"):
        write_bilingual(data, "app.po", {"6": "Datei %d"})
    with pytest.raises(BilingualFormatError, match=r"control character \(U\+0007\)"):
        write_bilingual(data, "app.po", {"6": "Datei\x07"})


def test_unusual_layout_falls_back_to_a_full_semantic_rewrite() -> None:
    data = (
        b"# a comment block of its own\n\n"
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "Save"\nmsgstr "Sichern"\n\nmsgid "Open"\nmsgstr "Offnen"\n'
    )
    out = write_bilingual(data, "odd.po", {"2": "Öffnen"}, reviewed={"2"})
    before = pypo.pofile.parsestring(data).units
    after = pypo.pofile.parsestring(out).units
    assert [str(u.source) for u in after] == [str(u.source) for u in before]
    assert [str(u.target) for u in after][1:] == ["Sichern", "Öffnen"]


def _catalogue(header: str, pairs: list[tuple[str, str]]) -> bytes:
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"']
    lines += [f'"{line}\\n"' for line in header.splitlines()]
    for source, target in pairs:
        lines += ["", f'msgid "{source}"', f'msgstr "{target}"']
    return ("\n".join(lines) + "\n").encode("utf-8")


# A Spanish MT job as this product reads it: msgid the source, msgstr the English MT.
SPANISH_JOB = [
    ("Guardar cambios", "Save changes"),
    ("No se pudo conectar con el servidor.", "Could not connect to the server."),
    ("¿Desea eliminar este archivo?", "Do you want to delete this file?"),
    ("La sesión ha caducado.", "The session has expired."),
]


@pytest.mark.parametrize(
    ("header", "source", "target"),
    [
        # the job's language above English msgstrs names the msgids
        ("Language: es", "es", ""),
        ("Language: es_ES\nLanguage-Team: Spanish <es@li.org>", "es_ES", ""),
        ("Language-Team: Spanish <es@li.org>", "es", ""),
        # an explicit source language wins, and an English Language is the msgstrs'
        ("X-Source-Language: es-MX\nLanguage: en-US", "es-MX", "en-US"),
        ("Language: en", "", "en"),
        ("", "", ""),
    ],
)
def test_the_header_names_the_source_language(header: str, source: str, target: str) -> None:
    """A Spanish job saying `Language: es` was left to detection, which took its few short
    strings for Portuguese."""
    bilingual = parse_bilingual(_catalogue(header, SPANISH_JOB), "job.po")
    assert (bilingual.source_language, bilingual.target_language) == (source, target)


def test_an_ordinary_catalogue_keeps_the_gettext_reading() -> None:
    """English msgids translated into German: `Language: de` is the msgstrs' language."""
    bilingual = parse_bilingual(fixture_bytes("app.po"), "app.po")
    assert (bilingual.source_language, bilingual.target_language) == ("", "de")
