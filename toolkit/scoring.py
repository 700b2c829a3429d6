"""Scoring engine for the self-assessment questionnaire.

Each answer option carries points for one or more payment-by-results success factors.
This module turns a set of answers into a score and a result band (verdict) per factor
and overall. The overall band starts from the mean of the factor percentages, and verdict
rules then cap it, so that one fatal weakness (a critical factor in its lowest band, or
many factors there) cannot hide behind strong answers elsewhere.

Why it is pure Python: editors configure the questionnaire in the CMS and the Django side
converts that content into the plain, immutable structures defined here. Keeping Django
and Wagtail out of this module means the rules can be tested exhaustively (including
with generated questionnaires) without a database, and cannot drift with the CMS.

Identifiers (question ids, option ids, factor keys, band keys) are opaque strings: block
UUIDs and translation keys, never labels or positions, so a Welsh page scores exactly as
its English source does and reordering content never reassigns points.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

RESULT_FORMAT_VERSION = 2
# Results stored before verdict rules existed (version 1) still load: no rule capped them.
READABLE_RESULT_VERSIONS = frozenset({1, 2})


class QuestionnaireError(ValueError):
    """The questionnaire's configuration is inconsistent (a CMS content problem)."""


class QuestionKind(StrEnum):
    """Every kind but MULTIPLE_CHOICE takes exactly one option; the kinds differ on screen."""

    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    AGREE_SCALE = "agree_scale"
    YES_NO_DONT_KNOW = "yes_no_dont_know"


class UnansweredPolicy(StrEnum):
    """How a visible question that was left unanswered affects a factor's percentage."""

    EXCLUDE = "exclude"  # left out of the maximum: the score reflects only what was answered
    COUNT_AS_ZERO = "count_as_zero"  # in the maximum with no points: gaps cost marks
    COUNT_AS_MIDPOINT = "count_as_midpoint"  # in the maximum with half its points: neutral guess


class ErrorCode(StrEnum):
    UNKNOWN_QUESTION = "unknown_question"
    UNKNOWN_OPTION = "unknown_option"
    TOO_MANY_OPTIONS = "too_many_options"
    MISSING_REQUIRED = "missing_required"
    NOT_SHOWN = "not_shown"  # answer to a question skip logic hid: dropped, not the user's fault


def _require_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise QuestionnaireError(f"{what} must be a non-empty string, not {value!r}")
    return value


def _require_number(value: object, what: str) -> float:
    """A finite float from an int or float (bools and huge ints are content mistakes)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise QuestionnaireError(f"{what} must be a number, not {value!r}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise QuestionnaireError(f"{what} must be finite, not {value!r}")
    return number


def _require_points(value: object, where: str) -> float:
    points = _require_number(value, f"points for {where}")
    if points < 0:
        raise QuestionnaireError(f"points for {where} must be >= 0, not {value!r}")
    return points


def _sorted_bands(bands: Iterable[Band], where: str) -> tuple[Band, ...]:
    """Editors may enter bands in any order; two bands starting at one percentage are ambiguous."""
    ordered = tuple(sorted(bands, key=lambda band: band.min_percent))
    starts = [band.min_percent for band in ordered]
    if len(set(starts)) != len(starts):
        raise QuestionnaireError(f"two bands of {where} start at the same percentage")
    return ordered


@dataclass(frozen=True)
class Option:
    """An answer option and the points it gives each factor (a missing factor gets 0)."""

    id: str
    # Excluded from the hash (a mapping is unhashable) but still compared by ==.
    scores: Mapping[str, float] = field(hash=False)

    def __post_init__(self) -> None:
        _require_id(self.id, "option id")
        clean = {
            _require_id(key, "factor key"): _require_points(value, f"option {self.id}")
            for key, value in dict(self.scores).items()
        }
        object.__setattr__(self, "scores", MappingProxyType(clean))

    def points_for(self, factor_key: str) -> float:
        return self.scores.get(factor_key, 0.0)


@dataclass(frozen=True)
class Condition:
    """Show a question only when an earlier question's answer includes any of these options."""

    question_id: str
    option_ids: frozenset[str]

    def __post_init__(self) -> None:
        _require_id(self.question_id, "condition question id")
        if isinstance(self.option_ids, str):  # frozenset("abc") would be three options
            raise QuestionnaireError("condition option ids must be a collection of ids")
        object.__setattr__(self, "option_ids", frozenset(self.option_ids))
        if not self.option_ids:
            raise QuestionnaireError(f"condition on {self.question_id} names no options")

    def is_met(self, answers: Mapping[str, Sequence[str]]) -> bool:
        return not self.option_ids.isdisjoint(answers.get(self.question_id, ()))


