"""Where two or more sets of answers to the self-assessment differ, question by question.

Used for a joint assessment (each party's answers side by side) and for "answer again" (the
previous answers beside the new ones). Answers are compared by the questions' and options'
stable ids (block ids), which stay the same across revisions of the questionnaire and in its
Welsh translation; a question one side was never asked, or an answer the questionnaire being
read no longer has, cannot be compared and is reported as such rather than guessed.

Pure Python: it reads the questionnaire objects of toolkit/questionnaire.py and the scoring
engine's questions, and imports nothing from Django.
"""

from dataclasses import dataclass, field


@dataclass
class QuestionComparison:
    """One question answered by at least two of the sides being compared."""

    question: object  # questionnaire.Question, in the language being read
    labels: dict  # side -> [answer labels]
    # factor key -> {side: share of the question's points for that factor, 0..1}
    points: dict = field(default_factory=dict)

    def spread(self, factor_key=None):
        """How far apart the answers are, from 0 (the same) to 1 (opposite ends): for one
        factor, or the widest of the factors the question counts towards. A question that
        counts towards no factor differs by 1 when the answers are not the same."""
        keys = [factor_key] if factor_key else list(self.points)
        if not keys:
            distinct = {tuple(labels) for labels in self.labels.values()}
            return 1.0 if len(distinct) > 1 else 0.0
        widest = 0.0
        for key in keys:
            shares = list(self.points.get(key, {}).values())
            if len(shares) > 1:
                widest = max(widest, max(shares) - min(shares))
        return widest

    def change(self, factor_key, before, after):
        """How much the answer moved the factor from side `before` to side `after` (-1..1)."""
        shares = self.points.get(factor_key, {})
        if before not in shares or after not in shares:
            return 0.0
        return shares[after] - shares[before]

    @property
    def differs(self):
        return len({tuple(sorted(labels)) for labels in self.labels.values()}) > 1


@dataclass
class NotCompared:
    question: object  # questionnaire.Question
    sides: list  # the sides whose answer could not be compared


@dataclass
class Comparison:
    questions: list  # QuestionComparison, in questionnaire order
    not_compared: list  # NotCompared

    def differing(self, factor_key=None, limit=None):
        """The questions whose answers differ, widest first (questionnaire order on ties)."""
        found = [item for item in self.questions if item.differs and item.spread(factor_key) > 0]
        if factor_key is None:
            found += [item for item in self.questions if item.differs and item.spread() == 0 and not item.points]
        found.sort(key=lambda item: -item.spread(factor_key))
        return found[:limit] if limit else found


def compare(questionnaire, answers_by_side, asked_by_side=None, role=""):
    """Compare each side's answers ({side: {question id: [option ids]}}) in the terms of
    `questionnaire` (a questionnaire.PinnedQuestionnaire). `asked_by_side` gives, where known,
    the question ids each side's own revision had: a question missing from it was not asked
    of that side. Unanswered questions are simply left out."""
    asked_by_side = asked_by_side or {}
    engine_questions = {question.id: question for question in questionnaire.engine.questions}
    factor_keys = [factor.key for factor in questionnaire.engine.factors]
    compared, not_compared = [], []
    for section in questionnaire.sections:
        for question in section.questions:
            engine_question = engine_questions.get(question.id)
            known = {option.id for option in question.options}
            answered, unreadable = {}, []
            for side, answers in answers_by_side.items():
                asked = asked_by_side.get(side)
                chosen = answers.get(question.id)
                if asked is not None and question.id not in asked:
                    unreadable.append(side)
                elif chosen:
                    if all(option_id in known for option_id in chosen):
                        answered[side] = list(chosen)
                    else:
                        unreadable.append(side)
            if unreadable and (answered or len(unreadable) > 1):
                not_compared.append(NotCompared(question, unreadable))
            if len(answered) < 2:
                continue
            item = QuestionComparison(
                question=question,
                labels={
                    side: [option.label_for(role) for option in question.options if option.id in chosen]
                    for side, chosen in answered.items()
                },
            )
            if engine_question is not None:
                item.points = _shares(engine_question, answered, factor_keys)
            compared.append(item)
    return Comparison(compared, not_compared)


def _shares(engine_question, answered, factor_keys):
    """{factor key: {side: points given / points possible}} for the factors the question counts towards."""
    shares = {}
    for key in factor_keys:
        most = engine_question.max_points(key)
        if most <= 0:
            continue
        by_option = {option.id: option.points_for(key) for option in engine_question.options}
        shares[key] = {
            side: min(1.0, max(0.0, sum(by_option.get(option_id, 0.0) for option_id in chosen) / most))
            for side, chosen in answered.items()
        }
    return shares
