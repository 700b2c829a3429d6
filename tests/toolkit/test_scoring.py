"""The self-assessment scoring engine: hand-worked examples, then properties that must
hold for any questionnaire editors could build (checked with generated questionnaires)."""

import ast
import dataclasses
import functools
import json
import math
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from toolkit import scoring
from toolkit.scoring import (
    Band,
    Condition,
    ErrorCode,
    Factor,
    Option,
    Question,
    QuestionKind,
    Questionnaire,
    Result,
    UnansweredPolicy,
    VerdictRule,
    score,
    validate_answers,
    visible_questions,
)

SINGLE = QuestionKind.SINGLE_CHOICE
MULTIPLE = QuestionKind.MULTIPLE_CHOICE
# Float noise from summing in a different order; percentages run 0-100.
TOLERANCE = 1e-9

PURPOSE, PRICING = "factor-purpose", "factor-pricing"
FACTOR_BANDS = (Band(75, "high"), Band(0, "low"), Band(50, "medium"))  # unsorted on purpose


def example(unanswered=UnansweredPolicy.EXCLUDE):
    """Four questions, two factors; the expected numbers below are worked out by hand."""
    return Questionnaire(
        questions=(
            Question(
                "q1",
                SINGLE,
                (
                    Option("a1", {PURPOSE: 4}),
                    Option("a2", {PURPOSE: 2, PRICING: 1}),
                    Option("a3", {}),
                ),
            ),
            Question(
                "q2",
                MULTIPLE,
                (
                    Option("b1", {PURPOSE: 1, PRICING: 2}),
                    Option("b2", {PRICING: 3}),
                    Option("b3-none", {}),
                ),
            ),
            Question(
                "q3",
                QuestionKind.AGREE_SCALE,
                (
                    Option("c1", {PRICING: 0}),
                    Option("c2", {PRICING: 2}),
                    Option("c3", {PRICING: 5}),
                ),
                show_if=Condition("q2", frozenset({"b1", "b2"})),
            ),
            Question(
                "q4",
                QuestionKind.YES_NO_DONT_KNOW,
                (
                    Option("yes", {PURPOSE: 2}),
                    Option("no", {}),
                    Option("dont-know", {PURPOSE: 1}),
                ),
                required=False,
            ),
        ),
        factors=(Factor(PURPOSE, FACTOR_BANDS), Factor(PRICING, FACTOR_BANDS)),
        overall_bands=(Band(50, "promising"), Band(0, "weak")),
        unanswered=unanswered,
    )


ANSWERS = {"q1": ["a2"], "q2": ["b1"], "q3": ["c2"], "q4": ["dont-know"]}


# --- Hand-worked examples ----------------------------------------------------------------


def test_two_factor_example_by_hand():
    result = score(example(), ANSWERS)
    purpose, pricing = result.factor(PURPOSE), result.factor(PRICING)
    # Purpose: q1 2 of 4, q2 1 of 1 (only b1 scores it), q3 cannot score it, q4 1 of 2.
    assert (purpose.points, purpose.max_points) == (4, 7)
    assert purpose.percent == pytest.approx(400 / 7)
    assert purpose.display_percent == 57.1
    assert purpose.band == "medium"
    # Pricing: q1 1 of 1, q2 2 of 5 (b1 + b2), q3 2 of 5, q4 cannot score it.
    assert (pricing.points, pricing.max_points) == (5, 11)
    assert pricing.display_percent == 45.5
    assert pricing.band == "low"
    assert result.percent == pytest.approx((400 / 7 + 500 / 11) / 2)
    assert result.display_percent == 51.3
    assert result.band == "promising"
    assert (result.answered_count, result.visible_count) == (4, 4)


def test_drivers_are_ordered_by_shortfall():
    result = score(example(), ANSWERS)
    purpose = [dataclasses.astuple(d) for d in result.factor(PURPOSE).drivers]
    assert purpose == [("q1", "a2", 2, 2), ("q4", "dont-know", 1, 1), ("q2", "b1", 1, 0)]
    pricing = [dataclasses.astuple(d) for d in result.factor(PRICING).drivers]
    # Ties keep question order; q1's answer gave the full point so it falls short by 0.
    assert pricing == [("q2", "b1", 2, 3), ("q3", "c2", 2, 3), ("q1", "a2", 1, 0)]


def test_none_of_these_shows_as_the_answer_that_lowered_a_factor():
    result = score(example(), {"q1": ["a1"], "q2": ["b3-none"]})
    drivers = [dataclasses.astuple(d) for d in result.factor(PRICING).drivers]
    # a1 is the best answer for purpose, but gives pricing nothing of a possible 1.
    assert drivers == [("q2", "b3-none", 0, 5), ("q1", "a1", 0, 1)]