@dataclass(frozen=True)
class Question:
    id: str
    kind: QuestionKind
    options: tuple[Option, ...]
    required: bool = True
    show_if: Condition | None = None

    def __post_init__(self) -> None:
        _require_id(self.id, "question id")
        object.__setattr__(self, "kind", QuestionKind(self.kind))
        object.__setattr__(self, "options", tuple(self.options))
        if not self.options:
            raise QuestionnaireError(f"question {self.id} has no options")
        if len(set(self.option_ids)) != len(self.options):
            raise QuestionnaireError(f"question {self.id} repeats an option id")

    @property
    def allows_many(self) -> bool:
        return self.kind is QuestionKind.MULTIPLE_CHOICE

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    def max_points(self, factor_key: str) -> float:
        """The most this question can contribute to a factor: the best single option, or
        every option together when several may be chosen."""
        values = [option.points_for(factor_key) for option in self.options]
        return math.fsum(values) if self.allows_many else max(values)


@dataclass(frozen=True)
class Band:
    min_percent: float
    key: str

    def __post_init__(self) -> None:
        _require_id(self.key, "band key")
        start = _require_number(self.min_percent, f"start of band {self.key}")
        if not 0 <= start <= 100:
            raise QuestionnaireError(f"band {self.key} must start between 0 and 100")
        object.__setattr__(self, "min_percent", start)


@dataclass(frozen=True)
class Factor:
    key: str
    bands: tuple[Band, ...] = ()
    critical: bool = False  # verdict rules can single out critical factors

    def __post_init__(self) -> None:
        _require_id(self.key, "factor key")
        object.__setattr__(self, "bands", _sorted_bands(self.bands, f"factor {self.key}"))
        object.__setattr__(self, "critical", bool(self.critical))

    @property
    def lowest_band(self) -> str | None:
        return self.bands[0].key if self.bands else None


@dataclass(frozen=True)
class VerdictRule:
    """Caps the overall verdict at the band `cap` when enough factors are at their lowest
    band: at least `at_least` of them, or with `as_share` at least that percentage of the
    factors in scope that have a score. `critical_only` puts only critical factors in scope.

    A factor whose score falls below even its lowest band's start counts as at the lowest
    band; a factor without bands, or without a score, is never counted.
    """

    key: str
    cap: str
    critical_only: bool = False
    at_least: float = 1
    as_share: bool = False

    def __post_init__(self) -> None:
        _require_id(self.key, "rule key")
        _require_id(self.cap, f"band capped by rule {self.key}")
        at_least = _require_number(self.at_least, f"size of rule {self.key}")
        if at_least <= 0 or (self.as_share and at_least > 100):
            raise QuestionnaireError(f"rule {self.key} needs a count above 0 (a share up to 100%)")
        object.__setattr__(self, "at_least", at_least)
        object.__setattr__(self, "critical_only", bool(self.critical_only))
        object.__setattr__(self, "as_share", bool(self.as_share))


