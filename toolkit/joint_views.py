"""A joint self-assessment: one service, several parties, each answering separately.

start (service name, your role) -> the joint page, where invitations are made -> each invited
person opens their invitation link once, which gives them their own response and private
links (the starter never sees those) -> each finishes and chooses to share -> the joint page
shows the shared parties' verdicts side by side and where their answers differ.

Whoever holds the joint link (the starter and every party who has joined: it is on their
task list and result) reads the joint page. Nothing of a party's answers or verdicts is on it
until that party has finished and shared. Nothing here is cached.
"""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from pbr_site.core.text import clean_line

from . import joint
from .models.responses import AssessmentResponse, JointAssessment, JointParty, Role
from .questionnaire import pinned
from .views import (
    JOINT_SESSION_KEY,
    SESSION_KEY,
    completed_response_or_404,
    is_own_party,
    joint_party_of,
    journey,
    rate_limited,
    reading_by_factor,
    remember_party,
    render_journey_page,
    subpage_url,
)

MAX_PARTIES = 12
SERVICE_NAME_LENGTH = JointAssessment._meta.get_field("service_name").max_length
LABEL_LENGTH = JointParty._meta.get_field("label").max_length


def joint_or_none(page, token):
    """The joint assessment with this token, reachable through this page in either language."""
    return (
        JointAssessment.objects.filter(token=token, page__translation_key=page.translation_key)
        .select_related("page")
        .first()
    )


def _unavailable(request, page, status, heading, explanation):
    """A page that says plainly why a joint link leads nowhere, with the right status."""
    response = render_journey_page(
        request, page, "toolkit/joint_unavailable.html", {"heading": heading, "explanation": explanation}
    )
    response.status_code = status
    return response


def _not_found(request, page):
    return _unavailable(
        request,
        page,
        404,
        _("This joint self-assessment link is not valid"),
        _(
            "Check that you copied the whole link. If it still does not work, ask whoever started the "
            "joint self-assessment to send it again."
        ),
    )


def joint_deleted(request, page):
    return _unavailable(
        request,
        page,
        410,
        _("This joint self-assessment has been deleted"),
        _(
            "Joint self-assessments are deleted with their answers after the retention period. "
            "Start a new one from the self-assessment page."
        ),
    )


def _remember_party(request, joint_assessment, party):
    remember_party(request, party)
    tokens = request.session.get(SESSION_KEY, {})
    tokens[str(party.response.page_id)] = str(party.response.token)
    request.session[SESSION_KEY] = tokens


def _new_response(page, role):
    return AssessmentResponse.objects.create(
        page=page,
        revision_id=page.live_revision_id,
        language=page.locale.language_code,
        role=role,
    )


def _role_and_label(post, errors, yours=False):
    role = post.get("role", "")
    if role not in Role.values:
        errors["role"] = (
            _("Select the role you will answer in") if yours else _("Select the role this person will answer in")
        )
        role = ""
    label = clean_line(post.get("label", ""))
    if len(label) > LABEL_LENGTH:
        errors["label"] = _("Name or organisation must be %(count)s characters or fewer") % {"count": LABEL_LENGTH}
    return role, label


