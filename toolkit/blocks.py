"""The questionnaire as StreamField blocks, so Clinks staff can rewrite every question,
answer, score, threshold and piece of feedback after the pilot without a developer.

Answers are stored and scored by block ids (UUIDs), which wagtail-localize keeps when it
translates a page; points are IntegerBlocks, which it never translates. So a Welsh
response scores exactly as an English one. Skip logic uses short codes that editors type
(`reference` on a question, `code` on an answer) and which are never offered for
translation either.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from . import scoring

CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
HELP_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class CodeBlock(blocks.CharBlock):
    """A short identifier editors type (letters, digits, hyphens). Never translated:
    the Welsh page keeps the English page's codes, so skip logic works in both."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value).strip().lower()
        if value and not CODE_PATTERN.match(value):
            raise ValidationError(_("Use lower-case letters, numbers and hyphens only, e.g. has-baseline."))
        return value

    # wagtail-localize: nothing to translate here, keep the source value as it is.
    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class CodeListBlock(CodeBlock):
    """Codes separated by commas."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    def clean(self, value):
        value = blocks.CharBlock.clean(self, value)
        codes = [code.strip().lower() for code in value.split(",") if code.strip()]
        if any(not CODE_PATTERN.match(code) for code in codes):
            raise ValidationError(_("Use answer codes (lower-case letters, numbers, hyphens) separated by commas."))
        return ", ".join(codes)


class UntranslatedTextBlock(blocks.TextBlock):
    """Plain text that is data, not prose (a sample service's answers): never offered for
    translation, so the Welsh page keeps the English page's value."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


VERDICT_CHOICES = [
    ("promising", _("Promising: payment by results looks suitable")),
    ("caution", _("Proceed with caution: it could work with changes")),
    ("unsuitable", _("Unsuitable: payment by results looks risky here")),
]
# Short names for tables of expected and actual verdicts.
VERDICT_NAMES = {"promising": _("Promising"), "caution": _("Proceed with caution"), "unsuitable": _("Unsuitable")}
ROLE_CHOICES = [("commissioner", _("Commissioner")), ("provider", _("Provider"))]


# --- wording for one role ---------------------------------------------------------------------
# Commissioners and providers answer the same questions about one service, but a provider
# cannot honestly answer "have you compared the alternatives?". Each text has one shared
# wording; an editor adds a role's own wording only where it must differ. An empty stream
# posts one form field, so the edit form stays small.
class QuestionWordingBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300, required=False, help_text=_("Leave blank to use the shared wording."))
    help_text = blocks.RichTextBlock(
        required=False, features=HELP_FEATURES, help_text=_("Leave blank to use the shared help text.")
    )

    class Meta:
        icon = "user"


class QuestionWordingsBlock(blocks.StreamBlock):
    commissioners = QuestionWordingBlock(label=_("Wording for commissioners"))
    providers = QuestionWordingBlock(label=_("Wording for providers"))

    class Meta:
        required = False
        max_num = 2
        block_counts = {"commissioners": {"max_num": 1}, "providers": {"max_num": 1}}


class OptionWordingBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=200, required=False, label=_("Answer"), help_text=_("Leave blank to use the shared wording.")
    )
    consider = blocks.TextBlock(
        required=False, max_length=600, label=_("What to consider"), help_text=_("Leave blank to use the shared text.")
    )

    class Meta:
        icon = "user"


class OptionWordingsBlock(blocks.StreamBlock):
    commissioners = OptionWordingBlock(label=_("Wording for commissioners"))
    providers = OptionWordingBlock(label=_("Wording for providers"))

    class Meta:
        required = False
        max_num = 2
        block_counts = {"commissioners": {"max_num": 1}, "providers": {"max_num": 1}}


class OptionScoreBlock(blocks.StructBlock):
    factor = SnippetChooserBlock("toolkit.SuccessFactor")
    points = blocks.IntegerBlock(min_value=0, max_value=10, default=1)

    class Meta:
        icon = "plus"
        label = _("Points for a factor")


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=200, label=_("Answer"))
    code = CodeBlock(help_text=_("Only needed when a later question depends on this answer, e.g. yes."))
    scores = blocks.ListBlock(
        OptionScoreBlock(),
        default=[],
        label=_("Points"),
        help_text=_("How far this answer favours payment by results, for each factor it bears on."),
    )
    consider = blocks.TextBlock(
        required=False,
        max_length=600,
        label=_("What to consider"),
        help_text=_("Shown on the result, under what to do next, when this answer counted against a factor."),
    )
    for_roles = OptionWordingsBlock(label=_("Different wording for commissioners or providers"))

    class Meta:
        icon = "radio-full"


def _option(label, code):
    return {"label": label, "code": code, "scores": [], "consider": "", "for_roles": []}