def test_skip_logic_hides_a_question_and_ignores_its_answer():
    questionnaire = example()
    answers = {"q1": ["a1"], "q2": ["b3-none"], "q3": ["c3"]}
    assert [q.id for q in visible_questions(questionnaire, answers)] == ["q1", "q2", "q4"]
    result = score(questionnaire, answers)
    assert result.visible_count == 3 and result.answered_count == 2
    assert result.factor(PRICING).points == 0 and result.factor(PRICING).max_points == 6
    assert validate_answers(questionnaire, answers).errors["q3"] is ErrorCode.NOT_SHOWN


def test_a_question_depending_on_a_hidden_question_is_hidden():
    opts = (Option("x", {}), Option("y", {}))
    questionnaire = Questionnaire(
        questions=(
            Question("a", SINGLE, opts),
            Question("b", SINGLE, opts, show_if=Condition("a", frozenset({"x"}))),
            Question("c", SINGLE, opts, show_if=Condition("b", frozenset({"x"}))),
        ),
        factors=(),
    )
    # b's answer would show c, but b is hidden, so its answer does not count.
    shown = visible_questions(questionnaire, {"a": ["y"], "b": ["x"]})
    assert [q.id for q in shown] == ["a"]


@pytest.mark.parametrize(
    ("policy", "points", "max_points"),
    [
        (UnansweredPolicy.EXCLUDE, 3, 5),
        (UnansweredPolicy.COUNT_AS_ZERO, 3, 7),
        (UnansweredPolicy.COUNT_AS_MIDPOINT, 4, 7),  # half of q4's best (2) is assumed
    ],
)
def test_unanswered_policies(policy, points, max_points):
    answers = {"q1": ["a2"], "q2": ["b1"], "q3": ["c2"]}
    purpose = score(example(policy), answers).factor(PURPOSE)
    assert (purpose.points, purpose.max_points) == (points, max_points)
    assert purpose.unanswered == ("q4",)


THREE_BANDS = (Band(0, "low"), Band(50, "medium"), Band(75, "high"))


def one_question(scores, bands=THREE_BANDS):
    options = tuple(Option(f"o{i}", {"f": points}) for i, points in enumerate(scores))
    return Questionnaire((Question("q", SINGLE, options),), (Factor("f", bands),), bands)


@pytest.mark.parametrize(("option", "band"), [("o0", "low"), ("o1", "medium"), ("o2", "high"), ("o3", "high")])
def test_a_percentage_exactly_at_a_band_start_is_in_that_band(option, band):
    result = score(one_question([0, 2, 3, 4]), {"q": [option]})
    assert result.factor("f").band == band
    assert result.band == band


def test_bands_compare_the_displayed_percentage():
    # 0.58 / 1 * 100 is 57.99999999999999 in floating point; the user sees 58.0.
    result = score(one_question([0.58, 1], bands=(Band(0, "low"), Band(58, "ok"))), {"q": ["o0"]})
    assert result.factor("f").display_percent == 58.0
    assert result.factor("f").band == "ok"


def test_below_the_lowest_band_has_no_band():
    result = score(one_question([1, 4], bands=(Band(50, "ok"),)), {"q": ["o0"]})
    assert result.factor("f").percent == 25 and result.factor("f").band is None


def test_no_possible_points_means_not_enough_information():
    result = score(one_question([0, 0]), {"q": ["o0"]})
    factor = result.factor("f")
    assert (factor.max_points, factor.percent, factor.band) == (0, None, None)
    assert (result.percent, result.band) == (None, None)


def test_factors_without_a_percentage_are_left_out_of_the_overall_mean():
    result = score(example(), {"q4": ["yes"]})  # nothing that scores pricing is answered
    assert result.factor(PRICING).percent is None
    assert result.percent == result.factor(PURPOSE).percent == 100


# --- Verdict rules: one fatal weakness cannot hide behind strong answers ---------------------

VERDICT_BANDS = (Band(0, "unsuitable"), Band(40, "caution"), Band(70, "promising"))


def eight_factors(percents, critical=(), rules=()):
    """One question per factor; answer `o<p>` scores p of 100 for that factor."""
    keys = [f"f{n}" for n in range(len(percents))]
    questions = tuple(
        Question(key, SINGLE, (Option("low", {key: 0}), Option("mid", {key: 50}), Option("top", {key: 100})))
        for key in keys
    )
    factors = tuple(Factor(key, VERDICT_BANDS, critical=key in critical) for key in keys)
    questionnaire = Questionnaire(questions, factors, VERDICT_BANDS, rules=rules)
    by_percent = {0: "low", 50: "mid", 100: "top"}
    return questionnaire, {key: [by_percent[p]] for key, p in zip(keys, percents, strict=True)}


