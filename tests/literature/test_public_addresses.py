"""Links that leave the site without a request (e-mails, the review PDFs) carry the site's
configured address (WAGTAILADMIN_BASE_URL), never the Site record's demo hostname."""

import pytest
from django.test import override_settings
from django.utils import timezone

from literature import full_review, review_pdf
from literature.models import BibliographyEntry
from literature.suggestion_mail import entry_page_url

ADDRESS = "https://pbr.example.org"


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL=ADDRESS + "/")
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_review_pdf_links_to_the_public_site(language):
    review = review_pdf.review_in(language)
    html = full_review.render_html(review, full_review.published_digests(review), language, timezone.now())
    assert f'href="{ADDRESS}/{language}/' in html
    assert "localhost" not in html


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL=ADDRESS)
def test_the_suggesters_mail_links_to_the_public_entry_page():
    entry = BibliographyEntry.objects.filter(live=True).first()
    assert entry_page_url(entry, "cy").startswith(f"{ADDRESS}/cy/")
    assert entry_page_url(entry, "en").startswith(f"{ADDRESS}/en/")