class QuestionBlock(blocks.StructBlock):
    """A question answered with one option (radios)."""

    question = blocks.CharBlock(max_length=300)
    help_text = blocks.RichTextBlock(
        required=False,
        features=HELP_FEATURES,
        help_text=_("Glossary terms in it are linked to their definitions automatically."),
    )
    reference = CodeBlock(
        help_text=_(
            "A short name, e.g. has-baseline: needed if a later question depends on this one, "
            "and to name the question in a sample service's answers."
        )
    )
    required = blocks.BooleanBlock(required=False, default=True, help_text=_("Must be answered to continue."))
    show_if_question = CodeBlock(label=_("Only ask if question"), help_text=_("The reference of an earlier question."))
    show_if_answers = CodeListBlock(
        label=_("has one of the answers"), help_text=_("Answer codes separated by commas, e.g. yes, dont-know.")
    )
    options = blocks.ListBlock(OptionBlock(), min_num=1, label=_("Answers"))
    for_roles = QuestionWordingsBlock(label=_("Different wording for commissioners or providers"))
    read_more = blocks.PageChooserBlock(
        page_type="literature.DigestPage",
        required=False,
        label=_("Evidence digest"),
        help_text=_("The digest that explains why this question matters: linked under the question."),
    )

    class Meta:
        icon = "radio-empty"
        kind = scoring.QuestionKind.SINGLE_CHOICE
        label = _("Single choice question")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        codes = [option["code"] for option in value["options"] if option["code"]]
        if len(codes) != len(set(codes)):
            errors["options"] = ValidationError(_("Two answers have the same code."))
        if bool(value["show_if_question"]) != bool(value["show_if_answers"].strip()):
            errors["show_if_answers"] = ValidationError(
                _("Give both the earlier question's reference and the answers, or neither.")
            )
        if self.meta.kind != scoring.QuestionKind.MULTIPLE_CHOICE and len(value["options"]) < 2:
            errors["options"] = ValidationError(_("A question needs at least two answers."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    @staticmethod
    def answer_codes(value):
        return [code.strip().lower() for code in value["show_if_answers"].split(",") if code.strip()]


class MultipleChoiceQuestionBlock(QuestionBlock):
    """A question answered with one or more options (checkboxes)."""

    class Meta:
        icon = "tick-inverse"
        kind = scoring.QuestionKind.MULTIPLE_CHOICE
        label = _("Multiple choice question")


class AgreeScaleQuestionBlock(QuestionBlock):
    """A statement rated from strongly agree to strongly disagree."""

    options = blocks.ListBlock(
        OptionBlock(),
        min_num=2,
        label=_("Answers"),
        default=[
            _option("Strongly agree", "strongly-agree"),
            _option("Agree", "agree"),
            _option("Neither agree nor disagree", "neither"),
            _option("Disagree", "disagree"),
            _option("Strongly disagree", "strongly-disagree"),
        ],
    )

    class Meta:
        icon = "order"
        kind = scoring.QuestionKind.AGREE_SCALE
        label = _("Agree–disagree question")


class YesNoQuestionBlock(QuestionBlock):
    """Yes, no or don't know."""

    options = blocks.ListBlock(
        OptionBlock(),
        min_num=2,
        label=_("Answers"),
        default=[_option("Yes", "yes"), _option("No", "no"), _option("Don't know", "dont-know")],
    )

    class Meta:
        icon = "help"
        kind = scoring.QuestionKind.YES_NO_DONT_KNOW
        label = _("Yes / no / don't know question")


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    introduction = blocks.RichTextBlock(required=False, features=HELP_FEATURES)
    questions = blocks.StreamBlock(
        [
            ("single_choice", QuestionBlock()),
            ("multiple_choice", MultipleChoiceQuestionBlock()),
            ("agree_scale", AgreeScaleQuestionBlock()),
            ("yes_no", YesNoQuestionBlock()),
        ],
        min_num=1,
    )

    class Meta:
        icon = "list-ul"
        label = _("Section (one page of questions)")


class QuestionnaireBlock(blocks.StreamBlock):
    section = SectionBlock()

    def clean(self, value):
        """Skip logic must point back to an earlier question and to answers it has."""
        value = super().clean(value)
        earlier = {}  # reference -> answer codes
        errors = {}
        for section_index, section in enumerate(value):
            for question in section.value["questions"]:
                data = question.value
                reference = data["show_if_question"]
                if reference:
                    wanted = set(QuestionBlock.answer_codes(data))
                    if reference not in earlier:
                        errors[section_index] = ValidationError(
                            _("“%(question)s” depends on “%(reference)s”, which is not an earlier question.")
                            % {"question": data["question"], "reference": reference}
                        )
                    elif not wanted <= earlier[reference]:
                        errors[section_index] = ValidationError(
                            _("“%(question)s” names answer codes that “%(reference)s” does not have: %(codes)s.")
                            % {
                                "question": data["question"],
                                "reference": reference,
                                "codes": ", ".join(sorted(wanted - earlier[reference])),
                            }
                        )
                if data["reference"]:
                    if data["reference"] in earlier:
                        errors[section_index] = ValidationError(
                            _("Two questions have the reference “%(reference)s”.") % {"reference": data["reference"]}
                        )
                    earlier[data["reference"]] = {o["code"] for o in data["options"] if o["code"]}
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value


class ResultBandBlock(blocks.StructBlock):
    """A verdict that applies from a score upwards, with feedback for each role."""

    min_percent = blocks.IntegerBlock(
        min_value=0,
        max_value=100,
        label=_("From score (%)"),
        help_text=_("This verdict applies from this score up to the next band's score."),
    )
    verdict = blocks.ChoiceBlock(
        choices=VERDICT_CHOICES,
        help_text=_("Sets the colour and icon of the verdict, and which band verdict rules mean."),
    )
    heading = blocks.CharBlock(max_length=120, help_text=_("The verdict in words, e.g. Looks promising."))
    for_commissioners = blocks.RichTextBlock(
        features=HELP_FEATURES,
        label=_("What it means for commissioners"),
        help_text=_("Shown to commissioners at this band: what it means for them and what to do."),
    )
    for_providers = blocks.RichTextBlock(
        features=HELP_FEATURES,
        label=_("What it means for providers"),
        help_text=_("Shown to providers at this band: what it means for them and what to do."),
    )

    class Meta:
        icon = "success"


def _check_band_starts(bands):
    starts = [band["min_percent"] for band in bands]
    if len(starts) != len(set(starts)):
        raise ValidationError(_("Two bands start at the same score."))


class FactorResultBlock(blocks.StructBlock):
    factor = SnippetChooserBlock("toolkit.SuccessFactor")
    critical = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Critical factor"),
        help_text=_("Verdict rules can cap the overall verdict when a critical factor is at its lowest band."),
    )
    bands = blocks.ListBlock(ResultBandBlock(), min_num=1)

    def clean(self, value):
        value = super().clean(value)
        try:
            _check_band_starts(value["bands"])
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"bands": error}) from None
        return value

    class Meta:
        icon = "success"
        label = _("Verdicts for a factor")


