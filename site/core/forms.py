"""The public enquiry form on the get involved page (GetInvolvedPage)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .enquiry_model import Enquiry
from .text import cleaned_form_data


class EnquiryForm(forms.ModelForm):
    # A field people never see (hidden by CSS and from assistive technology): bots that
    # fill in every field reveal themselves.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    class Meta:
        model = Enquiry
        fields = ["reason", "name", "email", "organisation", "message"]
        widgets = {"reason": forms.RadioSelect}
        labels = {
            "reason": _("What would you like to do?"),
            "name": _("Your name"),
            "email": _("Your email address"),
            "organisation": _("Organisation (optional)"),
            "message": _("Your message"),
        }
        help_texts = {
            "email": _("We will use it only to reply to you."),
            "organisation": _("The organisation you work or volunteer for, if any."),
            "message": _(
                "Tell us a little about your work and what you would like to do. If you have an evaluation or "
                "report to share, say what it covers and whether it has been published: we will reply to "
                "arrange how you send it."
            ),
        }
        error_messages = {
            "reason": {
                "required": _("Select what you would like to do"),
                "invalid_choice": _("Select what you would like to do"),
            },
            "name": {"required": _("Enter your name"), "max_length": _("Your name must be 200 characters or fewer")},
            "email": {
                "required": _("Enter your email address"),
                "invalid": _("Enter an email address in the correct format, like name@example.org"),
                "max_length": _("Your email address must be 254 characters or fewer"),
            },
            "organisation": {"max_length": _("The name of your organisation must be 200 characters or fewer")},
            "message": {
                "required": _("Enter your message"),
                "max_length": _("Your message must be 3,000 characters or fewer"),
            },
        }

    def __init__(self, data=None, *args, **kwargs):
        # Cleaned before Django's own checks (pbr_site.core.text): control and bidi characters
        # dropped, text that shows nothing treated as empty, so "required" says "Enter ...".
        data = cleaned_form_data(data, multi_line=["message"], one_line=["name", "email", "organisation"])
        super().__init__(data, *args, **kwargs)
        # The radios start with nothing chosen: no "---------" choice.
        self.fields["reason"].choices = Enquiry.Reason.choices

    def is_bot(self):
        return bool(self.data.get("website"))
