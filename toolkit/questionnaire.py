"""Turn a self-assessment page (as it was at one revision) into what the views need: the
sections and questions to show, and the pure scoring engine's Questionnaire.

A revision never changes, so each is built once per process and kept (see `pinned`).
"""

from dataclasses import dataclass, field
from functools import lru_cache

from wagtail.models import Revision

from . import scoring


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    code: str
    consider: str
    scores: dict  # factor key -> points


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

    @property
    def allows_many(self):
        return self.kind == scoring.QuestionKind.MULTIPLE_CHOICE

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


@dataclass(frozen=True)
class PinnedQuestionnaire:
    revision_id: int
    sections: tuple
    questions: dict  # id -> Question
    factors: dict  # key -> FactorInfo, in result-page order
    overall_bands: dict  # key -> Band
    engine: scoring.Questionnaire

    def section(self, number):
        return self.sections[number - 1] if 1 <= number <= len(self.sections) else None


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
        bands = {
            bound.id: _band(bound.id, bound.value) for bound in block.value["bands"].bound_blocks
        }
        factors[factor_key(factor)] = FactorInfo(key=factor_key(factor), factor=factor, bands=bands)

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
                options.append(Option(option_bound.id, option["label"], option["code"], option["consider"], scores))
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
            scoring.Factor(key=key, bands=tuple(scoring.Band(b.min_percent, b.key) for b in info.bands.values()))
            for key, info in ordered.items()
        ),
        overall_bands=tuple(scoring.Band(b.min_percent, b.key) for b in overall.values()),
        unanswered=scoring.UnansweredPolicy(page.unanswered),
    )
    return PinnedQuestionnaire(
        revision_id=revision_id,
        sections=tuple(sections),
        questions=questions,
        factors=ordered,
        overall_bands=overall,
        engine=engine,
    )


@lru_cache(maxsize=32)
def pinned(revision_id):
    """The questionnaire as it was at this revision: built once per process, since a
    revision's content never changes."""
    revision = Revision.objects.get(pk=revision_id)
    return build(revision.as_object(), revision_id)


def _codes(text):
    return [code.strip().lower() for code in text.split(",") if code.strip()]
