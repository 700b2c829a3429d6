"""Server-side checks for the self-assessment's free-text input (the "was this useful?" form)."""

from django import forms
from pbr_site.core.text import cleaned_form_data

MAX_COMMENT = 1000


class FeedbackForm(forms.Form):
    useful = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])
    # Longer comments are cut to the cap (the textarea stops at it too), never refused.
    comment = forms.CharField(required=False, strip=True)

    def __init__(self, data=None, *args, **kwargs):
        # Control and bidi characters dropped before Django's checks (so a pasted comment with
        # a NUL is kept, not refused), and a comment that shows nothing stored as none
        # (pbr_site.core.text).
        super().__init__(cleaned_form_data(data, multi_line=["comment"]), *args, **kwargs)

    def clean_comment(self):
        return self.cleaned_data["comment"][:MAX_COMMENT]
