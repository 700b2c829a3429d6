"""The public "suggest a resource" form."""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from pbr_site.core.text import cleaned_form_data

from .duplicates import bare_doi
from .models.suggestions import ResourceSuggestion

EARLIEST_YEAR = 1900
# A DOI: '10.', a registrant code, '/', then any suffix (Crossref's own pattern, less strict).
DOI_FORMAT = re.compile(r"10\.\d{4,9}/\S+", re.ASCII)


def latest_year():
    """Next year: reports are often dated the year after they are finished."""
    return datetime.date.today().year + 1


class SuggestionForm(forms.ModelForm):
    # A field people never see (hidden by CSS and from assistive technology): bots that
    # fill in every field reveal themselves.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    # Text, not a number field: only the digits 0 to 9 make a year here, so '²', '①' or '٢٠١٩'
    # get the same clear message as any other typing slip (int() would accept some of them).
    year = forms.CharField(
        required=False,
        max_length=20,
        label=_("Year it was published (optional)"),
        help_text=_("For example 2019"),
        error_messages={"max_length": _("Enter the year as 4 digits, like 2019")},
    )

    class Meta:
        model = ResourceSuggestion
        fields = ["title", "authors", "year", "url", "doi", "why", "email"]
        labels = {
            "title": _("Title of the resource"),
            "authors": _("Authors or organisation (optional)"),
            "url": _("Link to it (optional)"),
            "doi": _("DOI (optional)"),
            "why": _("Why it matters"),
            "email": _("Your email address (optional)"),
        }
        help_texts = {
            "authors": _(
                "Who wrote or published it, for example Webster, Russell; Hedderman, Carol or National Audit Office"
            ),
            "url": _("For example https://www.example.org/evaluation.pdf"),
            "doi": _("A DOI is a permanent identifier some publications have, for example 10.1177/1356389015577464"),
            "why": _("What it found, and why others commissioning or providing services should read it."),
            "email": _(
                "If you give it, we will email you once to say whether we added the resource. "
                "We will not publish it or use it for anything else."
            ),
        }
        error_messages = {
            "title": {
                "required": _("Enter the title of the resource"),
                "max_length": _("The title must be 300 characters or fewer"),
            },
            "authors": {"max_length": _("Authors or organisation must be 500 characters or fewer")},
            "url": {
                "invalid": _("Enter a link in the correct format, like https://www.example.org/report.pdf"),
                "max_length": _("The link must be 500 characters or fewer"),
            },
            "doi": {"max_length": _("The DOI must be 255 characters or fewer")},
            "why": {
                "required": _("Tell us why it matters"),
                "max_length": _("Why it matters must be 2,000 characters or fewer"),
            },
            "email": {"invalid": _("Enter an email address in the correct format, like name@example.org")},
        }

    def __init__(self, data=None, *args, **kwargs):
        # Cleaned before Django's own checks (pbr_site.core.text): control and bidi characters
        # dropped, text that shows nothing treated as empty, so "required" says so.
        data = cleaned_form_data(data, multi_line=["why"], one_line=["title", "authors", "year", "url", "doi", "email"])
        super().__init__(data, *args, **kwargs)

    def is_bot(self):
        return bool(self.data.get("website"))

    def clean_year(self):
        typed = self.cleaned_data["year"]
        if not typed:
            return None
        if not re.fullmatch(r"[0-9]{4}", typed, flags=re.ASCII):
            raise forms.ValidationError(_("Enter the year as 4 digits, like 2019"), code="invalid")
        year = int(typed)
        if not EARLIEST_YEAR <= year <= latest_year():
            raise forms.ValidationError(
                _("The year must be between %(earliest)s and %(latest)s"),
                code="out_of_range",
                params={"earliest": EARLIEST_YEAR, "latest": latest_year()},
            )
        return year

    def clean_doi(self):
        typed = self.cleaned_data["doi"]
        if not typed:
            return ""
        doi = bare_doi(typed)  # stored without any 'https://doi.org/' or 'doi:' in front
        if not DOI_FORMAT.fullmatch(doi):
            raise forms.ValidationError(
                _("Enter a DOI in the correct format, like 10.1177/1356389015577464"), code="invalid"
            )
        return doi
