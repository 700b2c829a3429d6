"""Turn a self-assessment page (as it was at one revision) into what the views need: the
sections and questions to show, the pure scoring engine's Questionnaire, the verdict rules
and the sample services that test them.

A revision never changes, so each is built once per process and kept (see `pinned`).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from wagtail.models import Revision

from . import scoring

# Role values of AssessmentResponse.role -> the names of the per-role wording blocks.
ROLE_WORDING = {"commissioner": "commissioners", "provider": "providers"}
VERDICT_ORDER = ("unsuitable", "caution", "promising")  # worst first


def _wordings(stream):
    """{role: the role's own wording block value} from a per-role wording stream."""
    by_block = {child.block_type: child.value for child in (stream or [])}
    return {role: by_block[name] for role, name in ROLE_WORDING.items() if name in by_block}


def _rich_text_is_empty(value):
    return value is None or not re.sub(r"<[^>]+>|\s|&nbsp;", "", str(getattr(value, "source", value) or ""))


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    code: str
    consider: str
    scores: dict  # factor key -> points
    wording: dict = field(default_factory=dict)  # role -> {"label", "consider"} where it differs

    def label_for(self, role):
        return (self.wording.get(role) or {}).get("label") or self.label

    def consider_for(self, role):
        return (self.wording.get(role) or {}).get("consider") or self.consider


@dataclass(frozen=True)
class Question:
    id: str
    kind: scoring.QuestionKind
    text: str
    help_text: object  # wagtail RichText
    required: bool
    reference: str
    options: tuple
    section_id: str
    number: int  # 1-based, across the whole questionnaire
    show_if: scoring.Condition | None = None
    show_if_text: str = ""
    wording: dict = field(default_factory=dict)  # role -> {"question", "help_text"} where it differs
    read_more: object = None  # the DigestPage that explains it, or None

    @property
    def allows_many(self):
        return self.kind == scoring.QuestionKind.MULTIPLE_CHOICE

    def text_for(self, role):
        return (self.wording.get(role) or {}).get("question") or self.text

    def help_for(self, role):
        own = (self.wording.get(role) or {}).get("help_text")
        return self.help_text if _rich_text_is_empty(own) else own

    def option(self, option_id):
        return next((option for option in self.options if option.id == option_id), None)


@dataclass(frozen=True)
class Section:
    id: str
    number: int
    title: str
    introduction: object
    questions: tuple


@dataclass(frozen=True)
class Band:
    key: str
    min_percent: int
    verdict: str  # promising | caution | unsuitable
    heading: str
    for_commissioners: object
    for_providers: object

    def feedback_for(self, role):
        return self.for_providers if role == "provider" else self.for_commissioners


@dataclass(frozen=True)
class FactorInfo:
    key: str  # the SuccessFactor's translation_key
    factor: object  # the SuccessFactor in the page's language
    bands: dict = field(default_factory=dict)  # band key -> Band
    critical: bool = False


@dataclass(frozen=True)
class Rule:
    key: str  # block id
    critical_only: bool
    at_least: int
    as_share: bool
    cap_verdict: str  # caution | unsuitable
    cap_band: str | None  # the overall band it caps at: the best band with that verdict


@dataclass(frozen=True)
class Sample:
    """A sample service: its answers as the editor typed them, turned into option ids."""

    id: str
    name: str
    description: str
    role: str
    answers: dict  # question id -> [option ids]
    problems: tuple  # lines of the answers that name no question or answer
    expected_overall: str
    expected_factors: dict  # factor key -> verdict


@dataclass(frozen=True)
class PinnedQuestionnaire:
    revision_id: int
    sections: tuple
    questions: dict  # id -> Question
    factors: dict  # key -> FactorInfo, in result-page order
    overall_bands: dict  # key -> Band
    engine: scoring.Questionnaire
    rules: tuple = ()  # Rule, in the editor's order
    samples: tuple = ()  # Sample

    def section(self, number):
        return self.sections[number - 1] if 1 <= number <= len(self.sections) else None

    def rule(self, key):
        return next((rule for rule in self.rules if rule.key == key), None)

    def sample(self, sample_id):
        return next((sample for sample in self.samples if sample.id == sample_id), None)


def factor_key(factor):
    return str(factor.translation_key)


def _band(block_id, value):
    return Band(
        key=block_id,
        min_percent=value["min_percent"],
        verdict=value["verdict"],
        heading=value["heading"],
        for_commissioners=value["for_commissioners"],
        for_providers=value["for_providers"],
    )


def build(page, revision_id=0):
    """Everything about `page`'s questionnaire (a SelfAssessmentPage instance, typically a
    revision's `as_object()`)."""
    factors = {}
    for block in page.factor_results:
        factor = block.value["factor"]
        if factor is None:
            continue
        bands = {bound.id: _band(bound.id, bound.value) for bound in block.value["bands"].bound_blocks}
        factors[factor_key(factor)] = FactorInfo(
            key=factor_key(factor), factor=factor, bands=bands, critical=bool(block.value.get("critical"))
        )

    sections, questions, by_reference = [], {}, {}
    number = 0
    for section_number, section_block in enumerate(page.questionnaire, start=1):
        section_questions = []
        for question_block in section_block.value["questions"]:
            number += 1
            data = question_block.value
            options = []
            for option_bound in data["options"].bound_blocks:
                option = option_bound.value
                scores = {}
                for score in option["scores"]:
                    if score["factor"] is not None and score["points"]:
                        key = factor_key(score["factor"])
                        scores[key] = scores.get(key, 0) + score["points"]
                        factors.setdefault(key, FactorInfo(key=key, factor=score["factor"]))
                options.append(
                    Option(
                        option_bound.id,
                        option["label"],
                        option["code"],
                        option["consider"],
                        scores,
                        wording=_wordings(option.get("for_roles")),
                    )
                )
            show_if, show_if_text = None, ""
            if data["show_if_question"] and data["show_if_question"] in by_reference:
                earlier = by_reference[data["show_if_question"]]
                wanted = set(_codes(data["show_if_answers"]))
                matching = [option for option in earlier.options if option.code in wanted]
                if matching:
                    show_if = scoring.Condition(earlier.id, frozenset(option.id for option in matching))
                    show_if_text = " / ".join(option.label for option in matching)
            question = Question(
                id=question_block.id,
                kind=scoring.QuestionKind(question_block.block.meta.kind),
                text=data["question"],
                help_text=data["help_text"],
                required=bool(data["required"]),
                reference=data["reference"],
                options=tuple(options),
                section_id=section_block.id,
                number=number,
                show_if=show_if,
                show_if_text=show_if_text,
                wording=_wordings(data.get("for_roles")),
                read_more=data.get("read_more"),
            )
            questions[question.id] = question
            if question.reference:
                by_reference[question.reference] = question
            section_questions.append(question)
        sections.append(
            Section(
                id=section_block.id,
                number=section_number,
                title=section_block.value["title"],
                introduction=section_block.value["introduction"],
                questions=tuple(section_questions),
            )
        )

    overall = {block.id: _band(block.id, block.value) for block in page.overall_result}
    ordered = dict(sorted(factors.items(), key=lambda item: (item[1].factor.sort_order, item[1].factor.name)))
    rules = tuple(_rule(block, overall) for block in getattr(page, "verdict_rules", None) or [])
    engine = scoring.Questionnaire(
        questions=tuple(
            scoring.Question(
                id=q.id,
                kind=q.kind,
                options=tuple(scoring.Option(id=o.id, scores=o.scores) for o in q.options),
                required=q.required,
                show_if=q.show_if,
            )
            for q in questions.values()
        ),
        factors=tuple(
            scoring.Factor(
                key=key,
                bands=tuple(scoring.Band(b.min_percent, b.key) for b in info.bands.values()),
                critical=info.critical,
            )
            for key, info in ordered.items()
        ),
        overall_bands=tuple(scoring.Band(b.min_percent, b.key) for b in overall.values()),
        unanswered=scoring.UnansweredPolicy(page.unanswered),
        rules=tuple(
            scoring.VerdictRule(rule.key, rule.cap_band, rule.critical_only, rule.at_least, rule.as_share)
            for rule in rules
            if rule.cap_band is not None
        ),
    )
    samples = tuple(_sample(block, by_reference, factors) for block in getattr(page, "sample_services", None) or [])
    return PinnedQuestionnaire(
        revision_id=revision_id,
        sections=tuple(sections),
        questions=questions,
        factors=ordered,
        overall_bands=overall,
        engine=engine,
        rules=rules,
        samples=samples,
    )


def _rule(block, overall):
    value = block.value
    # The best overall band with the chosen verdict: "at most caution" allows the best caution band.
    matching = sorted(
        (band for band in overall.values() if band.verdict == value["cap_at"]), key=lambda band: band.min_percent
    )
    return Rule(
        key=block.id,
        critical_only=value["which_factors"] == "critical",
        at_least=value["at_least"],
        as_share=value["counted_as"] == "percent",
        cap_verdict=value["cap_at"],
        cap_band=matching[-1].key if matching else None,
    )


def _sample(block, by_reference, factors):
    value = block.value
    answers, problems = parse_sample_answers(value["answers"], by_reference)
    expected_factors = {}
    for item in value["expected_factors"]:
        if item["factor"] is not None:
            expected_factors[factor_key(item["factor"])] = item["verdict"]
    return Sample(
        id=block.id,
        name=value["name"],
        description=value["description"],
        role=value["role"],
        answers=answers,
        problems=tuple(problems),
        expected_overall=value["expected_overall"],
        expected_factors=expected_factors,
    )


def parse_sample_answers(text, by_reference):
    """({question id: [option ids]}, [problems]) from lines such as "aims: one" or
    "safeguards: whole-cohort, monitoring"."""
    answers, problems = {}, []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        reference, colon, codes = line.partition(":")
        question = by_reference.get(reference.strip().lower())
        if not colon or question is None:
            problems.append(line)
            continue
        by_code = {option.code: option.id for option in question.options if option.code}
        wanted = _codes(codes)
        if not wanted or any(code not in by_code for code in wanted):
            problems.append(line)
            continue
        answers[question.id] = [by_code[code] for code in wanted]
    return answers, problems


@dataclass(frozen=True)
class SampleCheck:
    sample: Sample
    result: scoring.Result
    overall_verdict: str | None  # promising | caution | unsuitable, or None (no score)
    factor_verdicts: dict  # factor key -> (expected, actual)

    @property
    def passed(self):
        return (
            not self.sample.problems
            and self.overall_verdict == self.sample.expected_overall
            and all(expected == actual for expected, actual in self.factor_verdicts.values())
        )


def check_sample(questionnaire, sample):
    result = scoring.score(questionnaire.engine, sample.answers)
    factor_verdicts = {}
    for key, expected in sample.expected_factors.items():
        info = questionnaire.factors.get(key)
        factor_result = result.factor(key)
        band = info.bands.get(factor_result.band) if info and factor_result and factor_result.band else None
        factor_verdicts[key] = (expected, band.verdict if band else None)
    overall = questionnaire.overall_bands.get(result.band) if result.band else None
    return SampleCheck(sample, result, overall.verdict if overall else None, factor_verdicts)


def check_samples(questionnaire):
    return [check_sample(questionnaire, sample) for sample in questionnaire.samples]


@lru_cache(maxsize=32)
def pinned(revision_id):
    """The questionnaire as it was at this revision: built once per process, since a
    revision's content never changes."""
    revision = Revision.objects.get(pk=revision_id)
    return build(revision.as_object(), revision_id)


def _codes(text):
    return [code.strip().lower() for code in text.split(",") if code.strip()]
