"""Admin: deciding a suggestion from the public. Each decision has its own page (what will
happen, the possible duplicates, one form), reached from the suggestion's page:

- accept: a DRAFT bibliography entry is made from it and opened; it goes public only through
  the "Moderators approval" workflow (an Editor submits it, a Moderator publishes it);
- reject, with a reason the suggester is sent;
- already in the pack, pointing at the existing entry.

A decision is saved first; the e-mail to the suggester (suggestion_mail) follows, and its
failure is reported without undoing the decision. Routes come from ResourceSuggestionViewSet.
"""

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.snippets.widgets import AdminSnippetChooser

from .duplicates import duplicates_of_suggestion
from .models import BibliographyEntry, EntryAuthor, PublicationType, ResourceSuggestion
from .suggestion_mail import Outcome, render_outcome, send_outcome, what_to_send

Status = ResourceSuggestion.Status
URL = "wagtailsnippets_literature_resourcesuggestion:{}".format


def authors_from(text):
    """'Webster, Russell; National Audit Office' -> two authors: a name with a comma is a person
    ('Family, Given'), one without an organisation. The editor checks them on the entry."""
    names = [" ".join(name.split()) for name in re.split(r"[;\n]", text or "")]
    return [
        EntryAuthor(name=name[:255], is_organisation="," not in name, sort_order=number)
        for number, name in enumerate(name for name in names if name)
    ]


class AcceptForm(forms.Form):
    """What the entry needs that a suggestion may lack."""

    year = forms.IntegerField(
        label=gettext_lazy("Year it was published"),
        min_value=1900,
        max_value=2100,
        help_text=gettext_lazy("Check it against the publication: the suggester may not have given one."),
    )
    publication_type = forms.ChoiceField(
        label=gettext_lazy("Type"), choices=PublicationType.choices, initial=PublicationType.GREY
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason given to the suggester"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        error_messages={
            "required": gettext_lazy(
                "Give the reason. It is kept with the suggestion, and sent to the suggester if they left an email address."
            )
        },
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(self.fields["reason"].error_messages["required"], code="required")
        return reason


class DuplicateForm(forms.Form):
    entry = forms.ModelChoiceField(
        label=gettext_lazy("Already in the pack as"),
        queryset=BibliographyEntry.objects.all(),
        widget=AdminSnippetChooser(BibliographyEntry),
        error_messages={"required": gettext_lazy("Choose the entry it is already in the pack as.")},
    )