CRITICAL_AT_LOWEST = VerdictRule("critical", cap="caution", critical_only=True, at_least=1)
HALF_AT_LOWEST = VerdictRule("half", cap="unsuitable", at_least=50, as_share=True)


def test_a_critical_factor_at_its_lowest_band_caps_the_verdict_and_says_which():
    questionnaire, answers = eight_factors([100] * 7 + [0], critical={"f7"}, rules=(CRITICAL_AT_LOWEST,))
    result = score(questionnaire, answers)
    assert result.percent == pytest.approx(87.5) and result.average_band == "promising"
    assert result.band == "caution" and result.capped_by == "critical"
    assert result.deciding_cap.factors == ("f7",)


def test_a_weak_factor_that_is_not_critical_does_not_trip_the_critical_rule():
    questionnaire, answers = eight_factors([100] * 7 + [0], critical={"f0"}, rules=(CRITICAL_AT_LOWEST,))
    result = score(questionnaire, answers)
    assert (result.band, result.capped_by, result.caps) == ("promising", None, ())


def test_half_the_factors_at_the_lowest_band_caps_at_the_lowest_verdict():
    # The audit's case: 5 of 8 at "a real risk" with a mean in the middle band.
    questionnaire, answers = eight_factors(
        [0, 0, 0, 0, 0, 100, 100, 100], critical={"f0"}, rules=(CRITICAL_AT_LOWEST, HALF_AT_LOWEST)
    )
    result = score(questionnaire, answers)
    assert result.average_band == "unsuitable"  # 37.5%
    questionnaire, answers = eight_factors(
        [0, 0, 0, 0, 50, 100, 100, 100], critical={"f0"}, rules=(CRITICAL_AT_LOWEST, HALF_AT_LOWEST)
    )
    result = score(questionnaire, answers)
    assert result.average_band == "caution"  # 43.75%
    assert [cap.rule for cap in result.caps] == ["critical", "half"]
    assert result.band == "unsuitable" and result.capped_by == "half"
    assert result.deciding_cap.factors == ("f0", "f1", "f2", "f3")


def test_a_rule_never_raises_the_verdict():
    rule = VerdictRule("r", cap="promising", at_least=1)
    questionnaire, answers = eight_factors([0, 0, 0, 100], rules=(rule,))
    result = score(questionnaire, answers)
    assert result.caps and result.band == result.average_band == "unsuitable" and result.capped_by is None


def test_a_count_rule_counts_factors():
    rule = VerdictRule("two", cap="caution", at_least=2)
    one_weak = score(*eight_factors([0, 100, 100, 100], rules=(rule,)))
    two_weak = score(*eight_factors([0, 0, 100, 100, 100, 100], rules=(rule,)))
    assert (one_weak.band, two_weak.band) == ("promising", "caution")


def test_factors_without_a_score_are_outside_every_rule():
    questionnaire, answers = eight_factors([0, 100, 100], critical={"f0"}, rules=(CRITICAL_AT_LOWEST,))
    del answers["f0"]
    assert score(questionnaire, answers).caps == ()


def test_results_stored_before_rules_existed_still_load():
    result = score(example(), ANSWERS)
    old = {
        key: value for key, value in result.to_dict().items() if key not in {"average_band", "caps", "capped_by"}
    } | {"version": 1}
    loaded = Result.from_dict(old)
    assert (loaded.band, loaded.average_band, loaded.caps, loaded.capped_by) == (result.band, result.band, (), None)


@pytest.mark.parametrize(
    "build",
    [
        lambda: VerdictRule("r", cap="caution", at_least=0),
        lambda: VerdictRule("r", cap="caution", at_least=120, as_share=True),
        lambda: VerdictRule("", cap="caution"),
        lambda: Questionnaire((), (), VERDICT_BANDS, rules=(VerdictRule("r", cap="nowhere"),)),
        lambda: Questionnaire((), (), VERDICT_BANDS, rules=(VerdictRule("r", "caution"), VerdictRule("r", "caution"))),
    ],
)
def test_inconsistent_rules_are_rejected(build):
    with pytest.raises(ValueError):
        build()


