"""Running several engines and merging their flags.

The engines here are small in-test doubles of the `Engine` protocol: the runner's contract
(isolation of failures, cross-engine de-duplication) is what is under test, not any engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.core.checking import merge_flags, run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineReport, EngineStatus
from reviewer.core.flags import Flag, Severity
from reviewer.core.wordlists import WordLists

TEXT = "The the talks ended. the union"


def make_flag(engine: str, start: int, end: int, category: str = "Fluency/Grammar", **kw) -> Flag:  # type: ignore[no-untyped-def]
    return Flag(
        start=start,
        end=end,
        text=TEXT[start:end],
        rule=kw.pop("rule", f"{engine.upper()}_RULE"),
        engine=engine,
        category=category,
        severity=kw.pop("severity", Severity.MINOR),
        message="m",
        **kw,
    )


@dataclass
class ListEngine:
    name: str
    flags: list[Flag] = field(default_factory=list)
    fail: bool = False

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        if self.fail:
            raise ConnectionError("server went away")
        return EngineReport(self.name, EngineStatus.OK, "1", flags=list(self.flags))

    def close(self) -> None:
        pass


def test_same_span_from_two_engines_is_reported_once_keeping_the_stronger() -> None:
    weak = make_flag("languagetool", 0, 7, category="Fluency/Grammar")
    strong = make_flag("artefacts", 0, 7, category="Fluency/Grammar", severity=Severity.MAJOR)
    merged = merge_flags([weak, strong])
    assert len(merged) == 1
    assert merged[0].engine == "artefacts"
    assert merged[0].extra["also_reported_by"] == "languagetool:LANGUAGETOOL_RULE"


def test_overlapping_flags_of_different_categories_are_both_kept() -> None:
    spelling = make_flag("languagetool", 0, 3, category="Fluency/Spelling")
    grammar = make_flag("artefacts", 0, 7, category="Fluency/Grammar")
    assert len(merge_flags([spelling, grammar])) == 2


def test_two_flags_of_one_engine_are_never_merged() -> None:
    first = make_flag("artefacts", 0, 7, rule="A")
    second = make_flag("artefacts", 0, 7, rule="B")
    assert len(merge_flags([first, second])) == 2


def test_a_failing_engine_is_unavailable_and_the_others_still_report() -> None:
    document = Document.from_text(TEXT)
    good = ListEngine("artefacts", [make_flag("artefacts", 21, 30, category="Other")])
    broken = ListEngine("languagetool", fail=True)
    result = run_check(document, [broken, good])
    statuses = {r.name: (r.status, r.reason) for r in result.engines}
    assert statuses["languagetool"] == (
        EngineStatus.UNAVAILABLE,
        "ConnectionError: server went away",
    )
    assert statuses["artefacts"][0] is EngineStatus.OK
    assert [f.text for f in result.flags] == ["the union"]


def test_flags_whose_text_does_not_match_the_document_are_dropped() -> None:
    document = Document.from_text(TEXT)
    wrong = Flag(0, 3, "xyz", "R", "artefacts", "Other", Severity.MINOR, "m")
    result = run_check(document, [ListEngine("artefacts", [wrong])])
    assert result.flags == []


def test_a_flag_inside_a_span_proposed_for_deletion_is_merged_into_it() -> None:
    fragment = make_flag("artefacts", 20, 30, category="Fluency/Grammar", suggestions=("",))
    capital = make_flag("languagetool", 21, 24, category="Fluency/Spelling", suggestions=("The",))
    merged = merge_flags([capital, fragment])
    assert [(f.engine, f.start, f.end) for f in merged] == [("artefacts", 20, 30)]
    assert merged[0].extra["also_reported_by"] == "languagetool:LANGUAGETOOL_RULE"


def test_a_flag_inside_a_span_with_a_rewrite_is_kept() -> None:
    doubled = make_flag("artefacts", 0, 7, category="Fluency/Grammar", suggestions=("The",))
    spelling = make_flag("languagetool", 0, 3, category="Fluency/Spelling", suggestions=("Teh",))
    assert len(merge_flags([doubled, spelling])) == 2


def test_sweep_merge_matches_comparing_every_pair() -> None:
    """The linear sweep must merge exactly what an all-pairs comparison merges."""
    import random

    from reviewer.core import checking

    def all_pairs(flags: list[Flag]) -> list[Flag]:
        ordered = sorted(flags, key=lambda f: (f.start, f.end, -f.severity.rank, f.engine, f.rule))
        kept: list[Flag] = []
        for flag in ordered:
            twin = next(
                (
                    i
                    for i in range(len(kept) - 1, -1, -1)
                    if kept[i].engine != flag.engine and checking._same_problem(kept[i], flag)
                ),
                None,
            )
            if twin is None:
                kept.append(flag)
            else:
                kept[twin] = checking._stronger_with_note(kept[twin], flag)
        return kept

    text = "x" * 400
    generator = random.Random(7)
    for _ in range(200):
        flags = []
        for _ in range(generator.randint(0, 25)):
            start = generator.randint(0, 380)
            end = start + generator.choice([0, 1, 3, 8, 20])
            flags.append(
                Flag(
                    start,
                    end,
                    text[start:end],
                    generator.choice(["A", "B"]),
                    generator.choice(["languagetool", "artefacts"]),
                    generator.choice(["Fluency/Grammar", "Fluency/Spelling", "Other"]),
                    generator.choice(list(Severity)),
                    "m",
                    suggestions=generator.choice([(), ("",), ("fix",)]),
                )
            )
        assert merge_flags(flags) == all_pairs(flags)


@dataclass
class CachingEngine:
    """Like LanguageTool's engine: computes once per options, then serves its cache."""

    name: str
    flags: tuple[Flag, ...]
    computed: int = 0
    cache: dict[CheckOptions, tuple[Flag, ...]] = field(default_factory=dict)

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        if options not in self.cache:
            self.computed += 1
            self.cache[options] = self.flags
        return EngineReport(self.name, EngineStatus.OK, "1", flags=list(self.cache[options]))

    def close(self) -> None:
        pass


