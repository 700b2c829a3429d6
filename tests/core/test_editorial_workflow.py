"""Editors draft and submit for moderation; Moderators publish. Driven through the
Wagtail admin's own views, as the people using it would."""

import pytest
from django.urls import reverse
from pbr_site.core.models import StandardPage
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


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
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
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


# --- What an Editor cannot do or reach: the Moderators' and administrators' part ------------


def submitted_page(client, editor, home, slug="awaiting-approval"):
    client.force_login(editor)
    client.post(add_url(home), new_page_form("Awaiting approval", slug, **{"action-submit": "1"}))
    page = StandardPage.objects.get(slug=slug)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    return page, state


def refused(response):
    """Wagtail answers a missing permission with a redirect to the dashboard (and a
    message) or a 403, never the page asked for."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] in ("/admin/", "/admin/login/")
        or response.status_code == 302
        and response["Location"].startswith("/admin/login/")
    )


@pytest.mark.django_db
def test_editor_cannot_approve_a_submission_not_even_their_own(client, editor, home):
    page, state = submitted_page(client, editor, home)
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.current_task_state.pk))
    response = client.post(approve_url, {"comment": "Approving my own work."})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_editor_cannot_publish_an_edit_to_a_live_page(client, editor, demo_page):
    about = demo_page(StandardPage, "en", slug="about")
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(about.pk,))
    client.post(edit_url, new_page_form("Defaced", "about", **{"action-publish": "1"}))
    about.refresh_from_db()
    assert about.title == "About the toolkit"
    assert client.get(about.url).status_code == 200
    assert "Defaced" not in client.get(about.url).content.decode()


@pytest.mark.django_db
def test_editor_cannot_unpublish_delete_or_move_a_live_page(client, editor, demo_page, home):
    about = demo_page(StandardPage, "en", slug="about")
    client.force_login(editor)
    for name in ("unpublish", "delete"):
        url = reverse(f"wagtailadmin_pages:{name}", args=(about.pk,))
        assert refused(client.get(url)), name
        assert refused(client.post(url)), name
    about.refresh_from_db()
    assert about.live
    assert StandardPage.objects.filter(pk=about.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailusers_users:index",  # accounts: administrators only
        "wagtailusers_groups:index",  # roles and their permissions
        "wagtailadmin_workflows:index",  # the approval workflow itself
        "wagtailadmin_workflows:task_index",
        "wagtailsites:index",
        "wagtaillocales:index",
        "wagtailredirects:index",
    ],
)
def test_editor_cannot_reach_what_moderators_and_administrators_own(client, editor, moderator, url_name, admin_user):
    url = reverse(url_name)
    client.force_login(editor)
    assert refused(client.get(url)), f"an Editor reached {url}"
    # ... while the admin screens themselves do work for their owners.
    client.force_login(admin_user)
    assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_editor_cannot_add_tags_or_delete_glossary_terms(client, editor):
    from literature.models import GlossaryTerm, SectorTag

    client.force_login(editor)
    count = SectorTag.objects.count()
    add_url_ = reverse(SectorTag.snippet_viewset.get_url_name("add"))
    assert refused(client.get(add_url_))
    client.post(add_url_, {"name": "Invented sector", "name_cy": "Sector", "slug": "invented"})
    assert SectorTag.objects.count() == count

    term = GlossaryTerm.objects.first()
    delete_url = reverse(GlossaryTerm.snippet_viewset.get_url_name("delete"), args=(term.pk,))
    assert refused(client.post(delete_url))
    assert GlossaryTerm.objects.filter(pk=term.pk).exists()


@pytest.mark.django_db
def test_editors_and_moderators_read_the_self_assessment_report(client, editor, moderator):
    """Editors too (issue #17); tests/toolkit/test_report_access.py has who may not."""
    for person in (moderator, editor):
        client.force_login(person)
        assert client.get(reverse("toolkit_report:index")).status_code == 200
