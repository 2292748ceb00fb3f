"""A reviewer's dictionary and "ignored everywhere" flags, per user and shared by a team.

"Add to dictionary" declares a word correct (a name, a term): spelling-type flags whose every
word is in the dictionary disappear. "Ignore everywhere" hides one rule on one text in every
document. Both live as small text files a person can edit:

- `dictionary.txt`: one word (or phrase) per line; `#` starts a comment line.
- `ignored.tsv`: `RULE<TAB>text` per line.

The user's files are in `platformdirs.user_config_dir("mt-reviewer")` (or `$REVIEWER_CONFIG_DIR`);
a team folder (`$REVIEWER_TEAM_FOLDER`, or passed explicitly) holds the same two files, and
what a check applies is the union of both. Writes go to the user's files and, when a team folder
is configured, to the team's too. A team folder that cannot be written is an error (nothing is
changed); one that cannot be read is skipped with a warning, so a missing network share never
stops a check.

Flags are filtered after the engines ran: engine caches (LanguageTool's, keyed by options)
hold unfiltered results, so adding a word never invalidates them.

In the files, a backslash, tab, newline or carriage return inside a text is written `\\\\`,
`\\t`, `\\n`, `\\r`; spaces at either end of a text `\\s`; a leading `#` `\\#`.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import platformdirs

from reviewer.core.errors import ReviewerError
from reviewer.core.flags import Flag

APP_NAME = "mt-reviewer"
CONFIG_DIR_ENV = "REVIEWER_CONFIG_DIR"
TEAM_FOLDER_ENV = "REVIEWER_TEAM_FOLDER"
DICTIONARY_FILE = "dictionary.txt"
IGNORED_FILE = "ignored.tsv"

#: Flags of these kinds say "this word is wrong or foreign"; a dictionary word answers them.
SPELLING_CATEGORIES = frozenset({"Fluency/Spelling"})
SPELLING_RULES = frozenset({"MT_UNTRANSLATED", "MT_INCONSISTENT_NAME"})
SPELLING_RULE_PREFIXES = ("MORFOLOGIK_RULE_", "HUNSPELL")
# Filed as Fluency/Spelling but about a word's capital at its place in the sentence ("the"
# starting one, "The" in mid-sentence): no dictionary entry answers them, and adding "the"
# would hide every such error.
CAPITALISATION_RULES = frozenset(
    {"UPPERCASE_SENTENCE_START", "MT_LOWERCASE_START", "MT_STRAY_CAPITAL", "MT_STRAY_CAPITAL_POS"}
)

LOCK_TIMEOUT_SECONDS = 5.0
STALE_LOCK_SECONDS = 30.0

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_RULE = re.compile(r"[^\s#][^\s]*")


class WordListError(ReviewerError):
    """A dictionary or ignore list could not be changed (folder unreachable, bad entry)."""


@dataclass(frozen=True)
class WordLists:
    """The dictionary and the ignored (rule, text) pairs that apply to a check.

    `warnings` says which folders or files could not be read (they were skipped).
    """

    dictionary: frozenset[str] = frozenset()
    ignored: frozenset[tuple[str, str]] = frozenset()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def suppresses(self, flag: Flag) -> bool:
        """True when the reviewer chose not to see `flag` again.

        Either its (rule, text) is ignored everywhere, or it is a spelling-type finding on a
        text whose every word is in the dictionary. Capitalised entries match exactly
        ("Jimenez" is not "jimenez"); a lower-case entry matches any case ("muy": "Muy").
        """
        if (flag.rule, flag.text) in self.ignored:
            return True
        return is_spelling_flag(flag) and self.knows(flag.text)

    def knows(self, text: str) -> bool:
        """True when `text` is a dictionary phrase, or every word in it is a dictionary word."""
        text = " ".join(unicodedata.normalize("NFC", text).split())
        if not text or not self.dictionary:
            return False
        if self._known_word(text):
            return True
        words = _WORD.findall(text)
        return bool(words) and all(self._known_token(word) for word in words)

    @cached_property
    def _entries(self) -> frozenset[str]:
        return frozenset(_normalized_word(word) for word in self.dictionary)

    @cached_property
    def _lowercase_entries(self) -> frozenset[str]:
        return frozenset(entry for entry in self._entries if entry == entry.lower())

    def _known_word(self, word: str) -> bool:
        return word in self._entries or word.lower() in self._lowercase_entries

    def _known_token(self, word: str) -> bool:
        """A word, its form without a possessive ('s), or every part of a hyphenated word."""
        if self._known_word(word) or self._known_word(_POSSESSIVE.sub("", word)):
            return True
        parts = _POSSESSIVE.sub("", word).split("-")
        return len(parts) > 1 and all(self._known_word(part) for part in parts)


def is_spelling_flag(flag: Flag) -> bool:
    """Spelling-type findings: the ones a dictionary word can answer."""
    if flag.rule in CAPITALISATION_RULES:
        return False
    return (
        flag.category in SPELLING_CATEGORIES
        or flag.rule in SPELLING_RULES
        or flag.rule.startswith(SPELLING_RULE_PREFIXES)
    )


def filter_flags(flags: Iterable[Flag], lists: WordLists | None) -> list[Flag]:
    """The flags the word lists do not suppress (all of them when `lists` is None)."""
    if lists is None:
        return list(flags)
    return [flag for flag in flags if not lists.suppresses(flag)]


# --- where the files live -------------------------------------------------------------------


def user_config_folder() -> Path:
    """`$REVIEWER_CONFIG_DIR`, or the platform's per-user configuration folder."""
    override = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME))


