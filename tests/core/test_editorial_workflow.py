"""Editors draft and submit for moderation; Moderators publish. Driven through the
Wagtail admin's own views, as the people using it would."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pbr_site.core.models import StandardPage


@pytest.fixture
def editor(db):
    return get_user_model().objects.get(username="editor")


@pytest.fixture
def moderator(db):
    return get_user_model().objects.get(username="moderator")


def new_page_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Where and when the next workshops run.",
            "body": streamfield(
                [
                    ("heading", {"text": "Spring workshops", "level": "h2"}),
                    ("paragraph", rich_text("<p>Two half-day sessions in Cardiff and Leeds.</p>")),
                ]
            ),
            **extra,
        }
    )


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("core", "standardpage", parent.pk))


@pytest.mark.django_db
def test_editor_creates_a_draft_and_submits_it_for_moderation(client, editor, home):
    client.force_login(editor)
    response = client.post(add_url(home), new_page_form("Workshops", "workshops", **{"action-submit": "1"}))
    assert response.status_code == 302, response.content[:2000]
    page = StandardPage.objects.get(slug="workshops")
    assert not page.live, "an editor's submission must not go live"
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.get_latest_revision().as_object().body[0].value["text"] == "Spring workshops"


@pytest.mark.django_db
def test_editor_cannot_publish(client, editor, home):
    client.force_login(editor)
    client.post(add_url(home), new_page_form("Try to publish", "try-to-publish", **{"action-publish": "1"}))
    page = StandardPage.objects.get(slug="try-to-publish")
    assert not page.live
    assert not page.permissions_for_user(editor).can_publish()


@pytest.mark.django_db
def test_editor_revises_an_existing_page_as_a_draft(client, editor, demo_page):
    about = demo_page(StandardPage, "en", slug="about")
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(about.pk,))
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, new_page_form("About the toolkit (revised)", "about"))
    assert response.status_code == 302
    about.refresh_from_db()
    assert about.title == "About the toolkit", "the live page is unchanged until published"
    assert about.has_unpublished_changes
    assert about.get_latest_revision().as_object().title == "About the toolkit (revised)"


@pytest.mark.django_db
def test_moderator_approves_and_publishes_a_submission(client, editor, moderator, home):
    client.force_login(editor)
    client.post(add_url(home), new_page_form("Workshops", "workshops", **{"action-submit": "1"}))
    page = StandardPage.objects.get(slug="workshops")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    task_state = state.current_task_state

    client.force_login(moderator)
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    response = client.post(approve_url, {"comment": "Looks right."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_moderator_can_create_and_publish_directly(client, moderator, home):
    client.force_login(moderator)
    response = client.post(add_url(home), new_page_form("News", "news", **{"action-publish": "1"}))
    assert response.status_code == 302
    page = Page.objects.get(slug="news").specific
    assert page.live
    # The workflow still applies: publishing by a moderator goes through it or publishes.
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_call_to_action_needs_exactly_one_destination(client, moderator, home):
    client.force_login(moderator)
    form = nested_form_data(
        {
            "title": "Bad button",
            "slug": "bad-button",
            "intro": "x",
            "body": streamfield([("call_to_action", {"label": "Go", "page": "", "url": ""})]),
            "action-publish": "1",
        }
    )
    response = client.post(add_url(home), form)
    assert response.status_code == 200  # the form comes back with an error, nothing saved
    assert "Choose a page or enter a web address" in response.content.decode()
    assert not Page.objects.filter(slug="bad-button").exists()