# --- Validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "question", "code"),
    [
        ({"nope": ["a1"]}, "nope", ErrorCode.UNKNOWN_QUESTION),
        ({"q1": ["zz"]}, "q1", ErrorCode.UNKNOWN_OPTION),
        ({"q1": [7]}, "q1", ErrorCode.UNKNOWN_OPTION),
        ({"q1": {"a1": 1}}, "q1", ErrorCode.UNKNOWN_OPTION),
        ({"q1": ["a1", "a2"]}, "q1", ErrorCode.TOO_MANY_OPTIONS),
        ({"q2": ["b1"] * 10_000}, "q2", ErrorCode.TOO_MANY_OPTIONS),
        ({"q2": []}, "q1", ErrorCode.MISSING_REQUIRED),
        ({"q2": ["b3-none"], "q3": ["c1"]}, "q3", ErrorCode.NOT_SHOWN),
    ],
)
def test_each_error_code(raw, question, code):
    result = validate_answers(example(), raw)
    assert result.errors[question] is code


def test_an_invalid_answer_keeps_the_others():
    raw = {"q1": ["a1", "a2"], "q2": ["b1", "b1", "b2"], "q4": "yes", 3: None}
    result = validate_answers(example(), raw)
    # De-duplicated; a bare string is one option id.
    assert result.answers == {"q2": ("b1", "b2"), "q4": ("yes",)}
    assert result.errors == {
        "q1": ErrorCode.TOO_MANY_OPTIONS,
        "q3": ErrorCode.MISSING_REQUIRED,
        "3": ErrorCode.UNKNOWN_QUESTION,
    }


def test_answers_come_back_in_option_order():
    assert validate_answers(example(), {"q2": ["b2", "b1"]}).answers["q2"] == ("b1", "b2")


def test_missing_required_is_only_checked_for_the_submitted_section():
    result = validate_answers(example(), {"q1": ["a1"]}, question_ids=["q1", "q2"])
    assert result.errors == {"q2": ErrorCode.MISSING_REQUIRED}
    # q4 is optional; q3 is hidden until q2 is answered.
    result = validate_answers(example(), {"q1": ["a1"], "q2": ["b1"]})
    assert result.errors == {"q3": ErrorCode.MISSING_REQUIRED}


def test_not_shown_is_not_a_user_error():
    result = validate_answers(example(), {"q1": ["a1"], "q2": ["b3-none"], "q3": ["c1"]})
    assert result.errors == {"q3": ErrorCode.NOT_SHOWN}
    assert result.user_errors == {} and result.is_valid


@pytest.mark.parametrize("raw", [None, 5, "q1", ["q1"], {None: None}])
def test_raw_input_that_is_not_a_mapping_of_answers_is_survived(raw):
    result = validate_answers(example(), raw)
    assert result.answers == {}
    assert score(example(), raw).answered_count == 0


# --- Questionnaire configuration ----------------------------------------------------------


ONE_FACTOR = (Factor("f"),)


def make(questions, factors=ONE_FACTOR, overall_bands=()):
    return Questionnaire(tuple(questions), tuple(factors), tuple(overall_bands))


OK = (Option("o", {"f": 1}),)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Option("o", {"f": -1}),
        lambda: Option("o", {"f": math.nan}),
        lambda: Option("o", {"f": math.inf}),
        lambda: Option("o", {"f": 10**400}),
        lambda: Option("o", {"f": "3"}),
        lambda: Option("", {}),
        lambda: Question("q", SINGLE, ()),
        lambda: Question("q", SINGLE, (Option("o", {}), Option("o", {}))),
        lambda: Question("q", "free_text", OK),
        lambda: Condition("q", frozenset()),
        lambda: Condition("q", "o"),
        lambda: Band(-1, "b"),
        lambda: Band(100.5, "b"),
        lambda: Band(math.nan, "b"),
        lambda: Factor("f", (Band(10, "a"), Band(10, "b"))),
        lambda: make([Question("q", SINGLE, OK), Question("q", SINGLE, OK)]),
        lambda: make([Question("q", SINGLE, OK, show_if=Condition("q", frozenset({"o"})))]),
        lambda: make(
            [
                Question("q", SINGLE, OK, show_if=Condition("later", frozenset({"o"}))),
                Question("later", SINGLE, OK),
            ]
        ),
        lambda: make(
            [
                Question("a", SINGLE, OK),
                Question("b", SINGLE, OK, show_if=Condition("a", frozenset({"x"}))),
            ]
        ),
        lambda: make([Question("q", SINGLE, (Option("o", {"unknown": 1}),))]),
        lambda: make([], factors=(Factor("f"), Factor("f"))),
    ],
)
def test_inconsistent_configuration_is_rejected(build):
    with pytest.raises(ValueError):
        build()


