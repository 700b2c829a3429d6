"""The self-assessment journey (GOV.UK question pages, task list and check answers).

start -> about you (role, sector) -> one page per section -> check your answers -> result.
Every step saves to the response at once, so closing the tab loses nothing: the private
resume link (/r/<token>/) leads back to the task list. Nothing here is cached.
"""

import csv
import functools

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pbr_site.core.ratelimit import over_limit
from pbr_site.core.templatetags.core_tags import linked_page
from wagtail.models import Page

from literature.models.digests import DigestPage, DigestReference
from literature.models.pages import ResourcePackPage
from literature.models.tags import SectorTag

from . import results, scoring
from .admin_panels import check_row, sample_checks
from .forms import FeedbackForm
from .models.factors import SuccessFactorDigest
from .models.responses import OWN_ROLES, AssessmentResponse, JointParty, Role
from .questionnaire import build, check_sample, pinned

SESSION_KEY = "pbr_assessment_tokens"  # page id -> token of the visitor's latest response
JOINT_SESSION_KEY = "pbr_joint_parties"  # joint token -> the id of this visitor's own party
OWN_RESULTS_KEY = "pbr_own_results"  # share tokens of the results this browser finished
OWN_RESULTS_KEPT = 20
FROM_CHECK_KEY = "change"  # on a section's address: came from "check your answers"
FROM_CHECK = f"{FROM_CHECK_KEY}=1"


def _no_store(response):
    add_never_cache_headers(response)
    return response


def journey(view):
    """No response of the journey is ever cached: not the forms, the results or the redirects."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        return _no_store(view(*args, **kwargs))

    return wrapper


def rate_limited(scope, setting):
    """POSTs beyond settings.<setting> from one client address in an hour get a 429 page and
    change nothing (counted in the shared cache: pbr_site.core.ratelimit)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            per_hour = getattr(settings, setting)
            if request.method == "POST" and over_limit(request, scope, limit=per_hour, window_seconds=3600):
                return _no_store(TemplateResponse(request, "429.html", status=429))
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def render_journey_page(request, page, template, context):
    context = {"page": page, "self": page, **context}
    return _no_store(TemplateResponse(request, template, context))


def subpage_url(page, name, **kwargs):
    return page.url + page.reverse_subpage(name, kwargs=kwargs)


def _response_or_404(page, token):
    response = AssessmentResponse.objects.filter(page=page, token=token).first()
    if response is None:
        raise Http404
    return response


def _unfinished(response):
    """The response's row, as long as it is not complete. Every write of its answers, role or
    sector is one conditional UPDATE of this, so a response is frozen once it has been scored,
    however requests interleave and on every database: select_for_update (which SQLite
    ignores) only makes simultaneous requests wait their turn on PostgreSQL.
    QuerySet.update() does not set auto_now fields: pass updated_at."""
    return AssessmentResponse.objects.filter(pk=response.pk, completed_at__isnull=True)


def _finished_meanwhile(request, page, response):
    messages.info(request, _("You have already finished this self-assessment. Here is your result."))
    return HttpResponseRedirect(subpage_url(page, "result", share_token=response.share_token))


def _status(response, questionnaire):
    """Per section: 'completed', 'in-progress' (some answers) or 'not-started'."""
    statuses = {}
    for section in questionnaire.sections:
        if section.id in response.sections_done:
            statuses[section.id] = "completed"
        elif any(question.id in response.answers for question in section.questions):
            statuses[section.id] = "in-progress"
        else:
            statuses[section.id] = "not-started"
    return statuses


def remember_party(request, party):
    """This browser answers for `party` of a joint assessment: it may share its result and
    answer again in its place. Set where the party's private links are used (an invitation
    accepted, the resume link), never by the read-only result link colleagues are given."""
    parties = request.session.get(JOINT_SESSION_KEY, {})
    parties[str(party.joint.token)] = party.pk
    request.session[JOINT_SESSION_KEY] = parties


def is_own_party(request, party):
    return party is not None and request.session.get(JOINT_SESSION_KEY, {}).get(str(party.joint.token)) == party.pk


def remember_own_result(request, response):
    """This browser finished `response`: its result page offers it the feedback form."""
    own = [token for token in request.session.get(OWN_RESULTS_KEY, []) if token != str(response.share_token)]
    request.session[OWN_RESULTS_KEY] = [*own, str(response.share_token)][-OWN_RESULTS_KEPT:]


