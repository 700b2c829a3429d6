"""The public enquiry form on the get involved page (GetInvolvedPage)."""

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Enquiry
from .text import without_control_characters

TEXT_FIELDS = ("name", "email", "organisation", "message")
# Characters that change how text around them is shown without showing themselves: bidi
# overrides and isolates (they can make a name read backwards in the admin and in the staff
# e-mail), zero-width spaces, the byte order mark. Never needed in a name.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def has_visible_text(text):
    """True when something in `text` would show on screen (not only spaces, marks or format
    characters such as zero-width spaces)."""
    return any(unicodedata.category(char)[0] not in "CZ" for char in text)


def one_line(text):
    """A name or an organisation: invisible characters removed, runs of spaces and line
    breaks made one space (it goes into an e-mail subject, where a line break is refused)."""
    return " ".join(_INVISIBLE.sub("", text).split())


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
            "reason": {"required": _("Select what you would like to do"),
                       "invalid_choice": _("Select what you would like to do")},
            "name": {"required": _("Enter your name"),
                     "max_length": _("Your name must be 200 characters or fewer")},
            "email": {"required": _("Enter your email address"),
                      "invalid": _("Enter an email address in the correct format, like name@example.org"),
                      "max_length": _("Your email address must be 254 characters or fewer")},
            "organisation": {"max_length": _("The name of your organisation must be 200 characters or fewer")},
            "message": {"required": _("Enter your message"),
                        "max_length": _("Your message must be 3,000 characters or fewer")},
        }

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and hasattr(data, "getlist"):
            # Control characters go before Django's own checks, so a stray NUL is dropped
            # rather than reported as "Null characters are not allowed" (and never stored:
            # PostgreSQL refuses NUL in text).
            data = data.copy()
            for name in TEXT_FIELDS:
                if name in data:
                    data.setlist(name, [without_control_characters(value) for value in data.getlist(name)])
        super().__init__(data, *args, **kwargs)
        # The radios start with nothing chosen: no "---------" choice.
        self.fields["reason"].choices = Enquiry.Reason.choices

    def is_bot(self):
        return bool(self.data.get("website"))

    def _required_text(self, name, text):
        if not has_visible_text(text):
            raise forms.ValidationError(self.fields[name].error_messages["required"], code="required")
        return text

    def clean_name(self):
        return self._required_text("name", one_line(self.cleaned_data["name"]))

    def clean_organisation(self):
        organisation = one_line(self.cleaned_data["organisation"])
        return organisation if has_visible_text(organisation) else ""

    def clean_message(self):
        return self._required_text("message", self.cleaned_data["message"].strip())
