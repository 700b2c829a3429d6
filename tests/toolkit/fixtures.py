"""A small self-assessment built for the tests, independent of the demo content.

Two factors; two sections; a yes/no question that reveals a follow-up; a multiple-choice
question; an optional agree-scale question.
"""

import uuid

from pbr_site.core.models import HomePage

from toolkit.models import SelfAssessmentPage, SuccessFactor

NS = uuid.UUID("4b1c6c7e-1f7a-4b5e-8d7b-3d0f7a9c2e11")


def bid(*parts):
    return str(uuid.uuid5(NS, ":".join(parts)))


def option(question, code, label, scores, consider=""):
    return {
        "type": "item",
        "id": bid(question, code),
        "value": {
            "label": label,
            "code": code,
            "consider": consider,
            "scores": [
                {"type": "item", "id": bid(question, code, str(f.pk)), "value": {"factor": f.pk, "points": p}}
                for f, p in scores
            ],
        },
    }


def question(kind, reference, text, options, required=True, show_if=("", "")):
    return {
        "type": kind,
        "id": bid(reference),
        "value": {
            "question": text,
            "help_text": "<p>Think about your baseline.</p>",
            "reference": reference,
            "required": required,
            "show_if_question": show_if[0],
            "show_if_answers": show_if[1],
            "options": options,
        },
    }


def band(min_percent, verdict, heading):
    return {
        "min_percent": min_percent,
        "verdict": verdict,
        "heading": heading,
        "for_commissioners": f"<p>{heading}: advice for commissioners.</p>",
        "for_providers": f"<p>{heading}: advice for providers.</p>",
    }


def build_assessment(slug="test-assessment"):
    home = HomePage.objects.get(locale__language_code="en")
    purpose = SuccessFactor.objects.create(
        locale=home.locale, name="Test purpose", what_it_means="Clear aims.", why_it_matters="<p>Why.</p>", sort_order=1
    )
    finance = SuccessFactor.objects.create(
        locale=home.locale, name="Test finance", what_it_means="Cash flow.", why_it_matters="<p>Why.</p>", sort_order=2
    )
    questions_one = [
        question(
            "single_choice",
            "objectives",
            "How many objectives does the scheme have?",
            [
                option("objectives", "one", "One", [(purpose, 2)]),
                option("objectives", "two", "Two", [(purpose, 1)], "Two aims compete."),
                option("objectives", "three", "Three or more", [(purpose, 0)], "Too many goals sink schemes."),
            ],
        ),
        question(
            "yes_no",
            "compared",
            "Were alternatives compared?",
            [
                option("compared", "yes", "Yes", [(purpose, 2)]),
                option("compared", "no", "No", [(purpose, 0)], "Compare PbR with other ways to buy."),
                option("compared", "dont-know", "Don't know", [(purpose, 0)]),
            ],
        ),
        question(
            "single_choice",
            "compared-how",
            "Was the comparison costed?",
            [
                option("compared-how", "yes", "Yes, costed", [(purpose, 2)]),
                option("compared-how", "no", "No", [(purpose, 1)]),
            ],
            show_if=("compared", "yes"),
        ),
    ]
    questions_two = [
        question(
            "multiple_choice",
            "safeguards",
            "Which payments are in place?",
            [
                option("safeguards", "upfront", "Up-front payment", [(finance, 1)]),
                option("safeguards", "progress", "Progress payments", [(finance, 1)]),
                option("safeguards", "none", "None of these", []),
            ],
        ),
        question(
            "agree_scale",
            "reserves",
            "Providers can carry 12 months of delayed payment.",
            [
                option("reserves", "agree", "Agree", [(finance, 2)]),
                option("reserves", "neither", "Neither agree nor disagree", [(finance, 1)]),
                option("reserves", "disagree", "Disagree", [(finance, 0)], "Small charities lack working capital."),
            ],
            required=False,
        ),
    ]
    bands = [
        band(0, "unsuitable", "A real risk"),
        band(40, "caution", "Needs work"),
        band(70, "promising", "Looks sound"),
    ]
    page = SelfAssessmentPage(
        title="Test self-assessment",
        slug=slug,
        intro="Try it.",
        questionnaire=[
            {
                "type": "section",
                "id": bid("s1"),
                "value": {"title": "Purpose", "introduction": "<p>About aims.</p>", "questions": questions_one},
            },
            {
                "type": "section",
                "id": bid("s2"),
                "value": {"title": "Money", "introduction": "", "questions": questions_two},
            },
        ],
        factor_results=[
            {
                "type": "factor",
                "id": bid("f", "purpose"),
                "value": {
                    "factor": purpose.pk,
                    "bands": [{"type": "item", "id": bid("purpose", str(i)), "value": b} for i, b in enumerate(bands)],
                },
            },
            {
                "type": "factor",
                "id": bid("f", "finance"),
                "value": {
                    "factor": finance.pk,
                    "bands": [{"type": "item", "id": bid("finance", str(i)), "value": b} for i, b in enumerate(bands)],
                },
            },
        ],
        overall_result=[{"type": "band", "id": bid("overall", str(i)), "value": b} for i, b in enumerate(bands)],
        next_steps="<p>Read the digests.</p>",
        show_in_menus=False,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def answered_in(client, response):
    """The client's browser is the one that finished `response` (as submitting its answers
    there records): its result page offers it "Was this result useful?"."""
    from toolkit.views import OWN_RESULTS_KEY

    session = client.session
    session[OWN_RESULTS_KEY] = [str(response.share_token)]
    session.save()
    return client
