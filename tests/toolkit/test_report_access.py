"""Who may read the staff report on self-assessment responses: Editors and Moderators (the
"toolkit.view_assessment_report" permission, granted by migration 0006), anyone an
administrator grants it to, and nobody else."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.forms import form_data

from .fixtures import build_assessment

DENIED = "Sorry, you do not have permission to access this area."


def urls(page):
    return [
        reverse("toolkit_report:index"),
        reverse("toolkit_report:page", args=[page.pk]),
        reverse("toolkit_report:csv", args=[page.pk]),
    ]


@pytest.fixture
def admin_user_without_the_report(db):
    """Someone who may use the admin (e.g. to answer enquiries) but was never given the report."""
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    user = get_user_model().objects.create_user("admin-only", "admin-only@example.org", "x")
    user.groups.add(group)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["editor", "moderator"])
def test_editors_and_moderators_read_the_report(client, username):
    page = build_assessment()
    user = get_user_model().objects.get(username=username)
    assert user.has_perm("toolkit.view_assessment_report") and not user.is_superuser
    client.force_login(user)
    for url in urls(page):
        assert client.get(url).status_code == 200, url
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    assert reverse("toolkit_report:index") in str(dashboard)  # the menu item


@pytest.mark.django_db
def test_admin_access_alone_is_refused_clearly(client, admin_user_without_the_report):
    page = build_assessment()
    client.force_login(admin_user_without_the_report)
    for url in urls(page):
        refused = client.get(url)
        assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home"), url
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert DENIED in dashboard
    assert reverse("toolkit_report:index") not in dashboard  # no menu item


@pytest.mark.django_db
def test_visitors_and_users_without_admin_access_get_the_login_page(client):
    page = build_assessment()
    for url in urls(page):
        refused = client.get(url)
        assert refused.status_code == 302 and refused["Location"].startswith(reverse("wagtailadmin_login")), url
    client.force_login(get_user_model().objects.create_user("reader", "reader@example.org", "x"))
    for url in urls(page):
        refused = client.get(url)
        assert refused.status_code == 302 and refused["Location"].startswith(reverse("wagtailadmin_login")), url


@pytest.mark.django_db
def test_an_administrator_grants_the_report_to_another_group(admin_client, client, admin_user_without_the_report):
    """Through the group's page in Settings > Groups, posting back what the form shows."""
    page = build_assessment()
    group = admin_user_without_the_report.groups.get()
    permission = Permission.objects.get(content_type__app_label="toolkit", codename="view_assessment_report")
    edit_url = reverse("wagtailusers_groups:edit", args=[group.pk])
    group_page = admin_client.get(edit_url)
    form = BeautifulSoup(group_page.content, "html.parser").select_one("form[method=post]")
    assert "Can view the self-assessment report" in form.get_text()
    box = form.select_one(f'input[type=checkbox][value="{permission.pk}"]')
    assert box is not None and not box.has_attr("checked")
    saved = admin_client.post(edit_url, form_data(group_page, "form[method=post]", **{box["name"]: box["value"]}))
    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert group.permissions.filter(pk=permission.pk).exists()

    client.force_login(admin_user_without_the_report)
    assert client.get(urls(page)[1]).status_code == 200