def is_own_result(request, response, party):
    """Did this browser answer it (`party`: its party of a joint assessment, or None)?
    Colleagues given the result's private link may read it but not change it: "Was this result
    useful?" and the answer given are the answerer's alone."""
    return (
        str(response.share_token) in request.session.get(OWN_RESULTS_KEY, [])
        or request.session.get(SESSION_KEY, {}).get(str(response.page_id)) == str(response.token)
        or is_own_party(request, party)
    )


def joint_party_of(response):
    return JointParty.objects.filter(response=response).select_related("joint").first()


def _visible_ids(questionnaire, answers):
    return {question.id for question in scoring.visible_questions(questionnaire.engine, answers)}


# --- start ----------------------------------------------------------------------------
@journey
def landing(request, page):
    tokens = request.session.get(SESSION_KEY, {})
    current = None
    if str(page.pk) in tokens:
        current = AssessmentResponse.objects.filter(page=page, token=tokens[str(page.pk)]).first()
    return render_journey_page(
        request,
        page,
        "toolkit/self_assessment_page.html",
        {
            "current_response": current,
            "ready": bool(page.questionnaire) and page.live_revision_id is not None,
        },
    )


@journey
@rate_limited("assessment-start", "PBR_ASSESSMENT_STARTS_PER_HOUR")
def start(request, page):
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    if not page.questionnaire or page.live_revision_id is None:
        messages.error(request, _("The self-assessment is not open yet."))
        return HttpResponseRedirect(page.url)
    response = AssessmentResponse.objects.create(
        page=page, revision_id=page.live_revision_id, language=page.locale.language_code
    )
    tokens = request.session.get(SESSION_KEY, {})
    tokens[str(page.pk)] = str(response.token)
    request.session[SESSION_KEY] = tokens
    return HttpResponseRedirect(subpage_url(page, "about_you", token=response.token))


# --- about you --------------------------------------------------------------------------
@journey
@rate_limited("assessment-answers", "PBR_ASSESSMENT_ANSWERS_PER_HOUR")
def about_you(request, page, token):
    response = _response_or_404(page, token)
    if response.is_complete:
        return HttpResponseRedirect(subpage_url(page, "result", share_token=response.share_token))
    sectors = list(SectorTag.objects.all())
    # A party to a joint assessment was invited in a role: only the sector is asked.
    party = joint_party_of(response)
    if party:
        remember_party(request, party)
    errors = {}
    role, sector = response.role, response.sector
    if request.method == "POST":
        role = party.role if party else request.POST.get("role", "")
        sector = request.POST.get("sector", "")
        if role not in (Role.values if party else OWN_ROLES):
            errors["role"] = _("Select whether you are commissioning or providing the service")
            role = ""
        if sector and sector not in {tag.slug for tag in sectors}:
            errors["sector"] = _("Select a sector from the list, or leave it blank")
            sector = ""
        if not errors:
            if not _unfinished(response).update(role=role, sector=sector, updated_at=timezone.now()):
                return _finished_meanwhile(request, page, response)
            return HttpResponseRedirect(subpage_url(page, "section", token=token, number=1))
    return render_journey_page(
        request,
        page,
        "toolkit/about_you.html",
        {
            "response": response,
            "roles": [(role.value, role.label) for role in OWN_ROLES],
            "party": party,
            "sectors": sectors,
            "chosen_role": role,
            "chosen_sector": sector,
            "errors": errors,
        },
    )


# --- task list ----------------------------------------------------------------------------
@journey
def task_list(request, page, token):
    response = _response_or_404(page, token)
    party = joint_party_of(response)
    if party:
        remember_party(request, party)
    if response.is_complete:
        return HttpResponseRedirect(subpage_url(page, "result", share_token=response.share_token))
    questionnaire = pinned(response.revision_id)
    statuses = _status(response, questionnaire)
    tasks = [
        {
            "section": section,
            "status": statuses[section.id],
            "url": subpage_url(page, "section", token=token, number=section.number),
        }
        for section in questionnaire.sections
    ]
    return render_journey_page(
        request,
        page,
        "toolkit/task_list.html",
        {
            "response": response,
            "tasks": tasks,
            "all_done": all(status == "completed" for status in statuses.values()),
            "resume_url": request.build_absolute_uri(subpage_url(page, "task_list", token=token)),
            "party": party,
        },
    )


