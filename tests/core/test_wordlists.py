"""The reviewer's dictionary and "ignored everywhere" flags: matching, files, team folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from reviewer.core.errors import ReviewerError
from reviewer.core.flags import Flag, Severity
from reviewer.core.wordlists import (
    DICTIONARY_FILE,
    IGNORED_FILE,
    WordListError,
    WordLists,
    add_to_dictionary,
    filter_flags,
    ignore_everywhere,
    load_word_lists,
    remove_from_dictionary,
    unignore,
    user_config_folder,
)


def flag(text: str, rule: str = "MT_UNTRANSLATED", category: str = "Accuracy/Untranslated") -> Flag:
    return Flag(
        start=0,
        end=len(text),
        text=text,
        rule=rule,
        engine="test",
        category=category,
        severity=Severity.MINOR,
        message="m",
    )


def spelling(text: str) -> Flag:
    return flag(text, rule="MORFOLOGIK_RULE_EN_US", category="Fluency/Spelling")


# --- matching -------------------------------------------------------------------------------


def test_an_ignored_rule_and_text_pair_is_suppressed_and_nothing_else() -> None:
    lists = WordLists(ignored=frozenset({("QA_COMMA_SPLICE", "ended, it was")}))
    assert lists.suppresses(flag("ended, it was", "QA_COMMA_SPLICE", "Fluency/Punctuation"))
    # same text, another rule; same rule, another text; the text differing only in case
    assert not lists.suppresses(flag("ended, it was", "QA_OTHER", "Fluency/Punctuation"))
    assert not lists.suppresses(flag("ended, it is", "QA_COMMA_SPLICE", "Fluency/Punctuation"))
    assert not lists.suppresses(flag("Ended, it was", "QA_COMMA_SPLICE", "Fluency/Punctuation"))


@pytest.mark.parametrize(
    "finding",
    [
        flag("Qassim", "MT_UNTRANSLATED", "Accuracy/Untranslated"),
        flag("Qassim", "MT_INCONSISTENT_NAME", "Terminology/Inconsistent use"),
        flag("Qassim", "MORFOLOGIK_RULE_EN_US", "Fluency/Spelling"),
        flag("Qassim", "MORFOLOGIK_RULE_EN_GB", "Fluency/Spelling"),
        flag("Qassim", "HUNSPELL_RULE", "Fluency/Spelling"),
        flag("Qassim", "SOME_FUTURE_SPELLER", "Fluency/Spelling"),
    ],
)
def test_spelling_type_findings_on_a_dictionary_word_are_suppressed(finding: Flag) -> None:
    assert WordLists(dictionary=frozenset({"Qassim"})).suppresses(finding)
    assert not WordLists(dictionary=frozenset({"Qassem"})).suppresses(finding)


def test_a_dictionary_word_does_not_silence_other_kinds_of_finding() -> None:
    lists = WordLists(dictionary=frozenset({"the"}))
    assert not lists.suppresses(flag("the the", "QA_REPEATED_WORD", "Fluency/Grammar"))
    assert not lists.suppresses(flag("the", "MT_FRAGMENT", "Fluency/Grammar"))
    assert not lists.suppresses(
        flag("Suleimani", "MT_INCONSISTENT_VARIANT", "Terminology/Inconsistent use")
    )


@pytest.mark.parametrize(
    "rule", ["UPPERCASE_SENTENCE_START", "MT_LOWERCASE_START", "MT_STRAY_CAPITAL"]
)
def test_a_dictionary_word_does_not_answer_a_capital_in_the_wrong_place(rule: str) -> None:
    # filed as Fluency/Spelling, but "the" starting a sentence is wrong whatever the lists say
    lists = WordLists(dictionary=frozenset({"the", "The"}))
    assert not lists.suppresses(flag("the", rule, "Fluency/Spelling"))
    assert not lists.suppresses(flag("The", rule, "Fluency/Spelling"))


def test_capitalised_entries_match_exactly_lower_case_entries_match_any_case() -> None:
    lists = WordLists(dictionary=frozenset({"Jimenez", "muy"}))
    assert lists.suppresses(spelling("Jimenez"))
    assert not lists.suppresses(spelling("jimenez"))
    assert not lists.suppresses(spelling("JIMENEZ"))
    assert lists.suppresses(spelling("muy"))
    assert lists.suppresses(spelling("Muy"))
    assert lists.suppresses(spelling("MUY"))


def test_every_word_of_a_multi_word_text_must_be_known() -> None:
    lists = WordLists(dictionary=frozenset({"sin", "embargo"}))
    assert lists.suppresses(flag("Sin embargo"))
    assert not WordLists(dictionary=frozenset({"sin"})).suppresses(flag("Sin embargo"))
    # a phrase entry covers the whole text too
    assert WordLists(dictionary=frozenset({"avec nous"})).suppresses(flag("avec  nous"))


def test_possessives_hyphenated_names_and_unicode_forms() -> None:
    lists = WordLists(dictionary=frozenset({"Suleimani", "al", "Muhandis", "Jiménez"}))
    assert lists.suppresses(spelling("Suleimani’s"))
    assert lists.suppresses(spelling("al-Muhandis"))
    assert not lists.suppresses(spelling("al-Mahdi"))
    assert lists.suppresses(spelling("Jime\u0301nez"))  # decomposed é in the document


def test_texts_without_words_and_empty_lists_suppress_nothing() -> None:
    lists = WordLists(dictionary=frozenset({"x"}))
    assert not lists.suppresses(spelling("..."))
    assert not WordLists().suppresses(spelling("Qassim"))


def test_filter_flags_keeps_order_and_drops_only_suppressed() -> None:
    flags = [spelling("Qassim"), spelling("recieve"), flag("muy"), spelling("Qassem")]
    lists = WordLists(dictionary=frozenset({"Qassim", "muy"}))
    assert filter_flags(flags, lists) == [flags[1], flags[3]]
    assert filter_flags(iter(flags), None) == flags


# --- files ----------------------------------------------------------------------------------


def test_the_user_folder_comes_from_the_environment(isolated_user_config: Path) -> None:
    assert user_config_folder() == isolated_user_config


def test_round_trip_through_the_user_files(isolated_user_config: Path) -> None:
    assert add_to_dictionary("Qassim") is True
    assert add_to_dictionary("  Jiménez ") is True
    assert ignore_everywhere("QA_COMMA_SPLICE", "ended, it was") is True
    lists = load_word_lists()
    assert lists.dictionary == {"Qassim", "Jiménez"}
    assert lists.ignored == {("QA_COMMA_SPLICE", "ended, it was")}
    assert lists.warnings == ()
    assert (isolated_user_config / DICTIONARY_FILE).read_text(encoding="utf-8") == (
        "Qassim\nJiménez\n"
    )
    assert (isolated_user_config / IGNORED_FILE).read_text(encoding="utf-8") == (
        "QA_COMMA_SPLICE\tended, it was\n"
    )


def test_adding_twice_is_a_no_op(isolated_user_config: Path) -> None:
    assert add_to_dictionary("Qassim") is True
    assert add_to_dictionary("Qassim") is False
    assert ignore_everywhere("R", "text") is True
    assert ignore_everywhere("R", "text") is False
    assert (isolated_user_config / DICTIONARY_FILE).read_text(encoding="utf-8") == "Qassim\n"
    assert (isolated_user_config / IGNORED_FILE).read_text(encoding="utf-8") == "R\ttext\n"


def test_undo_removes_the_entry_and_keeps_the_rest(isolated_user_config: Path) -> None:
    (isolated_user_config / DICTIONARY_FILE).write_text(
        "# names from the Iraq desk\nQassim\nMuhandis\n", encoding="utf-8"
    )
    ignore_everywhere("R", "a")
    ignore_everywhere("R", "b")
    assert remove_from_dictionary("Qassim") is True
    assert remove_from_dictionary("Qassim") is False
    assert unignore("R", "a") is True
    assert unignore("R", "a") is False
    assert (isolated_user_config / DICTIONARY_FILE).read_text(encoding="utf-8") == (
        "# names from the Iraq desk\nMuhandis\n"
    )
    assert load_word_lists().ignored == {("R", "b")}


def test_hand_edited_files_comments_blank_lines_and_spaces(isolated_user_config: Path) -> None:
    (isolated_user_config / DICTIONARY_FILE).write_text(
        "\ufeff# team names\n\n  Qassim  \r\n#Not a word\nmuy\n", encoding="utf-8"
    )
    (isolated_user_config / IGNORED_FILE).write_text(
        "# rule<TAB>text\nQA_A\tsome text\nQA_B   typed with spaces\nQA_C\t\n", encoding="utf-8"
    )
    lists = load_word_lists()
    assert lists.dictionary == {"Qassim", "muy"}
    assert lists.ignored == {("QA_A", "some text"), ("QA_B", "typed with spaces"), ("QA_C", "")}


@pytest.mark.parametrize(
    "text",
    [
        "tab\there",
        "two\nlines",
        "cr\rlf",
        "back\\slash \\t",
        " the coalition",
        "end  ",
        "#tag",
        " ",
    ],
)
def test_awkward_texts_survive_the_file(text: str, isolated_user_config: Path) -> None:
    ignore_everywhere("MT_FRAGMENT", text)
    content = (isolated_user_config / IGNORED_FILE).read_text(encoding="utf-8")
    assert content.count("\n") == 1 and content.count("\t") == 1  # still one line, one tab
    assert load_word_lists().ignored == {("MT_FRAGMENT", text)}
    assert unignore("MT_FRAGMENT", text) is True
    assert load_word_lists().ignored == frozenset()


def test_a_dictionary_word_starting_with_hash_is_not_a_comment() -> None:
    add_to_dictionary("#MeToo")
    assert load_word_lists().dictionary == {"#MeToo"}


@pytest.mark.parametrize("rule", ["", "TWO WORDS", "A\tB", "#COMMENT"])
def test_bad_rule_ids_are_refused(rule: str) -> None:
    with pytest.raises(WordListError):
        ignore_everywhere(rule, "text")


def test_an_empty_word_is_refused() -> None:
    with pytest.raises(WordListError, match="empty"):
        add_to_dictionary(" \t ")


def test_writes_are_atomic_and_leave_no_temporary_file(
    isolated_user_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_to_dictionary("Qassim")
    ignore_everywhere("R", "text")
    assert sorted(p.name for p in isolated_user_config.iterdir()) == [DICTIONARY_FILE, IGNORED_FILE]

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))

    def failing_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(WordListError, match="No space left"):
        add_to_dictionary("Muhandis")
    assert synced, "the temporary file is flushed to disk before the rename"
    # the old file is intact and the temporary file is gone
    assert (isolated_user_config / DICTIONARY_FILE).read_text(encoding="utf-8") == "Qassim\n"
    assert sorted(p.name for p in isolated_user_config.iterdir()) == [DICTIONARY_FILE, IGNORED_FILE]


def test_a_stale_lock_is_broken_and_a_fresh_one_waits(
    isolated_user_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.core import wordlists

    lock = isolated_user_config / f".{DICTIONARY_FILE}.lock"
    lock.touch()
    old = lock.stat().st_mtime - wordlists.STALE_LOCK_SECONDS - 5
    os.utime(lock, (old, old))
    assert add_to_dictionary("Qassim") is True  # left by a crashed process: broken
    assert not lock.exists()

    lock.touch()
    monkeypatch.setattr(wordlists, "LOCK_TIMEOUT_SECONDS", 0.2)
    with pytest.raises(WordListError, match="locked"):
        add_to_dictionary("Muhandis")
    assert load_word_lists().dictionary == {"Qassim"}


# --- the team folder ------------------------------------------------------------------------


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    monkeypatch.setenv("REVIEWER_TEAM_FOLDER", str(folder))
    return folder


def test_lists_are_the_union_of_user_and_team(isolated_user_config: Path, team: Path) -> None:
    (isolated_user_config / DICTIONARY_FILE).write_text("Qassim\n", encoding="utf-8")
    (isolated_user_config / IGNORED_FILE).write_text("R\tmine\n", encoding="utf-8")
    (team / DICTIONARY_FILE).write_text("Muhandis\nQassim\n", encoding="utf-8")
    (team / IGNORED_FILE).write_text("R\ttheirs\n", encoding="utf-8")
    lists = load_word_lists()
    assert lists.dictionary == {"Qassim", "Muhandis"}
    assert lists.ignored == {("R", "mine"), ("R", "theirs")}
    # an explicit folder wins over the environment
    assert load_word_lists(team_folder=isolated_user_config / "nowhere").dictionary == {"Qassim"}


def test_writes_go_to_the_user_and_the_team(isolated_user_config: Path, team: Path) -> None:
    (team / DICTIONARY_FILE).write_text("Muhandis\n", encoding="utf-8")
    assert add_to_dictionary("Qassim") is True
    assert ignore_everywhere("R", "text") is True
    for folder in (isolated_user_config, team):
        assert "Qassim\n" in (folder / DICTIONARY_FILE).read_text(encoding="utf-8")
        assert (folder / IGNORED_FILE).read_text(encoding="utf-8") == "R\ttext\n"
    assert (team / DICTIONARY_FILE).read_text(encoding="utf-8") == "Muhandis\nQassim\n"
    # a word the team already has is added for the user only, never duplicated
    assert add_to_dictionary("Muhandis") is True
    assert (team / DICTIONARY_FILE).read_text(encoding="utf-8") == "Muhandis\nQassim\n"
    assert remove_from_dictionary("Qassim") is True
    assert "Qassim" not in load_word_lists().dictionary


def test_an_explicit_team_folder_is_written(isolated_user_config: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    add_to_dictionary("Qassim", team_folder=shared)
    assert (shared / DICTIONARY_FILE).read_text(encoding="utf-8") == "Qassim\n"
    assert load_word_lists(shared).dictionary == {"Qassim"}


@pytest.mark.parametrize("kind", ["a regular file", "missing", "under a regular file"])
def test_an_unreachable_team_folder_is_a_clear_error_for_writes_and_skipped_for_reads(
    kind: str, isolated_user_config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = tmp_path / "not-a-folder"
    regular.write_text("x", encoding="utf-8")
    folder = {
        "a regular file": regular,
        "missing": tmp_path / "unmounted" / "share",
        "under a regular file": regular / "team",
    }[kind]
    monkeypatch.setenv("REVIEWER_TEAM_FOLDER", str(folder))
    for write in (lambda: add_to_dictionary("Qassim"), lambda: ignore_everywhere("R", "t")):
        with pytest.raises(ReviewerError) as caught:
            write()
        assert isinstance(caught.value, WordListError)
        message = str(caught.value)
        assert "\n" not in message and str(folder) in message and "REVIEWER_TEAM_FOLDER" in message
    # nothing half-done: the user's own list did not change either
    assert not (isolated_user_config / DICTIONARY_FILE).exists()

    (isolated_user_config / DICTIONARY_FILE).write_text("Muhandis\n", encoding="utf-8")
    lists = load_word_lists()
    assert lists.dictionary == {"Muhandis"}
    assert len(lists.warnings) == 1 and str(folder) in lists.warnings[0]


def test_a_read_only_team_folder_is_a_clear_error(
    isolated_user_config: Path, team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (team / DICTIONARY_FILE).write_text("Muhandis\n", encoding="utf-8")
    team.chmod(0o555)
    real_mkstemp = tempfile.mkstemp

    def refusing_mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        # chmod does not stop root (the CI user): refuse writes there as the kernel would
        if Path(str(kwargs.get("dir", ""))).resolve() == team.resolve():
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refusing_mkstemp)
    try:
        with pytest.raises(WordListError, match="team folder") as caught:
            add_to_dictionary("Qassim")
        assert "\n" not in str(caught.value)
        # already in the team's list: nothing to write there, so no error
        assert add_to_dictionary("Muhandis") is True
        assert load_word_lists().dictionary == {"Muhandis"}
    finally:
        team.chmod(0o755)
