"""What a result page says, worked out from a stored result and the questionnaire revision
it was scored with: for each factor, what the reader told us, what their band means for
their role, what to do next and what good looks like; and for the overall verdict, which
rule and which factors set it. Shared by the result page, its CSV and the editors' preview
of a sample service."""

from dataclasses import dataclass, field

from . import compare, scoring


@dataclass
class ToldUs:
    """One answer the reader gave to a question that bears on a factor."""

    number: int  # the question's number as the reader saw it
    question: str
    answers: list
    lowered: bool  # the answer fell short of the best this question allows for the factor


@dataclass
class FactorExplanation:
    key: str
    factor: object  # SuccessFactor
    critical: bool
    result: scoring.FactorResult
    band: object  # questionnaire.Band or None
    meaning: object  # rich text for the reader's role
    told_us: list = field(default_factory=list)
    next_steps: list = field(default_factory=list)  # what to consider, biggest shortfall first
    unanswered: list = field(default_factory=list)  # question texts
    set_the_verdict: bool = False  # one of the factors that made a rule lower the verdict
    digests: list = field(default_factory=list)
    resources: list = field(default_factory=list)


@dataclass
class VerdictExplanation:
    band: object  # questionnaire.Band or None
    average_band: object  # the band the average alone would give
    rule: object  # questionnaire.Rule that lowered the verdict, or None
    factors: list  # FactorExplanation of the factors that met that rule
    scored_factor_count: int
    meaning: object = None

    @property
    def capped(self):
        return self.rule is not None

    @property
    def factor_names(self):
        return ", ".join(item.factor.name for item in self.factors)


def numbering(questionnaire, answers):
    """{question id: number}: the questions skip logic shows for these answers, numbered
    1, 2, 3... so a skipped question leaves no gap."""
    visible = scoring.visible_questions(questionnaire.engine, answers)
    return {question.id: number for number, question in enumerate(visible, start=1)}


def explain(questionnaire, result, answers, role):
    """(VerdictExplanation, [FactorExplanation]) in result-page order."""
    numbers = numbering(questionnaire, answers)
    deciding = result.deciding_cap
    factors = []
    for key, info in questionnaire.factors.items():
        factor_result = result.factor(key)
        if factor_result is None or not info.bands:
            continue
        band = info.bands.get(factor_result.band) if factor_result.band else None
        if band is None and factor_result.percent is not None:
            band = min(info.bands.values(), key=lambda b: b.min_percent)  # below every band: the lowest
        item = FactorExplanation(
            key=key,
            factor=info.factor,
            critical=info.critical,
            result=factor_result,
            band=band,
            meaning=band.feedback_for(role) if band else None,
            set_the_verdict=bool(deciding and key in deciding.factors),
        )
        item.told_us, item.next_steps = _told_us(questionnaire, factor_result, answers, numbers, role)
        item.unanswered = [
            questionnaire.questions[question_id].text_for(role)
            for question_id in factor_result.unanswered
            if question_id in questionnaire.questions
        ]
        factors.append(item)
    overall = questionnaire.overall_bands.get(result.band) if result.band else None
    average = questionnaire.overall_bands.get(result.average_band) if result.average_band else None
    rule = questionnaire.rule(result.capped_by) if result.capped_by else None
    verdict = VerdictExplanation(
        band=overall,
        average_band=average,
        rule=rule,
        factors=[item for item in factors if item.set_the_verdict],
        scored_factor_count=sum(1 for item in factors if item.result.percent is not None),
        meaning=overall.feedback_for(role) if overall else None,
    )
    return verdict, factors


def _told_us(questionnaire, factor_result, answers, numbers, role):
    """What the reader answered to each question that bears on the factor (in the order they
    were asked), and what to consider for the answers that fell short (largest gap first)."""
    by_question = {}
    considers = []
    for driver in factor_result.drivers:  # sorted by shortfall, largest first
        question = questionnaire.questions.get(driver.question_id)
        option = question.option(driver.option_id) if question else None
        if option is None:
            continue
        if driver.question_id not in by_question:
            chosen = answers.get(question.id, [])
            by_question[question.id] = ToldUs(
                number=numbers.get(question.id, question.number),
                question=question.text_for(role),
                answers=[o.label_for(role) for o in question.options if o.id in chosen],
                lowered=driver.shortfall > 0,
            )
        advice = option.consider_for(role)
        if driver.shortfall > 0 and advice and advice not in considers:
            considers.append(advice)
    told_us = sorted(by_question.values(), key=lambda item: item.number)
    return told_us, considers


# --- what moved since the previous answers ("answer again") ------------------------------------
@dataclass
class Moved:
    question: str
    before: list  # answer labels
    after: list
    change: float  # the share of the question's points for the factor gained (+) or lost (-)


@dataclass
class FactorChange:
    key: str
    factor: object
    before: object  # questionnaire.Band or None
    after: object
    before_percent: object
    after_percent: object
    moved: list  # Moved, biggest change first

    @property
    def direction(self):
        if self.before_percent is None or self.after_percent is None or self.before_percent == self.after_percent:
            return "same"
        return "up" if self.after_percent > self.before_percent else "down"


@dataclass
class Changes:
    overall_before: object  # questionnaire.Band or None
    overall_after: object
    factors: list  # FactorChange in result-page order
    not_compared: list  # question texts that one of the two sets of answers could not be read against
    percent_before: object = None  # the average across the factors
    percent_after: object = None

    @property
    def anything_moved(self):
        return self.percent_before != self.percent_after or any(item.moved for item in self.factors)


def _band_in(questionnaires, factor_key, band_key):
    for questionnaire in questionnaires:
        bands = (
            questionnaire.overall_bands
            if factor_key is None
            else getattr(questionnaire.factors.get(factor_key), "bands", {})
        )
        if band_key in bands:
            return bands[band_key]
    return None


def changes_since(questionnaire, result, answers, previous_questionnaire, previous_result, previous_answers, role):
    """Per factor, the band before and now and the answers that moved it, in the terms of
    the current questionnaire (the previous one's bands where the current has lost them)."""
    comparison = compare.compare(
        questionnaire,
        {"before": previous_answers, "after": answers},
        asked_by_side={"before": set(previous_questionnaire.questions), "after": set(questionnaire.questions)},
        role=role,
    )
    both = (questionnaire, previous_questionnaire)
    factors = []
    for key, info in questionnaire.factors.items():
        now, then = result.factor(key), previous_result.factor(key)
        if now is None or not info.bands:
            continue
        moved = [
            Moved(
                item.question.text_for(role),
                item.labels["before"],
                item.labels["after"],
                item.change(key, "before", "after"),
            )
            for item in comparison.questions
            if item.change(key, "before", "after") != 0
        ]
        moved.sort(key=lambda item: -abs(item.change))
        factors.append(
            FactorChange(
                key=key,
                factor=info.factor,
                before=_band_in(both, key, then.band) if then else None,
                after=_band_in(both, key, now.band),
                before_percent=then.display_percent if then else None,
                after_percent=now.display_percent,
                moved=moved,
            )
        )
    return Changes(
        overall_before=_band_in(both, None, previous_result.band),
        overall_after=_band_in(both, None, result.band),
        factors=factors,
        not_compared=[item.question.text_for(role) for item in comparison.not_compared],
        percent_before=previous_result.display_percent,
        percent_after=result.display_percent,
    )