# --- one section ------------------------------------------------------------------------
@journey
@rate_limited("assessment-answers", "PBR_ASSESSMENT_ANSWERS_PER_HOUR")
def section(request, page, token, number):
    response = _response_or_404(page, token)
    if response.is_complete:
        messages.info(request, _("You have already finished this self-assessment. Here is your result."))
        return HttpResponseRedirect(subpage_url(page, "result", share_token=response.share_token))
    if not response.role:
        return HttpResponseRedirect(subpage_url(page, "about_you", token=token))
    questionnaire = pinned(response.revision_id)
    current = questionnaire.section(number)
    if current is None:
        raise Http404
    errors = {}
    submitted = {}
    if request.method == "POST":
        if request.POST.get("revision") != str(response.revision_id):
            # A form from another questionnaire version (e.g. an old tab): keep nothing from
            # it that we cannot check, show the questions as they are for this response.
            messages.warning(
                request,
                _(
                    "This page had changed since you opened it. Your earlier answers are kept; "
                    "check the answers below and continue."
                ),
            )
            return HttpResponseRedirect(subpage_url(page, "section", token=token, number=number))
        section_ids = [question.id for question in current.questions]
        submitted = {question_id: request.POST.getlist(question_id) for question_id in section_ids}
        with transaction.atomic():
            response = AssessmentResponse.objects.select_for_update().get(pk=response.pk)
            saved, errors, newly_shown = _save_section(response, questionnaire, current, submitted)
        if not saved:
            response.refresh_from_db()
            if response.is_complete:
                return _finished_meanwhile(request, page, response)
            # Its answers were saved from another tab between our read and our write:
            # show them as they are now rather than overwrite them.
            messages.warning(
                request,
                _(
                    "This page had changed since you opened it. Your earlier answers are kept; "
                    "check the answers below and continue."
                ),
            )
            return HttpResponseRedirect(subpage_url(page, "section", token=token, number=number))
        if not errors and not newly_shown:
            if request.GET.get(FROM_CHECK_KEY) == "1":
                return HttpResponseRedirect(subpage_url(page, "check_answers", token=token))
            return HttpResponseRedirect(_next_url(page, response, questionnaire, number, token))
        if newly_shown and not errors:
            messages.info(request, _("Your answer means there is another question on this page."))
    # Numbered among the questions shown for these answers, so a skipped question leaves no gap.
    numbers = results.numbering(questionnaire, {**response.answers, **{k: v for k, v in submitted.items() if v}})
    role = response.role
    read_more = _in_language([question.read_more for question in current.questions], page.locale_id)
    questions = [
        {
            "question": question,
            "number": numbers[question.id],
            "text": question.text_for(role),
            "help": question.help_for(role),
            "options": [(option, option.label_for(role)) for option in question.options],
            "read_more": read_more.get(question.read_more.pk) if question.read_more else None,
            "selected": submitted.get(question.id) if question.id in errors else response.answers.get(question.id, []),
            "error": errors.get(question.id),
        }
        for question in current.questions
        if question.id in numbers
    ]
    return render_journey_page(
        request,
        page,
        "toolkit/section.html",
        {
            "response": response,
            "questionnaire": questionnaire,
            "current": current,
            "questions": questions,
            "errors": errors,
            "section_count": len(questionnaire.sections),
            "back_url": (
                subpage_url(page, "section", token=token, number=number - 1)
                if number > 1
                else subpage_url(page, "about_you", token=token)
            ),
            "task_list_url": subpage_url(page, "task_list", token=token),
        },
    )


def error_message(question, code):
    if code == scoring.ErrorCode.MISSING_REQUIRED:
        return _("Select at least one answer") if question.allows_many else _("Select an answer")
    if code == scoring.ErrorCode.TOO_MANY_OPTIONS:
        return _("Select only one answer")
    return _("Select one of the answers shown")