# --- start ----------------------------------------------------------------------------------
@journey
@rate_limited("assessment-start", "PBR_ASSESSMENT_STARTS_PER_HOUR")
def start(request, page):
    if not page.questionnaire or page.live_revision_id is None:
        messages.error(request, _("The self-assessment is not open yet."))
        return HttpResponseRedirect(page.url)
    errors, values = {}, {"service": "", "role": "", "label": ""}
    if request.method == "POST":
        service = clean_line(request.POST.get("service", ""))
        if not service:
            errors["service"] = _("Enter the name of the service you are assessing")
        elif len(service) > SERVICE_NAME_LENGTH:
            errors["service"] = _("Service name must be %(count)s characters or fewer") % {"count": SERVICE_NAME_LENGTH}
        role, label = _role_and_label(request.POST, errors, yours=True)
        values = {"service": service, "role": role, "label": label}
        if not errors:
            with transaction.atomic():
                joint_assessment = JointAssessment.objects.create(page=page, service_name=service)
                party = JointParty.objects.create(
                    joint=joint_assessment,
                    role=role,
                    label=label,
                    response=_new_response(page, role),
                )
            _remember_party(request, joint_assessment, party)
            messages.success(
                request,
                _(
                    "Your joint self-assessment has started. Invite the other parties below, then answer "
                    "the questions yourself."
                ),
            )
            return HttpResponseRedirect(subpage_url(page, "joint_result", token=joint_assessment.token))
    return render_journey_page(
        request,
        page,
        "toolkit/joint_start.html",
        {
            "errors": errors,
            "values": values,
            "roles": Role.choices,
        },
    )


# --- the joint page ---------------------------------------------------------------------------
def _own_party(request, joint_assessment, parties):
    return next((party for party in parties if is_own_party(request, party)), None)


@journey
def joint_result(request, page, token):
    joint_assessment = joint_or_none(page, token)
    if joint_assessment is None:
        return _not_found(request, page)
    if joint_assessment.is_expired():
        return joint_deleted(request, page)
    return _joint_page(request, page, joint_assessment)


def _joint_page(request, page, joint_assessment, invite_errors=None, invite_values=None):
    """The joint page; with the invitation form's errors and values when it is shown again."""
    context = joint_context(request, page, joint_assessment)
    if context is None:
        return _not_found(request, page)
    return render_journey_page(
        request,
        page,
        "toolkit/joint_result.html",
        {
            **context,
            "own_party": _own_party(request, joint_assessment, context["parties"]),
            "roles": Role.choices,
            "invite_errors": invite_errors or {},
            "invite_values": invite_values or {},
        },
    )


def joint_context(request, page, joint_assessment):
    """What the joint page and its PDF show, or None when the reader's page is not published."""
    if page.live_revision_id is None:
        return None
    # A party's own links go through the page they answer on (their language).
    parties = list(joint_assessment.parties.select_related("response__page").order_by("invited_at", "pk"))
    sharing = [party for party in parties if party.has_shared and party.response and party.response.is_complete]
    frame = pinned(page.live_revision_id)
    result = joint.build(frame, sharing)
    reading = reading_by_factor(page.locale_id)
    for item in result.factors:
        item.digests, item.resources = reading.get(item.factor.pk, ([], []))
    return {
        "joint": joint_assessment,
        "parties": [_party_status(request, page, party) for party in parties],
        "result": result,
        "joint_url": request.build_absolute_uri(subpage_url(page, "joint_result", token=joint_assessment.token)),
        "pdf_url": subpage_url(page, "joint_pdf", token=joint_assessment.token),
    }


def _party_status(request, page, party):
    """Adds to the party what the page says of it: status, and its invitation link while unused."""
    party.invite_url = ""
    if not party.has_joined:
        if party.invitation_expired():
            party.status = "expired"
        else:
            party.status = "invited"
            party.invite_url = request.build_absolute_uri(
                subpage_url(page, "joint_invitation", invite_token=party.invite_token)
            )
    elif not party.response.is_complete:
        party.status = "answering"
    elif not party.has_shared:
        party.status = "finished"
    else:
        party.status = "shared"
    return party


