"""Inconsistency across the document: one name or term written in several forms.

Machine translation renders each sentence on its own, so a name transliterated two ways
(Suleimani / Soleimani) or a term hyphenated in one paragraph and closed in the next
(counter-terrorism / counterterrorism) is typical of MT output and invisible to a
sentence-level grammar checker. Each detector collects the forms of one thing, takes the most
frequent as the house style and flags the others (see `_majority`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.english import english_zipf
from reviewer.core.flags import Flag, Severity
from reviewer.engines.artefacts.detector import Detector, Finding
from reviewer.engines.artefacts.detectors._majority import (
    Minority,
    Occurrence,
    majority_message,
    minorities,
)
from reviewer.engines.artefacts.detectors._words import (
    Word,
    capitalise,
    document_words,
    strip_accents,
    word_set,
)
from reviewer.resources import load_yaml

NAME_CATEGORY = "Terminology/Inconsistent use"
SPELLING_CATEGORY = "Fluency/Inconsistency"


def match_case(found: str, replacement: str) -> str:
    """Give `replacement` the capital of `found` ("Email" -> "E-mail", not "e-mail")."""
    if found[:1].isupper() and replacement[:1].islower():
        return capitalise(replacement)
    return replacement


# --- known variant groups -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VariantGroup:
    """One group of `variants.yaml`, compiled."""

    pattern: re.Pattern[str]
    forms: tuple[str, ...]
    case_sensitive: bool
    prefix: bool
    category: str

    def may_vary(self, text: str, lowered: str) -> bool:
        """Cheap pre-check: can two forms occur at all? (a substring search per form)"""
        if self.case_sensitive:
            return sum(1 for f in self.forms if f in text) >= 2
        return sum(1 for f in self.forms if f.lower() in lowered) >= 2

    def label(self, matched: str) -> str:
        """The form (or stem) a matched text belongs to."""
        if self.prefix:
            lowered = matched.lower()
            return next(f for f in self.forms if lowered.startswith(f.lower()))
        if self.case_sensitive:
            return matched
        return next(f for f in self.forms if f.lower() == matched.lower())

    def rewrite(self, matched: str, majority: str) -> str:
        """`matched` rewritten in the majority form, keeping inflection and capital."""
        if self.prefix:
            stem = self.label(matched)
            return match_case(matched, majority + matched[len(stem) :])
        return majority if self.case_sensitive else match_case(matched, majority)


@cache
def variant_groups() -> tuple[VariantGroup, ...]:
    """The groups of `resources/artefacts/variants.yaml`, compiled once."""
    data: dict[str, Any] = load_yaml("artefacts", "variants.yaml")
    suffixes = sorted((re.escape(s) for s in data.get("suffixes", [""])), key=len, reverse=True)
    groups = []
    for entry in data["groups"]:
        forms = tuple(str(f) for f in entry["forms"])
        alternatives = "|".join(
            re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True)
        )
        if entry.get("prefix"):
            body = f"(?:{alternatives})(?:{'|'.join(suffixes)})"
        else:
            body = f"(?:{alternatives})"
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        pattern = re.compile(rf"(?<![\w.\-]){body}(?![\w\-]|\.\w)", flags)
        category = NAME_CATEGORY if entry.get("kind") == "name" else SPELLING_CATEGORY
        groups.append(
            VariantGroup(
                pattern,
                forms,
                bool(entry.get("case_sensitive")),
                bool(entry.get("prefix")),
                category,
            )
        )
    return tuple(groups)


class VariantInconsistency(Detector):
    """Same name or term spelled in different known forms (U.S. / US, e-mail / email)

    Forms come from `resources/artefacts/variants.yaml`. The less frequent form is flagged
    and the most frequent one suggested: on the seed article the single "U.S." points at
    "US", used everywhere else. A reviewer who prefers the minority form rejects the flag
    once; the point is that the article picks one. Capitalised mid-sentence occurrences of
    ordinary words are names ("Labor Party" in a text that writes "labour") and are skipped.
    """

    rule_id = "MT_INCONSISTENT_VARIANT"
    category = SPELLING_CATEGORY
    severity = Severity.MINOR
    confidence = 0.9

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        text = document.text
        lowered = text.lower()
        sentence_ends = {s.end for s in document.sentences}
        initials: set[int] | None = None
        for group in variant_groups():
            if not group.may_vary(text, lowered):
                continue
            found: dict[int, str] = {}
            occurrences = []
            for match in group.pattern.finditer(text):
                if not group.case_sensitive and match[0][0].isupper():
                    if initials is None:
                        initials = {w.start for w in document_words(document) if w.initial}
                    if match.start() not in initials:
                        continue  # a name: "Australian Labor Party", "Kennedy Center"
                occurrences.append(Occurrence(match.start(), match.end(), group.label(match[0])))
                found[match.start()] = match[0]
            for minority in minorities(occurrences):
                yield self._flag(document, group, found, minority, sentence_ends)

    def _flag(
        self,
        document: Document,
        group: VariantGroup,
        found: dict[int, str],
        minority: Minority,
        sentence_ends: set[int],
    ) -> Flag:
        start, end = minority.occurrence.start, minority.occurrence.end
        matched = found[start]
        suggestion = group.rewrite(matched, minority.majority)
        if matched.endswith(".") and not suggestion.endswith(".") and end in sentence_ends:
            suggestion += "."  # "... the U.S." -> "... the US.": keep the full stop
        elif suggestion.endswith(".") and document.text[end : end + 1] == ".":
            end += 1  # "... the US." -> "... the U.S.": absorb the full stop
            matched += "."
        majority_shown = suggestion if group.prefix else minority.majority
        what = "name" if group.category == NAME_CATEGORY else "spelling"
        finding = Finding(
            start=start,
            end=end,
            message=majority_message(what, matched, majority_shown, minority),
            suggestions=(suggestion,),
            category=group.category,
        )
        return self.flag(document, finding)


@cache
def _known_forms() -> frozenset[str]:
    """Every form listed in variants.yaml, lower-cased."""
    return frozenset(f.lower() for group in variant_groups() for f in group.forms)


# --- hyphenated / closed / spaced compounds -------------------------------------------------


@cache
def _compound_data() -> tuple[frozenset[str], frozenset[str]]:
    data: dict[str, Any] = load_yaml("artefacts", "compounds.yaml")
    return word_set(data["spaced_prefixes"]), word_set(data["exceptions"])


def _is_plain(word: str) -> bool:
    """Lower-case apart from a possible capital first letter (no names such as US-led)."""
    return word[1:].islower() or word[1:] == ""


class CompoundInconsistency(Detector):
    """Same compound written hyphenated, closed or spaced (counter-terrorism / counterterrorism)

    Generic: any hyphenated word whose letters also occur closed up, or spaced after a prefix
    such as "counter" or "anti", in the same document. Attributive "long-term" versus
    predicative "long term" is not compared (both are correct); pairs that are different
    words (re-sign / resign) are listed as exceptions in `resources/artefacts/compounds.yaml`.
    """

    rule_id = "MT_INCONSISTENT_COMPOUND"
    category = SPELLING_CATEGORY
    severity = Severity.MINOR
    confidence = 0.8

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        spaced_prefixes, exceptions = _compound_data()
        words = document_words(document)
        hyphenated: dict[str, list[Word]] = defaultdict(list)
        for word in words:
            if "-" in word.text and _is_plain(word.text):
                lowered = word.text.lower()
                if lowered not in exceptions:
                    hyphenated[lowered.replace("-", "")].append(word)
        if not hyphenated:
            return
        occurrences: dict[str, list[Occurrence]] = defaultdict(list)
        for key, items in hyphenated.items():
            occurrences[key].extend(Occurrence(w.start, w.end, w.text.lower()) for w in items)
        text = document.text
        for index, word in enumerate(words):
            lowered = word.text.lower()
            if lowered in hyphenated and _is_plain(word.text):
                occurrences[lowered].append(Occurrence(word.start, word.end, lowered))
            elif lowered in spaced_prefixes and index + 1 < len(words):
                following = words[index + 1]
                key = lowered + following.text.lower()
                if (
                    key in hyphenated
                    and text[word.end : following.start] == " "
                    and following.text.islower()
                ):
                    form = f"{lowered} {following.text.lower()}"
                    occurrences[key].append(Occurrence(word.start, following.end, form))
        known = _known_forms()
        for forms in occurrences.values():
            if any(o.form in known for o in forms):
                continue  # a known group of variants.yaml: MT_INCONSISTENT_VARIANT reports it
            for minority in minorities(forms):
                found = text[minority.occurrence.start : minority.occurrence.end]
                finding = Finding(
                    start=minority.occurrence.start,
                    end=minority.occurrence.end,
                    message=majority_message("hyphenation", found, minority.majority, minority),
                    suggestions=(match_case(found, minority.majority),),
                )
                yield self.flag(document, finding)


# --- name spellings -------------------------------------------------------------------------


@cache
def _name_settings() -> tuple[int, float, tuple[frozenset[str], ...], frozenset[str]]:
    data: dict[str, Any] = load_yaml("artefacts", "names.yaml")
    known = frozenset(f for group in variant_groups() for f in group.forms)
    sets = tuple(frozenset(s) for s in data["interchangeable"])
    return int(data["min_length"]), float(data["common_word_zipf"]), sets, known


def _is_common_english(word: str, threshold: float) -> bool:
    return english_zipf(word.lower()) >= threshold


_POSSESSIVE = re.compile(r"['’]s$")


def _name_token(word: Word) -> tuple[int, int, str] | None:
    """A capitalised, not all-caps, mid-sentence token without its possessive: name-like."""
    text = _POSSESSIVE.sub("", word.text)
    if word.initial or len(text) < 2 or not text[0].isupper() or text.isupper():
        return None
    return word.start, word.start + len(text), text


class NameInconsistency(Detector):
    """Same name spelled differently (Jiménez / Jimenez, Qassim / Qassem)

    Compares capitalised mid-sentence tokens. Variants that differ only in diacritics or
    inner capitals are the same name. Variants one interchangeable letter apart (vowels,
    k/q/c...) are transliterations when both are long enough and not both common English
    words; settings in `resources/artefacts/names.yaml`. Names already listed in
    `variants.yaml` are left to MT_INCONSISTENT_VARIANT.
    """

    rule_id = "MT_INCONSISTENT_NAME"
    category = NAME_CATEGORY
    severity = Severity.MINOR
    confidence = 0.7

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        min_length, common, interchangeable, known = _name_settings()
        by_form: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for word in document_words(document):
            token = _name_token(word)
            if token is not None and token[2] not in known:
                by_form[token[2]].append((token[0], token[1]))
        parent = {form: form for form in by_form}

        def root(form: str) -> str:
            while parent[form] != form:
                parent[form] = parent[parent[form]]
                form = parent[form]
            return form

        def join(a: str, b: str) -> None:
            parent[root(a)] = root(b)

        accents: dict[str, str] = {}
        buckets: dict[str, list[str]] = defaultdict(list)
        for form in by_form:
            key = strip_accents(form).casefold()
            if key in accents:
                join(form, accents[key])
            else:
                accents[key] = form
            if len(form) >= min_length and form.isalpha():
                for i in range(len(form) - 1):
                    buckets[f"{form[:i]}*{form[i + 1 :]}"].append(form)
        for bucket in buckets.values():
            for i, a in enumerate(bucket):
                for b in bucket[i + 1 :]:
                    if self._transliterations(a, b, interchangeable, common):
                        join(a, b)
        components: dict[str, list[Occurrence]] = defaultdict(list)
        for form, spans in by_form.items():
            components[root(form)].extend(Occurrence(s, e, form) for s, e in spans)
        for occurrences in components.values():
            for minority in minorities(occurrences):
                found = minority.occurrence.form
                finding = Finding(
                    start=minority.occurrence.start,
                    end=minority.occurrence.end,
                    message=majority_message("name spelling", found, minority.majority, minority),
                    suggestions=(minority.majority,),
                )
                yield self.flag(document, finding)

    @staticmethod
    def _transliterations(
        a: str, b: str, interchangeable: tuple[frozenset[str], ...], common: float
    ) -> bool:
        pairs = [(x, y) for x, y in zip(a.lower(), b.lower(), strict=True) if x != y]
        if len(pairs) != 1:
            return False
        x, y = pairs[0]
        if not any(x in letters and y in letters for letters in interchangeable):
            return False
        return not (_is_common_english(a, common) and _is_common_english(b, common))