def _save_section(response, questionnaire, current, submitted):
    """Keep every valid answer from this page; report the problems. Returns (saved, errors,
    newly_shown) where newly_shown says a question on this page has just become visible.
    saved is False, and nothing was written, when the response was completed or its answers
    were saved by another request since `response` was read."""
    before_visible = _visible_ids(questionnaire, response.answers)
    merged = {key: value for key, value in response.answers.items() if key not in submitted}
    merged.update({key: value for key, value in submitted.items() if value})
    section_ids = [question.id for question in current.questions]
    result = scoring.validate_answers(questionnaire.engine, merged, question_ids=section_ids)
    # Valid answers are kept whatever else is wrong; answers to hidden questions are dropped.
    answers = {key: list(value) for key, value in result.answers.items()}
    errors = {
        question_id: error_message(questionnaire.questions[question_id], code)
        for question_id, code in result.user_errors.items()
        if question_id in questionnaire.questions and question_id in section_ids
    }
    after_visible = _visible_ids(questionnaire, answers)
    newly_shown = [
        question_id
        for question_id in section_ids
        if question_id in after_visible and question_id not in before_visible and not submitted.get(question_id)
    ]
    sections_done = response.sections_done
    if errors or newly_shown:
        sections_done = [s for s in sections_done if s != current.id]
    elif current.id not in sections_done:
        sections_done = [*sections_done, current.id]
    # Merged into the answers as read: written only if they are still the stored ones.
    saved = (
        _unfinished(response)
        .filter(answers_version=response.answers_version)
        .update(
            answers=answers,
            sections_done=sections_done,
            answers_version=F("answers_version") + 1,
            updated_at=timezone.now(),
        )
    )
    if not saved:
        return False, {}, []
    response.answers, response.sections_done = answers, sections_done
    response.answers_version += 1
    # A newly shown required question is asked, not reported as an error.
    for question_id in newly_shown:
        errors.pop(question_id, None)
    return True, errors, newly_shown


def _next_url(page, response, questionnaire, number, token):
    if number < len(questionnaire.sections):
        return subpage_url(page, "section", token=token, number=number + 1)
    return subpage_url(page, "check_answers", token=token)


# --- check your answers -------------------------------------------------------------------
@journey
@rate_limited("assessment-answers", "PBR_ASSESSMENT_ANSWERS_PER_HOUR")
def check_answers(request, page, token):
    response = _response_or_404(page, token)
    if response.is_complete:
        return HttpResponseRedirect(subpage_url(page, "result", share_token=response.share_token))
    questionnaire = pinned(response.revision_id)
    missing = _missing_answers(questionnaire, response.answers)
    if request.method == "POST" and not missing:
        with transaction.atomic():
            locked = AssessmentResponse.objects.select_for_update().get(pk=response.pk)
            # A double submit finds it already done; answers saved since the page was read
            # are checked again.
            if not locked.is_complete and not _missing_answers(questionnaire, locked.answers):
                result = scoring.score(questionnaire.engine, locked.answers)
                now = timezone.now()
                # Complete it only if these answers are still the stored ones: the result is
                # then always the score of its answers, whatever was saved meanwhile.
                _unfinished(locked).filter(answers_version=locked.answers_version).update(
                    result=result.to_dict(),
                    completed_at=now,
                    updated_at=now,
                )
        response.refresh_from_db()
        if response.is_complete:
            remember_own_result(request, response)
            return HttpResponseRedirect(subpage_url(page, "result", share_token=response.share_token))
        # Answers saved (from another tab) while this was scored: show them to be checked again.
        messages.warning(
            request,
            _(
                "This page had changed since you opened it. Your earlier answers are kept; "
                "check the answers below and continue."
            ),
        )
        missing = _missing_answers(questionnaire, response.answers)
    numbers = results.numbering(questionnaire, response.answers)
    role = response.role
    sections = [
        {
            "section": section,
            # "Change" comes back here once the section is saved (GOV.UK's check answers pattern).
            "url": subpage_url(page, "section", token=token, number=section.number) + f"?{FROM_CHECK}",
            "rows": [
                {
                    "question": question,
                    "number": numbers[question.id],
                    "text": question.text_for(role),
                    "answers": _answer_labels(question, response.answers.get(question.id, []), role),
                }
                for question in section.questions
                if question.id in numbers
            ],
        }
        for section in questionnaire.sections
    ]
    missing = [{"id": question.id, "text": question.text_for(role)} for question in missing]
    return render_journey_page(
        request,
        page,
        "toolkit/check_answers.html",
        {
            "response": response,
            "sections": sections,
            "missing": missing if request.method == "POST" else [],
            "unanswered_required": missing,
            "role_label": Role(response.role).label if response.role else "",
            "about_you_url": subpage_url(page, "about_you", token=token),
        },
    )