def configured_team_folder(team_folder: Path | None = None) -> Path | None:
    """`team_folder` when given, else `$REVIEWER_TEAM_FOLDER`, else None (no team lists)."""
    if team_folder is not None:
        return Path(team_folder).expanduser()
    value = os.environ.get(TEAM_FOLDER_ENV, "").strip()
    return Path(value).expanduser() if value else None


# --- reading --------------------------------------------------------------------------------


def load_word_lists(team_folder: Path | None = None) -> WordLists:
    """The union of the user's and the team's lists; unreadable places are skipped."""
    dictionary: set[str] = set()
    ignored: set[tuple[str, str]] = set()
    warnings: list[str] = []
    team = configured_team_folder(team_folder)
    folders = [(user_config_folder(), False)] + ([(team, True)] if team is not None else [])
    for folder, is_team in folders:
        if is_team and not folder.is_dir():
            warnings.append(f"team folder {folder} is not reachable; its word lists are skipped")
            continue
        try:
            dictionary.update(_dictionary_entries(_read_lines(folder / DICTIONARY_FILE)))
            ignored.update(_ignored_entries(_read_lines(folder / IGNORED_FILE)))
        except OSError as exc:
            warnings.append(f"cannot read word lists in {folder}: {_reason(exc)}; skipped")
    return WordLists(frozenset(dictionary), frozenset(ignored), tuple(warnings))


def _read_lines(path: Path) -> list[str]:
    """The file's lines, or none when it does not exist yet."""
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except FileNotFoundError:
        return []