class DecisionView(WagtailAdminTemplateMixin, FormView):
    """A page deciding one new suggestion. Subclasses say what the form is and what deciding does."""

    template_name = "literature/admin/suggestion_decision.html"
    header_icon = "mail"
    permissions = ("literature.change_resourcesuggestion",)
    intro = ""
    submit_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not all(request.user.has_perm(permission) for permission in self.permissions):
            raise PermissionDenied
        self.suggestion = get_object_or_404(
            ResourceSuggestion.objects.select_related("entry", "duplicate_of", "decided_by"), pk=kwargs["pk"]
        )
        if self.suggestion.status != Status.NEW:
            messages.warning(request, _("This suggestion has already been decided."))
            return redirect(reverse(URL("edit"), args=(self.suggestion.pk,)))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.suggestion.title

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(URL("list")), "label": _("Suggestions")},
            {"url": reverse(URL("edit"), args=(self.suggestion.pk,)), "label": self.suggestion.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("intro", self.intro)
        return super().get_context_data(
            suggestion=self.suggestion,
            duplicates=duplicates_of_suggestion(self.suggestion),
            submit_label=self.submit_label,
            cancel_url=reverse(URL("edit"), args=(self.suggestion.pk,)),
            **kwargs,
        )

    def form_valid(self, form):
        with transaction.atomic():
            suggestion = ResourceSuggestion.objects.select_for_update().get(pk=self.suggestion.pk)
            if suggestion.status != Status.NEW:  # decided by someone else since the form was shown
                messages.warning(self.request, _("This suggestion has already been decided."))
                return redirect(reverse(URL("edit"), args=(suggestion.pk,)))
            response = self.decide(suggestion, form)
            suggestion.decided_by = self.request.user
            suggestion.decided_at = timezone.now()
            suggestion.save()
            log(instance=suggestion, action=self.log_action, user=self.request.user)
        # Committed: the decision stands whatever the mailer does.
        tell_suggester(self.request, suggestion)
        return response


def tell_suggester(request, suggestion):
    """Send the outcome if due, and say to the member of staff what happened."""
    outcome = send_outcome(suggestion)
    if outcome == Outcome.SENT:
        log(instance=suggestion, action="literature.suggestion.emailed", user=request.user)
        messages.success(request, _("The suggester has been emailed the outcome."))
    elif outcome == Outcome.WAITING:
        messages.info(request, _("The suggester will be emailed, with a link, when the entry is published."))
    elif outcome == Outcome.FAILED:
        messages.error(
            request,
            _(
                "The decision is saved, but the email to the suggester could not be sent. "
                "Try again later from the suggestion's page."
            ),
        )
    return outcome


class AcceptView(DecisionView):
    form_class = AcceptForm
    permissions = ("literature.change_resourcesuggestion", "literature.add_bibliographyentry")
    page_title = gettext_lazy("Accept a suggestion")
    intro = gettext_lazy(
        "A draft bibliography entry is made from the suggestion and opened for you to complete. It is not "
        "published: submit it for moderation and a Moderator publishes it. If the suggester left an email "
        "address, they are emailed a link to it once it is published."
    )
    submit_label = gettext_lazy("Accept and make a draft entry")
    log_action = "literature.suggestion.accepted"

    def get_initial(self):
        return {"year": self.suggestion.year, "publication_type": PublicationType.GREY}

    def get_context_data(self, **kwargs):
        suggestion = self.suggestion
        facts = [
            (_("Title"), suggestion.title),
            (
                _("Authors"),
                "; ".join(author.name for author in authors_from(suggestion.authors))
                or _("none given: add them on the entry"),
            ),
            (_("Web address"), suggestion.url or "–"),
            (_("DOI"), suggestion.doi or "–"),
        ]
        return super().get_context_data(facts=facts, **kwargs)

    def decide(self, suggestion, form):
        entry = BibliographyEntry(
            title=suggestion.title,
            year=form.cleaned_data["year"],
            publication_type=form.cleaned_data["publication_type"],
            url=suggestion.url,
            doi=suggestion.doi,
            live=False,
        )
        entry.authors = authors_from(suggestion.authors)
        entry.save()
        entry.save_revision(user=self.request.user, log_action="wagtail.create")
        suggestion.entry = entry
        suggestion.status = Status.ACCEPTED
        messages.success(
            self.request,
            _(
                "A draft entry was made from the suggestion. Complete it (authors, summary, sectors and themes), "
                "then submit it for moderation."
            ),
        )
        return redirect(reverse("wagtailsnippets_literature_bibliographyentry:edit", args=(entry.pk,)))


class RejectView(DecisionView):
    form_class = RejectForm
    page_title = gettext_lazy("Reject a suggestion")
    submit_label = gettext_lazy("Reject")
    log_action = "literature.suggestion.rejected"

    def get_context_data(self, **kwargs):
        if not self.suggestion.email:
            intro = _("The suggester left no email address, so they will not be told.")
        elif self.suggestion.language == "cy":
            intro = _(
                "The suggester is emailed this reason once, in Welsh: they wrote in Welsh, so write the "
                "reason in Welsh."
            )
        else:
            intro = _("The suggester is emailed this reason once.")
        return super().get_context_data(intro=intro, **kwargs)

    def decide(self, suggestion, form):
        suggestion.status = Status.REJECTED
        suggestion.reason = form.cleaned_data["reason"]
        messages.success(self.request, _("The suggestion was rejected."))
        return redirect(reverse(URL("list")) + f"?status={Status.NEW}")


class DuplicateView(DecisionView):
    form_class = DuplicateForm
    page_title = gettext_lazy("Already in the pack")
    intro = gettext_lazy(
        "Choose the entry the suggestion is already in the pack as. If the suggester left an email address, "
        "they are emailed a link to its page (once it is published)."
    )
    submit_label = gettext_lazy("Mark as already in the pack")
    log_action = "literature.suggestion.duplicate"

    def get_initial(self):
        duplicates = duplicates_of_suggestion(self.suggestion)
        return {"entry": duplicates[0].entry.pk} if duplicates else {}

    def decide(self, suggestion, form):
        suggestion.status = Status.DUPLICATE
        suggestion.duplicate_of = form.cleaned_data["entry"]
        messages.success(self.request, _("The suggestion was marked as already in the pack."))
        return redirect(reverse(URL("list")) + f"?status={Status.NEW}")


class SendOutcomeView(WagtailAdminTemplateMixin, FormView):
    """Try the e-mail again after the mailer failed: shows what will be sent."""

    template_name = "literature/admin/suggestion_send_outcome.html"
    header_icon = "mail"
    form_class = forms.Form
    page_title = gettext_lazy("Email the suggester")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("literature.change_resourcesuggestion"):
            raise PermissionDenied
        self.suggestion = get_object_or_404(
            ResourceSuggestion.objects.select_related("entry", "duplicate_of"), pk=kwargs["pk"]
        )
        if what_to_send(self.suggestion) is not None:
            messages.warning(request, _("There is no email to send for this suggestion."))
            return redirect(reverse(URL("edit"), args=(self.suggestion.pk,)))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.suggestion.title

    def get_context_data(self, **kwargs):
        subject, body = render_outcome(self.suggestion)
        return super().get_context_data(
            suggestion=self.suggestion,
            subject=subject,
            body=body,
            cancel_url=reverse(URL("edit"), args=(self.suggestion.pk,)),
            **kwargs,
        )

    def form_valid(self, form):
        tell_suggester(self.request, self.suggestion)
        return redirect(reverse(URL("edit"), args=(self.suggestion.pk,)))
