import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.mark.django_db
def test_loading_the_demo_content_twice_changes_nothing():
    before = counts()  # the session fixture has already loaded it once
    call_command("load_demo_content", verbosity=0)
    assert counts() == before
    assert before["pages"] >= 13  # root + 6 English + 6 Welsh


@pytest.mark.django_db
def test_every_welsh_demo_string_is_translated(welsh):
    # save_target falls back to English for a missing string; the loader refuses instead,
    # so every Welsh demo page is fully Welsh.
    for translation in Translation.objects.filter(target_locale=welsh):
        progress = translation.get_progress()
        assert progress[0] == progress[1], translation.source


@pytest.mark.django_db
def test_the_full_review_is_there_to_download_in_both_languages(client):
    """As a PDF per language built from the published digests (literature/full_review.py;
    tests/literature/test_full_review_pdf.py checks what is in it)."""
    from literature.models import LiteratureIndexPage

    for review in LiteratureIndexPage.objects.live():
        assert review.full_review is None, review.locale  # no document chosen: the built PDF is offered
        html = client.get(review.url).content.decode()
        assert f'href="{review.full_review_url()}"' in html
        response = client.get(review.full_review_url())
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