def _in_language(pages, locale_id):
    """{page id: the live page in the reader's language, else the live page itself}: the
    digests linked under questions. A Welsh questionnaire links the English digests (block
    choosers keep the source page), so the translations are looked up at once: one query."""
    pages = [page for page in pages if page is not None]
    other = {page.translation_key for page in pages if page.locale_id != locale_id}
    translated = {}
    if other:
        translated = {
            page.translation_key: page
            for page in Page.objects.live().filter(translation_key__in=other, locale_id=locale_id)
        }
    found = {}
    for page in pages:
        linked = page if page.locale_id == locale_id else translated.get(page.translation_key, page)
        if linked.live:
            found[page.pk] = linked
    return found


def _missing_answers(questionnaire, answers):
    """The questions that must be answered before these answers can be scored."""
    validation = scoring.validate_answers(questionnaire.engine, answers)
    return [questionnaire.questions[q] for q in validation.user_errors if q in questionnaire.questions]


def _answer_labels(question, option_ids, role=""):
    return [option.label_for(role) for option in question.options if option.id in option_ids]


# --- result -----------------------------------------------------------------------------
def completed_response_or_404(page, share_token):
    response = AssessmentResponse.objects.filter(page=page, share_token=share_token).select_related("previous").first()
    if response is None or not response.is_complete:
        raise Http404
    return response


def explain(response):
    """The stored result with everything the result page says, from the pinned revision:
    (questionnaire, result, VerdictExplanation, [FactorExplanation])."""
    questionnaire = pinned(response.revision_id)
    result = scoring.Result.from_dict(response.result)
    verdict, factors = results.explain(questionnaire, result, response.answers, response.role)
    return questionnaire, result, verdict, factors


def result_page_context(request, page, response, result_, verdict, factors):
    reading = reading_by_factor(page.locale_id)
    for item in factors:
        item.digests, item.resources = reading.get(item.factor.pk, ([], []))
    pack = linked_page(request, page, ResourcePackPage)  # read with the site chrome
    return {
        "pack_url": pack.get_url(request) if pack else "",
        "response": response,
        "result": result_,
        "verdict": verdict,
        "factors": factors,
        "role_label": Role(response.role).label if response.role else "",
    }


@journey
def result(request, page, share_token):
    response = completed_response_or_404(page, share_token)
    questionnaire, result_, verdict, factors = explain(response)
    # Colleagues reading the result link see nothing of the joint assessment: sharing, and
    # the joint link with its unused invitations, belong to the person who answered.
    party = joint_party_of(response)
    return render_journey_page(
        request,
        page,
        "toolkit/result.html",
        {
            **result_page_context(request, page, response, result_, verdict, factors),
            "changes": _changes_since_previous(questionnaire, result_, response),
            "answer_again_url": subpage_url(page, "answer_again", share_token=share_token),
            "party": party if is_own_party(request, party) else None,
            "share_with_joint_url": subpage_url(page, "share_with_joint", share_token=share_token),
            "share_url": request.build_absolute_uri(subpage_url(page, "result", share_token=share_token)),
            "download_url": subpage_url(page, "result_download", share_token=share_token),
            "pdf_url": subpage_url(page, "result_pdf", share_token=share_token),
            "feedback_url": subpage_url(page, "result_feedback", share_token=share_token),
            "own_result": is_own_result(request, response, party),
            "feedback_note": next((m for m in messages.get_messages(request) if "feedback" in m.extra_tags), None),
        },
    )


def _changes_since_previous(questionnaire, result_, response):
    """What moved since the result this one was answered again from, or None."""
    previous = response.previous
    if previous is None or not previous.is_complete:
        return None
    changes = results.changes_since(
        questionnaire,
        result_,
        response.answers,
        pinned(previous.revision_id),
        scoring.Result.from_dict(previous.result),
        previous.answers,
        response.role,
    )
    changes.previous = previous
    return changes