def _dictionary_entries(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            word = _normalized_word(_unescape(line.strip()))
            if word:
                yield word


def _ignored_entries(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rule, tab, text = line.partition("\t")
        if not tab:  # typed by hand with spaces: RULE text
            rule, _, text = line.strip().partition(" ")
            text = text.strip()
        if rule.strip():
            yield rule.strip(), _unescape(text)


# --- writing --------------------------------------------------------------------------------


def add_to_dictionary(word: str, team_folder: Path | None = None) -> bool:
    """Declare `word` correct for this user and, with a team folder, for the team.

    Returns True when a file changed (False: the word was already in every list). Raises
    `WordListError` when the team folder cannot be written; then nothing is changed.
    """
    entry = _normalized_word(word)
    if not entry:
        raise WordListError("cannot add an empty word to the dictionary")

    def add(lines: list[str]) -> list[str] | None:
        if entry in set(_dictionary_entries(lines)):
            return None
        return [*lines, _escape(entry)]

    return _update_everywhere(DICTIONARY_FILE, add, team_folder)


def remove_from_dictionary(word: str, team_folder: Path | None = None) -> bool:
    """Undo `add_to_dictionary`: drop `word` from the user's and the team's dictionary."""
    entry = _normalized_word(word)

    def remove(lines: list[str]) -> list[str] | None:
        kept = [line for line in lines if list(_dictionary_entries([line])) != [entry]]
        return kept if len(kept) != len(lines) else None

    return _update_everywhere(DICTIONARY_FILE, remove, team_folder)


def ignore_everywhere(rule: str, text: str, team_folder: Path | None = None) -> bool:
    """Never show `rule` on exactly `text` again, in any document (user's and team's list)."""
    pair = (_validated_rule(rule), text)

    def add(lines: list[str]) -> list[str] | None:
        if pair in set(_ignored_entries(lines)):
            return None
        return [*lines, f"{pair[0]}\t{_escape(text)}"]

    return _update_everywhere(IGNORED_FILE, add, team_folder)


def unignore(rule: str, text: str, team_folder: Path | None = None) -> bool:
    """Undo `ignore_everywhere` for (rule, text) in the user's and the team's list."""
    pair = (rule.strip(), text)

    def remove(lines: list[str]) -> list[str] | None:
        kept = [line for line in lines if list(_ignored_entries([line])) != [pair]]
        return kept if len(kept) != len(lines) else None

    return _update_everywhere(IGNORED_FILE, remove, team_folder)


def _update_everywhere(
    name: str, change: Callable[[list[str]], list[str] | None], team_folder: Path | None
) -> bool:
    """Apply `change` to the team's file first (the one likely to fail), then the user's."""
    changed = False
    team = configured_team_folder(team_folder)
    if team is not None:
        if not team.is_dir():
            raise WordListError(
                f"team folder {team} is not reachable (missing or not a folder); nothing was "
                f"changed: fix the folder or unset {TEAM_FOLDER_ENV}"
            )
        changed |= _update_file(team, name, change, "team folder")
    user = user_config_folder()
    try:
        user.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WordListError(f"cannot create {user}: {_reason(exc)}") from exc
    changed |= _update_file(user, name, change, "configuration folder")
    return changed


def _update_file(
    folder: Path, name: str, change: Callable[[list[str]], list[str] | None], what: str
) -> bool:
    path = folder / name
    try:
        if change(_read_lines(path)) is None:
            return False  # already as wanted: no lock, and a read-only folder is fine
        with _lock(folder, name):
            new_lines = change(_read_lines(path))
            if new_lines is None:
                return False
            _write_atomically(path, "".join(f"{line}\n" for line in new_lines))
            return True
    except OSError as exc:
        raise WordListError(f"cannot write {path} in the {what}: {_reason(exc)}") from exc


def _write_atomically(path: Path, content: str) -> None:
    """Write a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


@contextmanager
def _lock(folder: Path, name: str) -> Iterator[None]:
    """A lock file beside the list, so two reviewers adding at once both keep their entry.

    `O_EXCL` creation works on local disks and network shares alike; a lock left by a crashed
    process is broken after `STALE_LOCK_SECONDS`.
    """
    lock = folder / f".{name}.lock"
    deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
    while True:
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            break
        except FileExistsError:
            with suppress(OSError):
                if time.time() - lock.stat().st_mtime > STALE_LOCK_SECONDS:
                    lock.unlink()
                    continue
            if time.monotonic() > deadline:
                raise WordListError(
                    f"{folder / name} is locked by another reviewer (remove {lock} if stale)"
                ) from None
            time.sleep(0.05)
    try:
        yield
    finally:
        with suppress(OSError):
            lock.unlink()


# --- entries and escaping -------------------------------------------------------------------


def _normalized_word(word: str) -> str:
    """NFC, surrounding whitespace dropped, inner whitespace runs as one space."""
    return " ".join(unicodedata.normalize("NFC", word).split())


def _validated_rule(rule: str) -> str:
    rule = rule.strip()
    if not _RULE.fullmatch(rule):
        raise WordListError(f"invalid rule id {rule!r}: one word, not starting with #")
    return rule


_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r", "s": " ", "#": "#"}


def _escape(text: str) -> str:
    """One line for the file: control characters escaped, end spaces and leading # visible."""
    body = "".join(_ESCAPES.get(char, char) for char in text)
    core = body.strip(" ")
    if not core:
        return "\\s" * len(body)
    leading = len(body) - len(body.lstrip(" "))
    trailing = len(body) - len(body.rstrip(" "))
    if core.startswith("#"):
        core = "\\" + core
    return "\\s" * leading + core + "\\s" * trailing


def _unescape(text: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        following = text[index + 1 : index + 2]
        if char == "\\" and following in _UNESCAPES:
            out.append(_UNESCAPES[following])
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
