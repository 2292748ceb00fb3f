"""Post-edit distance with sacrebleu: how far the correction is from the machine translation.

The corrected text is the reference and the machine translation the hypothesis, so TER is
HTER (human-targeted TER: the share of the corrected words the post-editor had to insert,
delete, substitute or shift). chrF and BLEU are reported beside it. Each figure carries
sacrebleu's signature string, which names every setting that produced it, so anyone can
reproduce it with sacrebleu alone.

Settings: TER is case-sensitive (a capital the post-editor fixed is an edit; sacrebleu's
default ignores case), otherwise defaults. Sentence BLEU uses effective order (sacrebleu's
advice for single sentences); document BLEU is plain corpus BLEU. Document figures are
corpus scores over the sentence pairs, so a deleted sentence counts as edits (document TER
can then exceed 100).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER


@dataclass(frozen=True)
class PairScore:
    """TER, chrF and BLEU of one machine translation against its correction."""

    ter: float
    chrf: float
    bleu: float
    edits: float  # TER's edit count (insertions, deletions, substitutions, shifts)
    reference_words: float  # TER's reference length

    def to_json(self) -> dict[str, object]:
        return {
            "ter": round(self.ter, 4),
            "chrf": round(self.chrf, 4),
            "bleu": round(self.bleu, 4),
            "ter_edits": self.edits,
            "ter_reference_words": self.reference_words,
        }


@dataclass(frozen=True)
class Signatures:
    ter: str
    chrf: str
    bleu_sentence: str
    bleu_document: str

    def to_json(self) -> dict[str, str]:
        return {
            "ter": self.ter,
            "chrf": self.chrf,
            "bleu_sentence": self.bleu_sentence,
            "bleu_document": self.bleu_document,
        }


@dataclass(frozen=True)
class DistanceReport:
    """Per-pair and document figures, with the signatures that reproduce them."""

    sentences: list[PairScore]
    document: PairScore
    signatures: Signatures

    def to_json(self) -> dict[str, object]:
        return {
            "document": self.document.to_json(),
            "signatures": self.signatures.to_json(),
        }


def ter_metric() -> TER:
    return TER(case_sensitive=True)


def chrf_metric() -> CHRF:
    return CHRF()


def sentence_bleu_metric() -> BLEU:
    return BLEU(effective_order=True)


def document_bleu_metric() -> BLEU:
    return BLEU()


def post_edit_distance(mt: Sequence[str], corrected: Sequence[str]) -> DistanceReport:
    """Score each machine translation against its correction, and all of them together."""
    if len(mt) != len(corrected):
        raise ValueError(f"{len(mt)} translations but {len(corrected)} corrections")
    ter, chrf = ter_metric(), chrf_metric()
    sentence_bleu, document_bleu = sentence_bleu_metric(), document_bleu_metric()
    sentences = []
    for hypothesis, reference in zip(mt, corrected, strict=True):
        ter_score = ter.sentence_score(hypothesis, [reference])
        sentences.append(
            PairScore(
                ter=ter_score.score,
                chrf=chrf.sentence_score(hypothesis, [reference]).score,
                bleu=sentence_bleu.sentence_score(hypothesis, [reference]).score,
                edits=_float(ter_score, "num_edits"),
                reference_words=_float(ter_score, "ref_length"),
            )
        )
    if not sentences:  # sacrebleu names its settings only once it has scored something
        sentence_bleu.sentence_score("", [""])
    hypotheses, references = list(mt) or [""], [list(corrected) or [""]]
    ter_document = ter.corpus_score(hypotheses, references)
    document = PairScore(
        ter=ter_document.score,
        chrf=chrf.corpus_score(hypotheses, references).score,
        bleu=document_bleu.corpus_score(hypotheses, references).score,
        edits=_float(ter_document, "num_edits"),
        reference_words=_float(ter_document, "ref_length"),
    )
    signatures = Signatures(
        ter=str(ter.get_signature()),
        chrf=str(chrf.get_signature()),
        bleu_sentence=str(sentence_bleu.get_signature()),
        bleu_document=str(document_bleu.get_signature()),
    )
    return DistanceReport(sentences, document, signatures)


def _float(score: Any, name: str) -> float:
    return float(getattr(score, name, 0.0) or 0.0)