@journey
@rate_limited("assessment-start", "PBR_ASSESSMENT_STARTS_PER_HOUR")
def answer_again(request, page, share_token):
    """A new response filled in with this result's answers, to change what has changed since.
    It pins the questionnaire as it is now: answers it no longer accepts are left out, and
    the sections they were in are asked again."""
    previous = completed_response_or_404(page, share_token)
    if request.method != "POST":
        return HttpResponseRedirect(subpage_url(page, "result", share_token=share_token))
    if not page.questionnaire or page.live_revision_id is None:
        messages.error(request, _("The self-assessment is not open yet."))
        return HttpResponseRedirect(page.url)
    questionnaire = pinned(page.live_revision_id)
    validation = scoring.validate_answers(questionnaire.engine, previous.answers)
    answers = {key: list(value) for key, value in validation.answers.items()}
    missing = set(validation.user_errors)
    sections_done = [
        section.id
        for section in questionnaire.sections
        if not any(question.id in missing for question in section.questions)
    ]
    party = joint_party_of(previous)
    own_party = party if is_own_party(request, party) else None
    keeps_role = previous.role in OWN_ROLES or own_party is not None
    with transaction.atomic():
        response = AssessmentResponse.objects.create(
            page=page,
            revision_id=page.live_revision_id,
            language=page.locale.language_code,
            role=previous.role if keeps_role else "",
            sector=previous.sector,
            answers=answers,
            sections_done=sections_done,
            previous=previous,
        )
        # A party answering again answers for its side from now on: the joint result shows the
        # new answers once they are finished and shared again.
        if own_party and JointParty.objects.filter(pk=own_party.pk, response=previous).update(
            response=response, shared_at=None
        ):
            messages.info(
                request,
                _(
                    "Your part of the joint self-assessment now follows these new answers. The other parties "
                    "will see them when you finish and share them again."
                ),
            )
    tokens = request.session.get(SESSION_KEY, {})
    tokens[str(page.pk)] = str(response.token)
    request.session[SESSION_KEY] = tokens
    if not response.role:
        return HttpResponseRedirect(subpage_url(page, "about_you", token=response.token))
    messages.info(
        request,
        _(
            "Your previous answers are filled in. Change any that are different now, then submit them "
            "to see what has moved."
        ),
    )
    return HttpResponseRedirect(subpage_url(page, "check_answers", token=response.token))


RESOURCES_PER_FACTOR = 3


def reading_by_factor(locale_id):
    """{success factor id: (the digests that explain it, in this language where translated;
    the first few published entries they cite)} for every factor: four queries, whatever the
    number of factors."""
    links = {}
    for link in SuccessFactorDigest.objects.order_by("factor_id", "sort_order"):
        links.setdefault(link.factor_id, []).append(link.page_id)
    page_ids = {pk for ids in links.values() for pk in ids}
    digests = _localized_digests(page_ids, locale_id)
    resources = _resources_cited_by(page_ids)
    return {
        factor_id: (
            [digests[pk] for pk in ids if pk in digests],
            _first_unique(entry for pk in ids for entry in resources.get(pk, []))[:RESOURCES_PER_FACTOR],
        )
        for factor_id, ids in links.items()
    }


def _resources_cited_by(page_ids):
    """{digest page id: [published entries it cites, in reference order]} in one query."""
    cited = {}
    references = (
        DigestReference.objects.filter(page_id__in=page_ids, entry__live=True)
        .select_related("entry")
        .order_by("page_id", "sort_order")
    )
    for reference in references:
        cited.setdefault(reference.page_id, []).append(reference.entry)
    return cited


def _first_unique(entries):
    seen, unique = set(), []
    for entry in entries:
        if entry.pk not in seen:
            seen.add(entry.pk)
            unique.append(entry)
    return unique


def _localized_digests(page_ids, locale_id):
    """{original page id: the digest in this language (or the original)} in two queries."""
    originals = {p.pk: p for p in DigestPage.objects.filter(pk__in=page_ids).defer_streamfields()}
    keys = {p.translation_key for p in originals.values()}
    localized = {
        p.translation_key: p
        for p in DigestPage.objects.live().filter(translation_key__in=keys, locale_id=locale_id).defer_streamfields()
    }
    return {pk: localized.get(p.translation_key, p) for pk, p in originals.items() if p.live}