@dataclass(frozen=True)
class Questionnaire:
    questions: tuple[Question, ...]
    factors: tuple[Factor, ...]
    overall_bands: tuple[Band, ...] = ()
    unanswered: UnansweredPolicy = UnansweredPolicy.EXCLUDE
    rules: tuple[VerdictRule, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(self.questions))
        object.__setattr__(self, "factors", tuple(self.factors))
        object.__setattr__(self, "overall_bands", _sorted_bands(self.overall_bands, "overall"))
        object.__setattr__(self, "unanswered", UnansweredPolicy(self.unanswered))
        object.__setattr__(self, "rules", tuple(self.rules))
        factor_keys = [factor.key for factor in self.factors]
        if len(set(factor_keys)) != len(factor_keys):
            raise QuestionnaireError("two factors share a key")
        band_keys = {band.key for band in self.overall_bands}
        rule_keys = [rule.key for rule in self.rules]
        if len(set(rule_keys)) != len(rule_keys):
            raise QuestionnaireError("two verdict rules share a key")
        for rule in self.rules:
            if rule.cap not in band_keys:
                raise QuestionnaireError(f"rule {rule.key} caps the verdict at a band that does not exist")
        earlier: dict[str, Question] = {}
        for question in self.questions:
            if question.id in earlier:
                raise QuestionnaireError(f"two questions share the id {question.id}")
            self._check_condition(question, earlier)
            for option in question.options:
                unknown = set(option.scores) - set(factor_keys)
                if unknown:
                    raise QuestionnaireError(f"option {option.id} scores unknown factors {unknown}")
            earlier[question.id] = question

    @staticmethod
    def _check_condition(question: Question, earlier: Mapping[str, Question]) -> None:
        """Conditions may only look back, so one pass in order settles every question."""
        condition = question.show_if
        if condition is None:
            return
        target = earlier.get(condition.question_id)
        if target is None:
            raise QuestionnaireError(f"question {question.id} depends on a question not before it")
        if not condition.option_ids <= set(target.option_ids):
            raise QuestionnaireError(f"question {question.id} depends on options its target lacks")


@dataclass(frozen=True)
class ValidationResult:
    answers: dict[str, tuple[str, ...]]  # valid answers to visible questions, in option order
    errors: dict[str, ErrorCode]  # by question id, or by repr() of a key that is not a string
    visible: tuple[Question, ...] = ()  # the questions skip logic shows for `answers`

    @property
    def user_errors(self) -> dict[str, ErrorCode]:
        """Errors to show the user: answers to hidden questions are silently dropped."""
        return {key: code for key, code in self.errors.items() if code is not ErrorCode.NOT_SHOWN}

    @property
    def is_valid(self) -> bool:
        return not self.user_errors


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, (str, list, tuple)) and len(value) == 0)


def _clean(question: Question, value: object) -> tuple[tuple[str, ...], ErrorCode | None]:
    """Check one raw answer. A bare string counts as one option id."""
    items = (value,) if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)):
        return (), ErrorCode.UNKNOWN_OPTION
    if len(items) > len(question.options):  # caps the work hostile input can cause
        return (), ErrorCode.TOO_MANY_OPTIONS
    known = set(question.option_ids)
    if not all(isinstance(item, str) and item in known for item in items):
        return (), ErrorCode.UNKNOWN_OPTION
    chosen = set(items)
    if len(chosen) > 1 and not question.allows_many:
        return (), ErrorCode.TOO_MANY_OPTIONS
    return tuple(oid for oid in question.option_ids if oid in chosen), None


def _split_keys(raw_answers: object) -> tuple[dict[str, object], dict[str, ErrorCode]]:
    """Answers under string keys, and errors for the keys no question could have."""
    raw: dict[str, object] = {}
    errors: dict[str, ErrorCode] = {}
    for key, value in raw_answers.items() if isinstance(raw_answers, Mapping) else ():
        if isinstance(key, str):
            raw[key] = value
        else:
            errors[_error_key(key)] = ErrorCode.UNKNOWN_QUESTION
    return raw, errors


def _error_key(key: object) -> str:
    try:
        return repr(key)
    except Exception:  # e.g. ValueError for an int too long to print: still report it
        return f"<{type(key).__name__}>"


def validate_answers(
    questionnaire: Questionnaire,
    raw_answers: Mapping[str, Sequence[str]],
    *,
    question_ids: Iterable[str] | None = None,
) -> ValidationResult:
    """Clean raw answers; never raises, whatever the input.

    Questions are walked in order because visibility depends on the cleaned answers to
    earlier questions. Each question is judged on its own, so one bad answer never costs
    the user their other answers. MISSING_REQUIRED is only reported for `question_ids`
    (the section being submitted) when given. Input that is not a mapping counts as no
    answers.
    """
    section = None if question_ids is None else set(question_ids)
    raw, errors = _split_keys(raw_answers)
    answers: dict[str, tuple[str, ...]] = {}
    visible: list[Question] = []
    for question in questionnaire.questions:
        value = raw.pop(question.id, None)
        # A hidden question's answer never reaches `answers`, so a condition on it fails
        # and questions depending on hidden questions are hidden too.
        shown = question.show_if is None or question.show_if.is_met(answers)
        if shown:
            visible.append(question)
        if _is_blank(value):
            if shown and question.required and (section is None or question.id in section):
                errors[question.id] = ErrorCode.MISSING_REQUIRED
        elif not shown:
            errors[question.id] = ErrorCode.NOT_SHOWN
        else:
            cleaned, error = _clean(question, value)
            if error is None:
                answers[question.id] = cleaned
            else:
                errors[question.id] = error
    for key in raw:
        errors.setdefault(key, ErrorCode.UNKNOWN_QUESTION)
    return ValidationResult(answers, errors, tuple(visible))