# --- invitations ------------------------------------------------------------------------------
@journey
@rate_limited("joint-invitations", "PBR_JOINT_INVITATIONS_PER_HOUR")
def invite(request, page, token):
    joint_assessment = joint_or_none(page, token)
    if joint_assessment is None:
        return _not_found(request, page)
    if joint_assessment.is_expired():
        return joint_deleted(request, page)
    joint_url = subpage_url(page, "joint_result", token=token)
    if request.method != "POST":
        return HttpResponseRedirect(joint_url)
    errors = {}
    role, label = _role_and_label(request.POST, errors)
    if not errors and joint_assessment.parties.count() >= MAX_PARTIES:
        errors["role"] = _("A joint self-assessment can have up to %(count)s parties") % {"count": MAX_PARTIES}
    if errors:
        return _joint_page(request, page, joint_assessment, errors, {"role": role, "label": label})
    party = JointParty.objects.create(joint=joint_assessment, role=role, label=label)
    messages.success(
        request,
        _("Invitation made for %(party)s. Copy its link below and send it to them: it works once, for %(days)s days.")
        % {"party": party.name, "days": JointParty.INVITATION_DAYS},
    )
    return HttpResponseRedirect(joint_url + f"#party-{party.pk}")


@journey
@rate_limited("assessment-start", "PBR_ASSESSMENT_STARTS_PER_HOUR")
def invitation(request, page, invite_token):
    party = (
        JointParty.objects.filter(invite_token=invite_token, joint__page__translation_key=page.translation_key)
        .select_related("joint__page", "response")
        .first()
    )
    if party is None:
        return _unavailable(
            request,
            page,
            404,
            _("This invitation link is not valid"),
            _(
                "Check that you copied the whole link. If it still does not work, ask whoever invited you "
                "for a new invitation."
            ),
        )
    joint_assessment = party.joint
    if joint_assessment.is_expired():
        return joint_deleted(request, page)
    own_id = request.session.get(JOINT_SESSION_KEY, {}).get(str(joint_assessment.token))
    if party.has_joined:
        if own_id == party.pk:  # they opened their invitation again: back to their answers
            return HttpResponseRedirect(subpage_url(page, "task_list", token=party.response.token))
        return _used(request, page)
    if party.invitation_expired():
        return _unavailable(
            request,
            page,
            410,
            _("This invitation has expired"),
            _("Invitations work for %(days)s days. Ask whoever invited you for a new one.")
            % {"days": JointParty.INVITATION_DAYS},
        )
    if page.live_revision_id is None or not page.questionnaire:
        messages.error(request, _("The self-assessment is not open yet."))
        return HttpResponseRedirect(page.url)
    if request.method == "POST":
        with transaction.atomic():
            response = _new_response(page, party.role)
            # Only the first of two people opening the same link at once gets the place.
            taken = JointParty.objects.filter(pk=party.pk, response__isnull=True).update(response=response)
            if not taken:
                transaction.set_rollback(True)
        if not taken:
            return _used(request, page)
        party.response = response
        _remember_party(request, joint_assessment, party)
        return HttpResponseRedirect(subpage_url(page, "about_you", token=response.token))
    return render_journey_page(
        request, page, "toolkit/joint_invitation.html", {"party": party, "joint": joint_assessment}
    )


def _used(request, page):
    return _unavailable(
        request,
        page,
        410,
        _("This invitation has already been used"),
        _(
            "Each invitation link works once. If you accepted it, carry on with the private link you were "
            "shown when you started (it is also on your task list). Otherwise ask whoever invited you for a "
            "new invitation."
        ),
    )


# --- sharing a finished response ---------------------------------------------------------------
@journey
def share(request, page, share_token):
    response = completed_response_or_404(page, share_token)
    party = joint_party_of(response)
    result_url = subpage_url(page, "result", share_token=share_token)
    if party is None or request.method != "POST":
        return HttpResponseRedirect(result_url)
    if not is_own_party(request, party):
        # The result link is given to colleagues to read: sharing is for whoever answered,
        # from a browser where they used their private link.
        messages.error(
            request,
            _(
                "Only the person who answered can share these answers: open your private link to your "
                "answers first, then share from your result."
            ),
        )
        return HttpResponseRedirect(result_url)
    JointParty.objects.filter(pk=party.pk, shared_at__isnull=True).update(shared_at=timezone.now())
    messages.success(request, _("Your answers and verdicts are now on the joint result."))
    return HttpResponseRedirect(subpage_url(page, "joint_result", token=party.joint.token))