def test_configuration_is_normalised_and_immutable():
    questionnaire = Questionnaire(
        questions=[Question("q", "multiple_choice", [Option("o", {"f": 2})], show_if=None)],
        factors=[Factor("f", [Band(60, "b"), Band(0, "a")])],
        overall_bands=[Band(100, "top"), Band(0, "bottom")],
        unanswered="count_as_zero",
    )
    assert isinstance(questionnaire.questions, tuple)
    assert questionnaire.questions[0].kind is MULTIPLE
    assert [b.key for b in questionnaire.factors[0].bands] == ["a", "b"]
    assert [b.key for b in questionnaire.overall_bands] == ["bottom", "top"]
    assert questionnaire.unanswered is UnansweredPolicy.COUNT_AS_ZERO
    assert hash(questionnaire) == hash(dataclasses.replace(questionnaire))
    with pytest.raises(TypeError):
        questionnaire.questions[0].options[0].scores["f"] = 5


# --- Stored results -----------------------------------------------------------------------


def test_result_round_trips_through_json():
    result = score(example(UnansweredPolicy.COUNT_AS_MIDPOINT), {"q1": ["a3"], "q2": ["b2"]})
    stored = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert Result.from_dict(stored) == result


def test_unknown_result_format_is_refused():
    data = score(example(), ANSWERS).to_dict() | {"version": 99}
    with pytest.raises(ValueError):
        Result.from_dict(data)


# --- No Django in the engine --------------------------------------------------------------