def visible_questions(questionnaire: Questionnaire, answers: Mapping[str, Sequence[str]]) -> tuple[Question, ...]:
    """The questions skip logic shows for these answers, in order."""
    return validate_answers(questionnaire, answers).visible


@dataclass(frozen=True)
class Driver:
    """An answer that gave a factor points, or gave fewer than the question allowed.

    `shortfall` is how far the question fell short of its maximum for the factor. For
    multiple choice it is the question's shortfall (the unchosen options), shared by
    each chosen option, so a "none of these" option shows as the answer that lowered it.
    """

    question_id: str
    option_id: str
    points: float
    shortfall: float


@dataclass(frozen=True)
class FactorResult:
    key: str
    points: float  # includes points assumed for unanswered questions under COUNT_AS_MIDPOINT
    max_points: float
    percent: float | None  # exact; None when max_points is 0 (not enough information)
    band: str | None
    drivers: tuple[Driver, ...] = ()
    unanswered: tuple[str, ...] = ()

    @property
    def display_percent(self) -> float | None:
        return _display(self.percent)


@dataclass(frozen=True)
class Cap:
    """A verdict rule that was met, the band it allows at most, and the factors that met it."""

    rule: str
    band: str
    factors: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    factors: tuple[FactorResult, ...]
    percent: float | None  # the mean of the factor percentages that exist
    band: str | None  # the verdict: the mean's band, lowered by any rule that was met
    answered_count: int
    visible_count: int
    average_band: str | None = None  # the mean's band before the rules
    caps: tuple[Cap, ...] = ()  # every rule that was met, in rule order
    capped_by: str | None = None  # the rule that set the verdict, when one lowered it

    @property
    def deciding_cap(self) -> Cap | None:
        return next((cap for cap in self.caps if cap.rule == self.capped_by), None)

    @property
    def display_percent(self) -> float | None:
        return _display(self.percent)

    def factor(self, key: str) -> FactorResult | None:
        return next((factor for factor in self.factors if factor.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (tuples become arrays), stored so that a result renders the
        same after editors change the questionnaire."""
        return {"version": RESULT_FORMAT_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Result:
        if data.get("version") not in READABLE_RESULT_VERSIONS:
            raise ValueError(f"unsupported result format {data.get('version')!r}")
        factors = tuple(
            FactorResult(
                key=f["key"],
                points=float(f["points"]),
                max_points=float(f["max_points"]),
                percent=_optional_float(f["percent"]),
                band=f["band"],
                drivers=tuple(Driver(**driver) for driver in f["drivers"]),
                unanswered=tuple(f["unanswered"]),
            )
            for f in data["factors"]
        )
        return cls(
            factors=factors,
            percent=_optional_float(data["percent"]),
            band=data["band"],
            answered_count=data["answered_count"],
            visible_count=data["visible_count"],
            average_band=data.get("average_band", data["band"]),
            caps=tuple(
                Cap(rule=cap["rule"], band=cap["band"], factors=tuple(cap["factors"])) for cap in data.get("caps", ())
            ),
            capped_by=data.get("capped_by"),
        )


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _display(percent: float | None) -> float | None:
    return None if percent is None else round(percent, 1)


def _percent(points: float, max_points: float) -> float | None:
    if max_points <= 0:
        return None
    return min(100.0, max(0.0, points / max_points * 100))


def _pick_band(bands: tuple[Band, ...], percent: float | None) -> str | None:
    """The band with the highest start at or below the percentage the user is shown.

    Comparing the displayed (1 decimal place) value keeps number and verdict consistent
    and stops float noise (0.58 * 100 == 57.99999999999999) missing a threshold.
    """
    shown = _display(percent)
    if shown is None:
        return None
    reached = [band.key for band in bands if band.min_percent <= shown]
    return reached[-1] if reached else None


def _score_factor(
    factor: Factor,
    visible: tuple[Question, ...],
    answers: Mapping[str, tuple[str, ...]],
    policy: UnansweredPolicy,
) -> FactorResult:
    """Only questions able to score the factor take part. Sums use math.fsum so that the
    same answers give the same float however the questionnaire is ordered."""
    points: list[float] = []
    maxima: list[float] = []
    drivers: list[Driver] = []
    unanswered: list[str] = []
    for question in visible:
        best = question.max_points(factor.key)
        if best == 0:
            continue  # cannot affect this factor
        chosen = answers.get(question.id)
        if chosen is None:
            unanswered.append(question.id)
            if policy is not UnansweredPolicy.EXCLUDE:
                maxima.append(best)
            if policy is UnansweredPolicy.COUNT_AS_MIDPOINT:
                points.append(best / 2)
            continue
        gained = [(o.id, o.points_for(factor.key)) for o in question.options if o.id in chosen]
        total = math.fsum(got for _, got in gained)
        points.append(total)
        maxima.append(best)
        shortfall = best - total
        drivers.extend(Driver(question.id, oid, got, shortfall) for oid, got in gained if got > 0 or shortfall > 0)
    drivers.sort(key=lambda driver: -driver.shortfall)  # stable: ties stay in question order
    total_points, max_points = math.fsum(points), math.fsum(maxima)
    percent = _percent(total_points, max_points)
    return FactorResult(
        key=factor.key,
        points=total_points,
        max_points=max_points,
        percent=percent,
        band=_pick_band(factor.bands, percent),
        drivers=tuple(drivers),
        unanswered=tuple(unanswered),
    )


def _at_lowest_band(config: Factor, result: FactorResult) -> bool:
    return result.percent is not None and bool(config.bands) and result.band in (None, config.lowest_band)


def _met_caps(questionnaire: Questionnaire, factors: tuple[FactorResult, ...]) -> tuple[Cap, ...]:
    caps = []
    for rule in questionnaire.rules:
        in_scope = [
            (config, result)
            for config, result in zip(questionnaire.factors, factors, strict=True)
            if config.bands and result.percent is not None and (config.critical or not rule.critical_only)
        ]
        weak = tuple(config.key for config, result in in_scope if _at_lowest_band(config, result))
        if not weak:
            continue
        needed = rule.at_least * len(in_scope) / 100 if rule.as_share else rule.at_least
        if len(weak) >= needed:
            caps.append(Cap(rule.key, rule.cap, weak))
    return tuple(caps)


def _apply_caps(
    bands: tuple[Band, ...], average_band: str | None, caps: tuple[Cap, ...]
) -> tuple[str | None, str | None]:
    """(the verdict, the rule that set it or None): the lowest of the mean's band and every
    cap. Bands are ranked by where they start; the first rule wins a tie."""
    if average_band is None:
        return None, None  # no score, or below every band: no rule can make it worse
    rank = {band.key: index for index, band in enumerate(bands)}
    verdict, capped_by = average_band, None
    for cap in caps:
        if rank[cap.band] < rank[verdict]:
            verdict, capped_by = cap.band, cap.rule
    return verdict, capped_by


def score(questionnaire: Questionnaire, answers: Mapping[str, Sequence[str]]) -> Result:
    """Score answers per factor and overall. Never raises on bad answers: they are
    cleaned first, and answers to hidden or unknown questions are ignored."""
    checked = validate_answers(questionnaire, answers)
    factors = tuple(
        _score_factor(factor, checked.visible, checked.answers, questionnaire.unanswered)
        for factor in questionnaire.factors
    )
    percents = [factor.percent for factor in factors if factor.percent is not None]
    # Each factor counts equally, however many questions feed it.
    overall = min(100.0, math.fsum(percents) / len(percents)) if percents else None
    average_band = _pick_band(questionnaire.overall_bands, overall)
    caps = _met_caps(questionnaire, factors)
    band, capped_by = _apply_caps(questionnaire.overall_bands, average_band, caps)
    return Result(
        factors=factors,
        percent=overall,
        band=band,
        answered_count=len(checked.answers),
        visible_count=len(checked.visible),
        average_band=average_band,
        caps=caps,
        capped_by=capped_by,
    )