class OverallResultBlock(blocks.StreamBlock):
    band = ResultBandBlock()

    def clean(self, value):
        value = super().clean(value)
        try:
            _check_band_starts([child.value for child in value])
        except ValidationError as error:
            raise StreamBlockValidationError(non_block_errors=error) from None
        return value


class VerdictRuleBlock(blocks.StructBlock):
    """When enough factors are at their lowest band, the overall verdict can be no better
    than a given verdict, however well the other factors score."""

    which_factors = blocks.ChoiceBlock(
        choices=[("critical", _("critical factors")), ("any", _("any factors"))],
        default="critical",
        label=_("When"),
    )
    at_least = blocks.IntegerBlock(
        min_value=1, max_value=100, default=1, label=_("number"), help_text=_("How many of them, e.g. 1.")
    )
    counted_as = blocks.ChoiceBlock(
        choices=[("number", _("factors")), ("percent", _("percent of the factors"))],
        default="number",
        label=_("counted as"),
        help_text=_("A number of factors, or a percentage of the factors with a score."),
    )
    cap_at = blocks.ChoiceBlock(
        choices=[choice for choice in VERDICT_CHOICES if choice[0] != "promising"],
        default="caution",
        label=_("are at their lowest band, the overall verdict is at most"),
    )

    class Meta:
        icon = "warning"
        label = _("Verdict rule")

    def clean(self, value):
        value = super().clean(value)
        if value["counted_as"] == "number" and value["at_least"] > 20:
            raise StructBlockValidationError(
                block_errors={
                    "at_least": ValidationError(_("Count at most 20 factors, or choose “percent of the factors”."))
                }
            )
        return value


class VerdictRulesBlock(blocks.StreamBlock):
    rule = VerdictRuleBlock()


class ExpectedFactorVerdictBlock(blocks.StructBlock):
    factor = SnippetChooserBlock("toolkit.SuccessFactor")
    verdict = blocks.ChoiceBlock(choices=VERDICT_CHOICES)

    class Meta:
        icon = "success"


ANSWER_LINES_HELP = _(
    "One line per question: the question's reference, a colon, then the codes of the answers, "
    "e.g. “aims: one” or “safeguards: whole-cohort, monitoring”. Questions left out are unanswered."
)


class SampleServiceBlock(blocks.StructBlock):
    """A described service, the answers it would honestly give and the verdicts it should get:
    a test case that editors own. The edit page says whether each still gets its expected
    verdicts, and its result can be previewed."""

    name = blocks.CharBlock(max_length=120)
    description = blocks.TextBlock(required=False, max_length=600)
    role = blocks.ChoiceBlock(choices=ROLE_CHOICES, default="commissioner", label=_("Answered as"))
    answers = UntranslatedTextBlock(help_text=ANSWER_LINES_HELP)
    expected_overall = blocks.ChoiceBlock(choices=VERDICT_CHOICES, label=_("Expected overall verdict"))
    expected_factors = blocks.ListBlock(
        ExpectedFactorVerdictBlock(),
        default=[],
        label=_("Expected verdicts for factors"),
        help_text=_("Only the factors whose verdict you are sure of."),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Sample service")


class SampleServicesBlock(blocks.StreamBlock):
    sample = SampleServiceBlock()
