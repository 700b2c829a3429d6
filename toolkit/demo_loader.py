"""Demo content for the self-assessment: the success factors, the questionnaire with its
scores and result bands, and their Welsh translations. Called by core's
`load_demo_content`; idempotent like it (the questionnaire is only written into a page
that has none, so an editor's later changes are never overwritten)."""

import uuid

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from pbr_site.core.demo.welsh import WELSH as CORE_WELSH

from literature.models import DigestPage

from .demo import questionnaire as demo
from .demo.welsh import WELSH
from .models import SelfAssessmentPage, SuccessFactor, SuccessFactorDigest

BLOCK_IDS = uuid.UUID("0b7f3e52-5d0e-4c61-9d4a-7c2a5b8e1f33")  # stable block ids between loads
EDITOR_PERMISSIONS = ["add_successfactor", "change_successfactor", "view_assessment_report"]
MODERATOR_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    "delete_successfactor",
    "view_assessmentresponse",
    "delete_assessmentresponse",
]


def load(command):
    page = command.pages["assessment"]
    with transaction.atomic():
        factors = {data["key"]: ensure_factor(command, data) for data in demo.FACTORS}
        ensure_permissions()
    command.translate(factors.values(), WELSH)
    page = SelfAssessmentPage.objects.get(pk=page.pk)
    if not page.questionnaire:
        with transaction.atomic():
            write_questionnaire(page, factors)
            command.created += 1
        # Core translated this page before it had a questionnaire: bring the Welsh page up to date.
        command.translate([page], {**CORE_WELSH, **WELSH}, update=True)


def ensure_factor(command, data):
    factor = SuccessFactor.objects.filter(locale=command.english, name=data["name"]).first()
    if factor is not None:
        return factor
    factor = SuccessFactor(
        locale=command.english,
        name=data["name"],
        what_it_means=data["what_it_means"],
        why_it_matters=data["why_it_matters"],
        sort_order=data["sort_order"],
    )
    digests = {page.slug: page for page in DigestPage.objects.filter(locale=command.english, slug__in=data["digests"])}
    factor.digests = [
        SuccessFactorDigest(page=digests[slug], sort_order=index)
        for index, slug in enumerate(data["digests"])
        if slug in digests
    ]
    factor.save()
    command.created += 1
    return factor


def write_questionnaire(page, factors):
    digests = {p.slug: p.pk for p in DigestPage.objects.filter(locale=page.locale)}
    critical = {data["key"] for data in demo.FACTORS if data.get("critical")}
    page.questionnaire = [
        {"type": "section", "id": _id("section", index), "value": _section(section, factors, digests)}
        for index, section in enumerate(demo.SECTIONS)
    ]
    page.factor_results = [
        {
            "type": "factor",
            "id": _id("factor", key),
            "value": {
                "factor": factors[key].pk,
                "critical": key in critical,
                "bands": _items(bands, f"bands:{key}", _band),
            },
        }
        for key, bands in demo.FACTOR_BANDS.items()
    ]
    page.overall_result = [
        {"type": "band", "id": _id("overall", band["min_percent"]), "value": _band(band)} for band in demo.OVERALL_BANDS
    ]
    page.verdict_rules = [
        {"type": "rule", "id": _id("rule", index), "value": dict(rule)} for index, rule in enumerate(demo.VERDICT_RULES)
    ]
    page.sample_services = [
        {"type": "sample", "id": _id("sample", key), "value": _sample(sample, factors)}
        for key, sample in demo.SAMPLE_SERVICES.items()
    ]
    page.next_steps = demo.NEXT_STEPS
    page.unanswered = demo.UNANSWERED
    page.save_revision().publish()


def _sample(sample, factors):
    return {
        "name": sample["name"],
        "description": sample["description"],
        "role": sample["role"],
        "answers": "\n".join(f"{reference}: {', '.join(codes)}" for reference, codes in sample["answers"].items()),
        "expected_overall": sample["expected_overall"],
        "expected_factors": [
            {
                "type": "item",
                "id": _id("expected", sample["name"], key),
                "value": {"factor": factors[key].pk, "verdict": verdict},
            }
            for key, verdict in sample["expected_factors"].items()
        ],
    }


def _section(section, factors, digests):
    return {
        "title": section["title"],
        "introduction": section["introduction"],
        "questions": [
            {
                "type": question["type"],
                "id": _id("question", question["reference"]),
                "value": _question(question, factors, digests),
            }
            for question in section["questions"]
        ],
    }


def _role_wording(wording, fields, *path):
    """The provider's own wording as a per-role stream (empty when it is all shared)."""
    own = {field: wording[field] for field in fields if wording.get(field)}
    if not own:
        return []
    return [
        {"type": "providers", "id": _id("providers", *path), "value": {field: own.get(field, "") for field in fields}}
    ]


def _question(question, factors, digests):
    reference = question["reference"]
    provider = demo.PROVIDER_WORDING.get(reference, {})
    digest = question.get("read_more") or demo.READ_MORE.get(reference)
    return {
        "question": question["question"],
        "help_text": question["help_text"],
        "reference": reference,
        "required": question["required"],
        "show_if_question": question["show_if_question"],
        "show_if_answers": question["show_if_answers"],
        "for_roles": _role_wording(provider, ("question", "help_text"), reference),
        "read_more": digests.get(digest),
        "options": [
            {
                "type": "item",
                "id": _id("option", reference, option["code"]),
                "value": {
                    "label": option["label"],
                    "code": option["code"],
                    "consider": option["consider"],
                    "for_roles": _role_wording(
                        provider.get("options", {}).get(option["code"], {}),
                        ("label", "consider"),
                        reference,
                        option["code"],
                    ),
                    "scores": [
                        {
                            "type": "item",
                            "id": _id("score", reference, option["code"], key),
                            "value": {"factor": factors[key].pk, "points": points},
                        }
                        for key, points in option["scores"].items()
                    ],
                },
            }
            for option in question["options"]
        ],
    }


def _band(band):
    return {key: band[key] for key in ("min_percent", "verdict", "heading", "for_commissioners", "for_providers")}


def _items(values, path, convert):
    return [{"type": "item", "id": _id(path, index), "value": convert(value)} for index, value in enumerate(values)]


def _id(*parts):
    return str(uuid.uuid5(BLOCK_IDS, ":".join(str(part) for part in parts)))


def ensure_permissions():
    for group_name, codenames in (("Editors", EDITOR_PERMISSIONS), ("Moderators", MODERATOR_PERMISSIONS)):
        Group.objects.get(name=group_name).permissions.add(
            *Permission.objects.filter(content_type__app_label="toolkit", codename__in=codenames)
        )