@journey
def result_download(request, page, share_token):
    """The answers and verdicts as a CSV file for a board paper."""
    response = completed_response_or_404(page, share_token)
    questionnaire, result_, verdict, factors = explain(response)
    role = response.role
    http = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = slugify(f"{page.title}-{response.completed_at:%Y-%m-%d}") or "self-assessment"
    http["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    http.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(http)
    writer.writerow([page.title])
    writer.writerow([_("Completed"), response.completed_at.strftime("%Y-%m-%d")])
    writer.writerow([_("Role"), Role(response.role).label if response.role else ""])
    writer.writerow([])
    writer.writerow([_("Factor"), _("Verdict"), _("Score (%)")])
    writer.writerow(
        [
            _("Overall"),
            verdict.band.heading if verdict.band else _("Not enough information"),
            result_.display_percent if result_.display_percent is not None else "",
        ]
    )
    if verdict.capped:
        writer.writerow([_("Set by"), verdict.factor_names])
    for item in factors:
        writer.writerow(
            [
                item.factor.name,
                item.band.heading if item.band else _("Not enough information"),
                item.result.display_percent if item.result.display_percent is not None else "",
            ]
        )
    writer.writerow([])
    writer.writerow([_("Section"), _("Question"), _("Your answer")])
    numbers = results.numbering(questionnaire, response.answers)
    for section_ in questionnaire.sections:
        for question in section_.questions:
            labels = _answer_labels(question, response.answers.get(question.id, []), role)
            if labels or question.id in response.answers:
                writer.writerow(
                    [section_.title, f"{numbers.get(question.id, '')}. {question.text_for(role)}", "; ".join(labels)]
                )
    return _no_store(http)


@journey
@rate_limited("assessment-feedback", "PBR_ASSESSMENT_FEEDBACK_PER_HOUR")
def result_feedback(request, page, share_token):
    response = completed_response_or_404(page, share_token)
    if request.method == "POST" and not is_own_result(request, response, joint_party_of(response)):
        messages.error(request, _("Only the person who answered can say whether the result was useful."))
    elif request.method == "POST":
        form = FeedbackForm(request.POST)
        # Tagged "feedback": shown in the form itself, where the redirect below lands the reader.
        if not form.is_valid():
            messages.error(request, _("Select yes or no to tell us whether the result was useful"), "feedback")
        else:
            response.found_useful = form.cleaned_data["useful"] == "yes"
            response.useful_comment = form.cleaned_data["comment"]
            response.save(update_fields=["found_useful", "useful_comment", "updated_at"])
            messages.success(request, _("Thank you for your feedback."), "feedback")
    return HttpResponseRedirect(subpage_url(page, "result", share_token=share_token) + "#feedback")


# --- editors' preview of the sample services (SelfAssessmentPage.serve_preview) ----------------
class SampleResponse:
    """Stands in for an AssessmentResponse in the result template when previewing a sample."""

    def __init__(self, sample):
        self.role = sample.role
        self.answers = sample.answers
        self.completed_at = timezone.now()
        self.found_useful = None
        self.useful_comment = ""


def preview_sample_result(request, page, sample_id):
    """The result page a sample service would get under the page being edited (unsaved
    changes included), with its expected verdicts beside the ones it gets."""
    try:
        questionnaire = build(page)
    except scoring.QuestionnaireError as error:
        return render_journey_page(
            request, page, "toolkit/sample_checks_preview.html", {"checks": [], "problem": str(error)}
        )
    sample = questionnaire.sample(sample_id)
    if sample is None:
        raise Http404
    check = check_sample(questionnaire, sample)
    verdict, factors = results.explain(questionnaire, check.result, sample.answers, sample.role)
    response = SampleResponse(sample)
    return render_journey_page(
        request,
        page,
        "toolkit/sample_preview.html",
        {
            **result_page_context(request, page, response, check.result, verdict, factors),
            "sample": sample,
            "row": check_row(questionnaire, check),
        },
    )


def preview_sample_checks(request, page):
    """Every sample service's expected and actual verdicts under the page being edited."""
    try:
        checks, problem = sample_checks(page), ""
    except scoring.QuestionnaireError as error:
        checks, problem = [], str(error)
    return render_journey_page(
        request, page, "toolkit/sample_checks_preview.html", {"checks": checks, "problem": problem}
    )
