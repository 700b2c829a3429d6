"""An edit-page panel that tells editors, before they publish, whether each sample service
still gets the verdicts it should under the draft they are editing."""

from wagtail.admin.panels import Panel

from .blocks import VERDICT_NAMES
from .questionnaire import build, check_samples
from .scoring import QuestionnaireError


class SampleCheckPanel(Panel):
    """Scores every sample service against the page as last saved (the draft the editor is
    working on). Unsaved changes show in the preview's "Sample services: all checks" mode."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "toolkit/admin/sample_check_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            try:
                context["checks"] = sample_checks(self.instance)
            except QuestionnaireError as error:
                # A draft can be saved half-finished; say why instead of failing the edit page.
                context["checks"], context["problem"] = [], str(error)
            return context


def sample_checks(page):
    """One row (check_row) per sample service under `page`; an empty list when there are none."""
    questionnaire = build(page)
    return [check_row(questionnaire, check) for check in check_samples(questionnaire)]


def check_row(questionnaire, check):
    """A sample's check with its expected and actual verdicts in words, overall and per factor."""
    factors = [
        {
            "factor": questionnaire.factors[key].factor if key in questionnaire.factors else key,
            "expected": VERDICT_NAMES.get(expected),
            "actual": VERDICT_NAMES.get(actual),
            "matches": expected == actual,
        }
        for key, (expected, actual) in check.factor_verdicts.items()
    ]
    return {
        "check": check,
        "expected": VERDICT_NAMES.get(check.sample.expected_overall),
        "actual": VERDICT_NAMES.get(check.overall_verdict),
        "factors": factors,
        "misses": [row for row in factors if not row["matches"]],
    }
