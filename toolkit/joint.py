"""What a joint result says: each party's verdicts side by side, factor by factor, and the
questions on which their answers differ most. Only parties who have finished and chosen to
share are read; the others are named with their progress and nothing else.

Parties may have answered different revisions of the questionnaire, or its other language:
everything is shown in the terms of the questionnaire being read (the live revision of the
reader's page), compared by the stable question, option, band and factor keys
(toolkit/compare.py)."""

from dataclasses import dataclass, field

from . import compare, scoring
from .questionnaire import pinned

DIFFERENCES_PER_FACTOR = 3
DIFFERENCES_OVERALL = 5


@dataclass
class PartyVerdict:
    party: object  # JointParty
    band: object  # questionnaire.Band or None (not enough information)
    display_percent: object = None


@dataclass
class JointFactor:
    key: str
    factor: object  # SuccessFactor in the reader's language
    critical: bool
    verdicts: list  # PartyVerdict, one per sharing party
    differences: list = field(default_factory=list)  # compare.QuestionComparison
    digests: list = field(default_factory=list)
    resources: list = field(default_factory=list)

    @property
    def agree(self):
        verdicts = {item.band.verdict if item.band else None for item in self.verdicts}
        return len(verdicts) == 1


@dataclass
class JointResult:
    questionnaire: object  # the frame: questionnaire.PinnedQuestionnaire
    sharing: list  # JointParty who shared, in invitation order
    overall: list  # PartyVerdict
    factors: list  # JointFactor
    differences: list  # compare.QuestionComparison, widest first
    not_compared: list  # compare.NotCompared

    @property
    def can_compare(self):
        return len(self.sharing) > 1


def _band(frame, own, factor_key, band_key):
    """The band in the reader's questionnaire; the party's own revision's band when the
    questionnaire being read no longer has it (editors changed the bands since)."""
    if band_key is None:
        return None
    if factor_key is None:
        return frame.overall_bands.get(band_key) or own.overall_bands.get(band_key)
    for questionnaire in (frame, own):
        info = questionnaire.factors.get(factor_key)
        if info and band_key in info.bands:
            return info.bands[band_key]
    return None


def build(frame, sharing):
    """JointResult for the parties in `sharing` (JointParty with a completed response)."""
    results = {}
    own = {}
    for party in sharing:
        results[party.pk] = scoring.Result.from_dict(party.response.result)
        own[party.pk] = pinned(party.response.revision_id)
    overall = [
        PartyVerdict(
            party, _band(frame, own[party.pk], None, results[party.pk].band), results[party.pk].display_percent
        )
        for party in sharing
    ]
    comparison = compare.compare(
        frame,
        {party.pk: party.response.answers for party in sharing},
        asked_by_side={party.pk: set(own[party.pk].questions) for party in sharing},
    )
    for item in comparison.questions:  # each party's answers in the parties' order, for the page
        item.by_party = [(party, item.labels.get(party.pk)) for party in sharing]
    factors = []
    for key, info in frame.factors.items():
        if not info.bands:
            continue
        verdicts = []
        for party in sharing:
            factor_result = results[party.pk].factor(key)
            band = _band(frame, own[party.pk], key, factor_result.band) if factor_result else None
            verdicts.append(PartyVerdict(party, band, factor_result.display_percent if factor_result else None))
        factors.append(
            JointFactor(
                key=key,
                factor=info.factor,
                critical=info.critical,
                verdicts=verdicts,
                differences=comparison.differing(key, limit=DIFFERENCES_PER_FACTOR) if len(sharing) > 1 else [],
            )
        )
    return JointResult(
        questionnaire=frame,
        sharing=list(sharing),
        overall=overall,
        factors=factors,
        differences=comparison.differing(limit=DIFFERENCES_OVERALL) if len(sharing) > 1 else [],
        not_compared=comparison.not_compared if len(sharing) > 1 else [],
    )