def test_word_lists_filter_every_report_and_leave_engine_caches_valid() -> None:
    document = Document.from_text(TEXT)
    repeated = make_flag("artefacts", 0, 7, rule="QA_REPEATED_WORD")
    lowercase = make_flag("artefacts", 21, 24, category="Fluency/Spelling", rule="MT_LOWER")
    speller = make_flag(
        "languagetool", 25, 30, category="Fluency/Spelling", rule="MORFOLOGIK_RULE_EN_US"
    )
    engines = [
        CachingEngine("languagetool", (speller,)),
        CachingEngine("artefacts", (repeated, lowercase)),
    ]
    options = CheckOptions()
    lists = WordLists(
        dictionary=frozenset({"union"}), ignored=frozenset({("QA_REPEATED_WORD", "The the")})
    )

    result = run_check(document, engines, options, word_lists=lists)
    assert [(f.rule, f.text) for f in result.flags] == [("MT_LOWER", "the")]
    assert {r.name: len(r.flags) for r in result.engines} == {"languagetool": 0, "artefacts": 1}

    # the engines' cached results are untouched: without the lists everything is back,
    # and nothing was computed again
    again = run_check(document, engines, options)
    assert [f.rule for f in again.flags] == [
        "QA_REPEATED_WORD",
        "MT_LOWER",
        "MORFOLOGIK_RULE_EN_US",
    ]
    assert [e.computed for e in engines] == [1, 1]
    assert engines[1].cache[options] == (repeated, lowercase)


def test_word_lists_apply_per_engine_before_merging_as_in_the_window() -> None:
    """Ignoring one engine's flag does not hide another engine's flag merged into it."""
    document = Document.from_text(TEXT)
    fragment = make_flag("artefacts", 20, 30, rule="MT_FRAGMENT", suggestions=("",))
    capital = make_flag("languagetool", 21, 24, category="Fluency/Spelling", rule="UPPERCASE")
    engines = [ListEngine("artefacts", [fragment]), ListEngine("languagetool", [capital])]
    assert [f.rule for f in run_check(document, engines).flags] == ["MT_FRAGMENT"]
    lists = WordLists(ignored=frozenset({("MT_FRAGMENT", fragment.text)}))
    assert [f.rule for f in run_check(document, engines, word_lists=lists).flags] == ["UPPERCASE"]
