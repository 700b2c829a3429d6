"""The public "suggest a resource" form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from pbr_site.core.text import without_control_characters

from .models import ResourceSuggestion


class SuggestionForm(forms.ModelForm):
    # A field people never see (hidden by CSS and from assistive technology): bots that
    # fill in every field reveal themselves.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    class Meta:
        model = ResourceSuggestion
        fields = ["title", "url", "why", "email"]
        labels = {
            "title": _("Title of the resource"),
            "url": _("Link to it (optional)"),
            "why": _("Why it matters"),
            "email": _("Your email address (optional)"),
        }
        help_texts = {
            "url": _("For example https://www.example.org/evaluation.pdf"),
            "why": _("What it found, and why others commissioning or providing services should read it."),
            "email": _("Only if you are happy for us to contact you about it. We will not publish it."),
        }
        error_messages = {
            "title": {"required": _("Enter the title of the resource"),
                      "max_length": _("The title must be 300 characters or fewer")},
            "url": {"invalid": _("Enter a link in the correct format, like https://www.example.org/report.pdf"),
                    "max_length": _("The link must be 500 characters or fewer")},
            "why": {"required": _("Tell us why it matters"),
                    "max_length": _("Why it matters must be 2,000 characters or fewer")},
            "email": {"invalid": _("Enter an email address in the correct format, like name@example.org")},
        }

    def is_bot(self):
        return bool(self.data.get("website"))

    def clean_title(self):
        title = " ".join(without_control_characters(self.cleaned_data["title"]).split())
        if not title:
            raise forms.ValidationError(self.fields["title"].error_messages["required"], code="required")
        return title

    def clean_why(self):
        why = without_control_characters(self.cleaned_data["why"]).strip()
        if not why:
            raise forms.ValidationError(self.fields["why"].error_messages["required"], code="required")
        return why
