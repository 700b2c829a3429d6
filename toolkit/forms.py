"""Server-side checks for the self-assessment's free-text input (the "was this useful?" form)."""

from django import forms
from pbr_site.core.text import without_control_characters

MAX_COMMENT = 1000


class FeedbackForm(forms.Form):
    useful = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])
    # Longer comments are cut to the cap (the textarea stops at it too), never refused.
    comment = forms.CharField(required=False, strip=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's CharField refuses NUL characters; we drop them (and other control
        # characters) instead, so a pasted comment is kept.
        self.fields["comment"].validators = []

    def clean_comment(self):
        return without_control_characters(self.cleaned_data["comment"]).strip()[:MAX_COMMENT]