def test_engine_imports_only_the_standard_library():
    tree = ast.parse(Path(scoring.__file__).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    top_level = {name.split(".")[0] for name in imported}
    assert top_level <= set(sys.stdlib_module_names) | {"__future__"}


def test_loading_the_engine_loads_no_django():
    # A fresh interpreter: this test process already has Django loaded by pytest-django.
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('scoring', {scoring.__file__!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "sys.modules['scoring'] = module\n"
        "spec.loader.exec_module(module)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'wagtail')))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "[]"


# --- Properties of any questionnaire editors could build ----------------------------------

# Default settings, but no deadline: the first examples pay for imports and caches.
relaxed = settings(deadline=None)
# Identifiers are opaque UUID strings. Fixed pools, drawn in random order, are much cheaper
# to generate than fresh UUIDs; option ids recur across questions, as no rule forbids it.
FACTOR_KEYS = tuple(str(uuid.uuid5(uuid.NAMESPACE_URL, f"factor/{n}")) for n in range(6))
QUESTION_IDS = tuple(str(uuid.uuid5(uuid.NAMESPACE_URL, f"question/{n}")) for n in range(12))
OPTION_IDS = tuple(str(uuid.uuid5(uuid.NAMESPACE_URL, f"option/{n}")) for n in range(5))
BAND_KEYS = tuple(str(uuid.uuid5(uuid.NAMESPACE_URL, f"band/{n}")) for n in range(4))
# None leaves the factor out of an option's scores; 0 scores it explicitly.
points_or_none = st.one_of(
    st.none(),
    st.just(0),
    st.integers(0, 10),
    st.floats(0, 100, allow_nan=False, allow_infinity=False, allow_subnormal=False),
)
BAND_STARTS = st.lists(st.floats(0, 100, allow_nan=False), max_size=4, unique=True)
KINDS = st.sampled_from(QuestionKind)
POLICIES = st.sampled_from(UnansweredPolicy)


# Strategies are built once (hence the caches): building them afresh inside every draw
# dominated the runtime.
@functools.cache
def integers(low, high):
    return st.integers(low, high)


@functools.cache
def score_row(length):
    return st.lists(points_or_none, min_size=length, max_size=length)


@functools.cache
def shuffled(pool):
    return st.permutations(pool)


def pick(draw, pool, low, high):
    """`low` to `high` distinct items of `pool`, in random order."""
    return draw(shuffled(pool))[: draw(integers(low, high))]


def some_of(draw, items):
    """A non-empty subset of `items`, in their order."""
    mask = draw(integers(1, 2 ** len(items) - 1))
    return tuple(item for bit, item in enumerate(items) if mask >> bit & 1)


def select(draw, question):
    """A valid, cleaned answer to one question."""
    if question.allows_many:
        return some_of(draw, question.option_ids)
    return (question.option_ids[draw(integers(0, len(question.options) - 1))],)


def option_scores(draw, factor_keys):
    row = draw(score_row(len(factor_keys)))
    return {key: points for key, points in zip(factor_keys, row, strict=True) if points is not None}


def band_set(draw):
    starts = draw(BAND_STARTS)
    return tuple(
        Band(start, key) for start, key in zip(starts, draw(shuffled(BAND_KEYS)), strict=False)
    )  # up to 4 starts


@st.composite
def questionnaires(draw, free_last=None):
    """Random valid questionnaires. `free_last` (a set of kinds) makes the last question
    one of those kinds, unconditional and with two or more options, so tests that change
    one free question's answer always have a candidate instead of discarding examples."""
    factor_keys = pick(draw, FACTOR_KEYS, 1, 6)
    question_ids = pick(draw, QUESTION_IDS, 1, 12)
    questions: list[Question] = []
    for question_id in question_ids:
        forced = free_last is not None and question_id == question_ids[-1]
        options = tuple(
            Option(option_id, option_scores(draw, factor_keys))
            for option_id in pick(draw, OPTION_IDS, 2 if forced else 1, 5)
        )
        show_if = None
        if questions and not forced and draw(st.booleans()):
            target = questions[draw(integers(0, len(questions) - 1))]
            show_if = Condition(target.id, frozenset(some_of(draw, target.option_ids)))
        kind = draw(st.sampled_from(sorted(free_last)) if forced else KINDS)
        questions.append(Question(question_id, kind, options, draw(st.booleans()), show_if))
    overall_bands = band_set(draw)
    return Questionnaire(
        questions=tuple(questions),
        factors=tuple(Factor(key, band_set(draw), critical=draw(st.booleans())) for key in factor_keys),
        overall_bands=overall_bands,
        unanswered=draw(POLICIES),
        rules=verdict_rules(draw, overall_bands),
    )


def verdict_rules(draw, overall_bands):
    if not overall_bands:
        return ()
    return tuple(
        VerdictRule(
            f"rule-{n}",
            cap=draw(st.sampled_from([band.key for band in overall_bands])),
            critical_only=draw(st.booleans()),
            at_least=draw(st.integers(1, 100)) if as_share else draw(st.integers(1, 4)),
            as_share=as_share,
        )
        for n, as_share in enumerate(draw(st.lists(st.booleans(), max_size=3)))
    )


@st.composite
def answer_sets(draw, questionnaire):
    """Answers to some of the questions skip logic shows, chosen in order as a user would."""
    answers: dict[str, tuple[str, ...]] = {}
    for question in questionnaire.questions:
        if question.show_if is not None and not question.show_if.is_met(answers):
            continue
        if draw(st.booleans()):
            answers[question.id] = select(draw, question)
    return answers


@st.composite
def scenarios(draw, free_last=None):
    questionnaire = draw(questionnaires(free_last))
    return questionnaire, draw(answer_sets(questionnaire))


def free_questions(questionnaire, answers):
    """Visible questions no condition depends on: changing their answer changes no visibility."""
    depended_on = {q.show_if.question_id for q in questionnaire.questions if q.show_if}
    return [q for q in visible_questions(questionnaire, answers) if q.id not in depended_on]


junk_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5))
junk = st.recursive(
    junk_leaf,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=10,
)


@relaxed
@given(scenarios())
def test_percentages_bands_and_drivers_are_well_formed(scenario):
    questionnaire, answers = scenario
    result = score(questionnaire, answers)
    for factor, config in zip(result.factors, questionnaire.factors, strict=True):
        assert factor.percent is None or 0 <= factor.percent <= 100
        if factor.percent is None:
            assert factor.band is None
        else:
            reached = [b.key for b in config.bands if b.min_percent <= factor.display_percent]
            assert factor.band == (reached[-1] if reached else None)
        shortfalls = [driver.shortfall for driver in factor.drivers]
        assert shortfalls == sorted(shortfalls, reverse=True)
        assert all(shortfall >= 0 for shortfall in shortfalls)
        assert all(driver.question_id in answers for driver in factor.drivers)
        assert not set(factor.unanswered) & set(answers)
    assert result.percent is None or 0 <= result.percent <= 100
    assert (result.percent is None) == all(f.percent is None for f in result.factors)
    assert result.answered_count == len(answers) <= result.visible_count


@relaxed
@given(scenarios())
def test_valid_answers_pass_validation_unchanged(scenario):
    questionnaire, answers = scenario
    result = validate_answers(questionnaire, answers)
    assert result.answers == answers
    assert set(result.errors.values()) <= {ErrorCode.MISSING_REQUIRED}


@relaxed
@given(st.data())
def test_junk_never_raises_and_cleaning_is_idempotent(data):
    questionnaire = data.draw(questionnaires())
    known = [q.id for q in questionnaire.questions] + list(OPTION_IDS)
    key = st.sampled_from(known) | st.text(max_size=5) | st.integers() | st.none()
    value = st.lists(st.sampled_from(known) | junk_leaf, max_size=8) | junk
    raw = data.draw(st.dictionaries(key, value, max_size=10) | junk)
    section = data.draw(st.none() | st.lists(st.sampled_from(known)))
    cleaned = validate_answers(questionnaire, raw, question_ids=section)
    assert validate_answers(questionnaire, cleaned.answers).answers == cleaned.answers
    assert score(questionnaire, raw) == score(questionnaire, cleaned.answers)


@relaxed
@given(st.data())
def test_junk_never_costs_a_valid_answer(data):
    """Junk under unknown keys, or as the answer to a question nothing depends on, leaves
    every other answer alone. (A bad answer to a question others depend on hides them.)"""
    questionnaire, answers = data.draw(scenarios())
    unknown_key = st.text(max_size=5).filter(lambda key: key not in QUESTION_IDS)
    unknown = data.draw(st.dictionaries(unknown_key, junk, max_size=5))
    free = free_questions(questionnaire, answers)
    spoilt = {q.id: data.draw(junk) for q in free if data.draw(st.booleans())}
    result = validate_answers(questionnaire, {**unknown, **answers, **spoilt})
    assert {key: value for key, value in answers.items() if key not in spoilt} == {
        key: value for key, value in result.answers.items() if key not in spoilt
    }
    assert set(result.errors) >= set(unknown)


SINGLE_ANSWER_KINDS = frozenset(QuestionKind) - {MULTIPLE}


def free_question(data, questionnaire, answers, kinds):
    """One visible question of these kinds that no condition depends on."""
    candidates = [q for q in free_questions(questionnaire, answers) if q.kind in kinds]
    return data.draw(st.sampled_from(candidates))


@relaxed
@given(st.data())
def test_a_better_single_answer_never_lowers_a_factor(data):
    questionnaire, answers = data.draw(scenarios(free_last=SINGLE_ANSWER_KINDS))
    question = free_question(data, questionnaire, answers, SINGLE_ANSWER_KINDS)
    factor = data.draw(st.sampled_from([f.key for f in questionnaire.factors]))
    current = data.draw(st.sampled_from(question.options))
    better = [o.id for o in question.options if o.points_for(factor) >= current.points_for(factor)]
    answers = {**answers, question.id: (current.id,)}
    changed = {**answers, question.id: (data.draw(st.sampled_from(better)),)}
    before = score(questionnaire, answers).factor(factor)
    after = score(questionnaire, changed).factor(factor)
    assert after.points >= before.points
    assert after.max_points == before.max_points
    assert after.percent is None or after.percent >= before.percent


@relaxed
@given(st.data())
def test_ticking_another_box_never_lowers_anything(data):
    questionnaire, answers = data.draw(scenarios(free_last={MULTIPLE}))
    question = free_question(data, questionnaire, answers, {MULTIPLE})
    assume(len(question.options) > 1)
    ticked = pick(data.draw, question.option_ids, 2, len(question.options))
    answers = {**answers, question.id: in_option_order(question, ticked[:-1])}
    changed = {**answers, question.id: in_option_order(question, ticked)}
    before, after = score(questionnaire, answers), score(questionnaire, changed)
    for old, new in zip(before.factors, after.factors, strict=True):
        assert new.points >= old.points
        assert new.percent is None or new.percent >= old.percent


def in_option_order(question, option_ids):
    return tuple(o for o in question.option_ids if o in option_ids)


def best_answer(question, factor):
    """The answer that earns a question's maximum for a factor."""
    if question.allows_many:
        scoring_ids = tuple(o.id for o in question.options if o.points_for(factor) > 0)
        return scoring_ids or question.option_ids[:1]
    return (max(question.options, key=lambda o: o.points_for(factor)).id,)


@relaxed
@given(st.data())
def test_answering_with_the_best_answer_never_lowers_a_factor(data):
    questionnaire, answers = data.draw(scenarios(free_last=frozenset(QuestionKind)))
    question = free_question(data, questionnaire, answers, frozenset(QuestionKind))
    factor = data.draw(st.sampled_from([f.key for f in questionnaire.factors]))
    answers = {key: value for key, value in answers.items() if key != question.id}
    changed = {**answers, question.id: best_answer(question, factor)}
    before = score(questionnaire, answers).factor(factor)
    after = score(questionnaire, changed).factor(factor)
    if before.percent is not None:
        # Under EXCLUDE the maximum grows too, so the new sum is rounded afresh.
        slack = TOLERANCE if questionnaire.unanswered is UnansweredPolicy.EXCLUDE else 0
        assert after.percent >= before.percent - slack


@relaxed
@given(scenarios())
def test_unanswered_policies_order_as_the_arithmetic_says(scenario):
    """With answered points P of maximum M and unanswered maximum U (all >= 0, P <= M):
    EXCLUDE = P/M, ZERO = P/(M+U) <= P/M, MIDPOINT = (P+U/2)/(M+U) >= ZERO. MIDPOINT is a
    weighted mean of P/M and 50%, so it lies between them; it is not always below EXCLUDE."""
    questionnaire, answers = scenario
    by_policy = {
        policy: score(dataclasses.replace(questionnaire, unanswered=policy), answers) for policy in UnansweredPolicy
    }
    rows = zip(
        by_policy[UnansweredPolicy.EXCLUDE].factors,
        by_policy[UnansweredPolicy.COUNT_AS_ZERO].factors,
        by_policy[UnansweredPolicy.COUNT_AS_MIDPOINT].factors,
        strict=True,
    )
    for exclude, zero, midpoint in rows:
        assert (zero.percent is None) == (midpoint.percent is None)
        if zero.percent is None:
            continue
        assert zero.percent <= midpoint.percent
        if exclude.percent is None:  # only unanswered questions can score this factor
            assert midpoint.percent == pytest.approx(50)
            continue
        assert zero.percent <= exclude.percent
        low, high = sorted([exclude.percent, 50])
        assert low - TOLERANCE <= midpoint.percent <= high + TOLERANCE


@relaxed
@given(st.data())
def test_answers_to_hidden_questions_change_nothing(data):
    questionnaire, answers = data.draw(scenarios())
    shown = {q.id for q in visible_questions(questionnaire, answers)}
    hidden = [q for q in questionnaire.questions if q.id not in shown]
    extra = {q.id: select(data.draw, q) for q in hidden if data.draw(st.booleans())}
    assert score(questionnaire, {**answers, **extra}) == score(questionnaire, answers)


@relaxed
@given(scenarios())
def test_results_round_trip_through_json(scenario):
    questionnaire, answers = scenario
    result = score(questionnaire, answers)
    stored = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert Result.from_dict(stored) == result


def verdict_rank(questionnaire, band_key):
    """Higher is better; no verdict (no score, or below every band) ranks lowest."""
    keys = [band.key for band in questionnaire.overall_bands]
    return -1 if band_key is None else keys.index(band_key)


@relaxed
@given(st.data())
def test_a_better_answer_never_gives_a_worse_verdict(data):
    """ "Better" is an answer that gives every factor at least as many points."""
    questionnaire, answers = data.draw(scenarios(free_last=SINGLE_ANSWER_KINDS))
    question = free_question(data, questionnaire, answers, SINGLE_ANSWER_KINDS)
    current = data.draw(st.sampled_from(question.options))
    keys = [factor.key for factor in questionnaire.factors]
    better = [o.id for o in question.options if all(o.points_for(k) >= current.points_for(k) for k in keys)]
    answers = {**answers, question.id: (current.id,)}
    changed = {**answers, question.id: (data.draw(st.sampled_from(better)),)}
    before, after = score(questionnaire, answers), score(questionnaire, changed)
    assert verdict_rank(questionnaire, after.band) >= verdict_rank(questionnaire, before.band)


@relaxed
@given(scenarios())
def test_rules_only_ever_lower_the_verdict_and_name_what_lowered_it(scenario):
    questionnaire, answers = scenario
    result = score(questionnaire, answers)
    assert verdict_rank(questionnaire, result.band) <= verdict_rank(questionnaire, result.average_band)
    if result.band != result.average_band:
        cap = result.deciding_cap
        assert cap is not None and cap.band == result.band and cap.factors
    else:
        assert result.capped_by is None
    for cap in result.caps:
        assert verdict_rank(questionnaire, result.band) <= verdict_rank(questionnaire, cap.band)


@relaxed
@given(scenarios())
def test_a_critical_factor_at_its_lowest_band_never_goes_with_the_best_verdict(scenario):
    questionnaire, answers = scenario
    assume(len(questionnaire.overall_bands) >= 2)
    below_best = questionnaire.overall_bands[-2].key
    rule = VerdictRule("critical-rule", cap=below_best, critical_only=True, at_least=1)
    questionnaire = dataclasses.replace(questionnaire, rules=(*questionnaire.rules, rule))
    result = score(questionnaire, answers)
    weak_critical = [
        config
        for config, factor in zip(questionnaire.factors, result.factors, strict=True)
        if config.critical and config.bands and factor.percent is not None and factor.band in (None, config.lowest_band)
    ]
    if weak_critical:
        assert result.band != questionnaire.overall_bands[-1].key
