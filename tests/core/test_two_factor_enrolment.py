"""A first authenticator needs an administrator's enrolment link, not just the password; and
production settings refuse to run beside the demo accounts (issue #14, the High finding).

Driven through the real sign-in page, the 2FA pages and the administrators' Settings > Two-step
sign-in page (its forms posted back as rendered), with codes computed from the device's secret
as an authenticator app would."""

import io
import re
import subprocess
from datetime import timedelta
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from pbr_site.core import demo_accounts
from pbr_site.core.models import TwoFactorEnrolmentLink

from tests.core.test_admin_sign_in import LOGIN, code_for, confirmed_device, sign_in

PASSWORD = "a-new-starter's-long-password-7"
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
ASK = "ask an administrator for an enrolment link"


@pytest.fixture
def two_factor_on(settings):
    settings.PBR_ADMIN_2FA_REQUIRED = True


@pytest.fixture
def newcomer(db):
    """A new Editor, made by an administrator: a password, no authenticator yet."""
    user = get_user_model().objects.create_user("newcomer", "newcomer@clinks.example", PASSWORD, first_name="Nia")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def administrator(db):
    """A superuser of Clinks' own (not a demo account) who has set up their app."""
    user = get_user_model().objects.create_superuser("clinks-admin", "it@clinks.example", PASSWORD)
    return user


def printed_link(output):
    """The enrolment link a command printed (on a line of its own)."""
    return re.search(r"^(https?://\S+/admin/2fa/enrol/\S+/)$", output, re.M).group(1)


def issue(username):
    """The path of the link `manage.py two_factor_enrolment_link USERNAME` prints."""
    out = io.StringIO()
    call_command("two_factor_enrolment_link", username, stdout=out)
    return urlsplit(printed_link(out.getvalue())).path


def set_up_with(client, link_path, username=None, password=PASSWORD):
    """Open the link, sign in (when a username is given) and confirm the app: the response."""
    client.get(link_path)
    if username:
        sign_in(client, username, password)
    page = client.get(reverse("pbr_2fa_setup"))
    if page.status_code != 200:
        return page
    device = TOTPDevice.objects.filter(user__username=page.context["user"].username, confirmed=False).latest("pk")
    return client.post(reverse("pbr_2fa_setup"), {"otp_token": code_for(device), "next": "/admin/"})


# --- a password alone ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_password_alone_reaches_neither_the_users_page_nor_an_authenticator(client, newcomer, two_factor_on):
    # The audit's case: a superuser account's password known, no authenticator yet.
    target = get_user_model().objects.create_superuser("known-password", "x@clinks.example", PASSWORD)
    assert sign_in(client, "known-password", PASSWORD).status_code == 302
    response = client.get("/admin/users/")
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("pbr_2fa_setup")
    page = client.get(response["Location"])
    assert page.status_code == 403
    text = page.content.decode()
    assert ASK in text and "a password alone is not enough" in text
    assert "otpauth://" not in text and "otp_token" not in text
    # Posting a code anyway sets nothing up (no secret was ever shown or made).
    assert client.post(reverse("pbr_2fa_setup"), {"otp_token": "123456"}).status_code == 403
    assert not TOTPDevice.objects.filter(user=target).exists()
    assert client.get("/admin/users/").status_code == 302


@pytest.mark.django_db
def test_a_device_made_before_the_link_is_not_the_one_offered(client, newcomer, two_factor_on):
    """Someone who had the password before links were needed may have seen an unconfirmed
    device's secret: the link's set-up page offers a new one."""
    old = TOTPDevice.objects.create(user=newcomer, name="seen by someone else", confirmed=False)
    old.created_at = timezone.now() - timedelta(days=3)
    old.save()
    client.get(issue("newcomer"))
    sign_in(client, "newcomer", PASSWORD)
    page = client.get(reverse("pbr_2fa_setup"))
    assert page.status_code == 200
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert page.context["secret"] not in old.config_url


# --- the link -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_enrolment_link_sets_up_the_first_app_once(client, newcomer, two_factor_on):
    link = issue("newcomer")
    response = set_up_with(client, link, "newcomer")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert TOTPDevice.objects.get(user=newcomer).confirmed
    assert client.get("/admin/").status_code == 200
    assert TwoFactorEnrolmentLink.objects.get(user=newcomer).used_at is not None
    # The link is used up: opened again, even after the app is reset, it says so.
    TOTPDevice.objects.filter(user=newcomer).delete()
    client.logout()
    again = client.get(link)
    assert again.status_code == 403
    assert "already been used" in again.content.decode()
    sign_in(client, "newcomer", PASSWORD)
    assert client.get(reverse("pbr_2fa_setup")).status_code == 403


@pytest.mark.django_db
def test_an_expired_link_says_so(client, newcomer, two_factor_on):
    link = issue("newcomer")
    TwoFactorEnrolmentLink.objects.filter(user=newcomer).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(link)
    assert response.status_code == 403
    text = response.content.decode()
    assert "has expired" in text and ASK in text
    sign_in(client, "newcomer", PASSWORD)
    assert client.get(reverse("pbr_2fa_setup")).status_code == 403
    assert not TOTPDevice.objects.filter(user=newcomer).exists()


@pytest.mark.django_db
def test_a_link_that_expires_while_the_qr_code_is_shown_is_refused(client, newcomer, two_factor_on):
    client.get(issue("newcomer"))
    sign_in(client, "newcomer", PASSWORD)
    assert client.get(reverse("pbr_2fa_setup")).status_code == 200
    device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    TwoFactorEnrolmentLink.objects.filter(user=newcomer).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.post(reverse("pbr_2fa_setup"), {"otp_token": code_for(device)})
    assert response.status_code == 403 and "has expired" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=newcomer, confirmed=True).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["forged" + "x" * 37, "a", "%E2%80%AE", "²³", "." * 300])
def test_a_forged_link_says_it_is_not_valid(client, token, two_factor_on):
    response = client.get(f"/admin/2fa/enrol/{token}/")
    assert response.status_code == 403
    assert "This enrolment link is not valid" in response.content.decode()


@pytest.mark.django_db
def test_another_accounts_link_is_refused(client, newcomer, administrator, two_factor_on):
    link = issue("newcomer")
    # Opened, then signed in as someone else in the same browser.
    client.get(link)
    confirmed_device(administrator)
    other = get_user_model().objects.create_user("someone-else", "s@clinks.example", PASSWORD)
    other.groups.add(Group.objects.get(name="Editors"))
    sign_in(client, "someone-else", PASSWORD)
    page = client.get(reverse("pbr_2fa_setup"))
    assert page.status_code == 403
    assert "for a different account" in page.content.decode()
    assert not TOTPDevice.objects.filter(user=other).exists()
    # Opened while signed in as another account (an administrator trying the link they made).
    client.logout()
    sign_in(client, "clinks-admin", PASSWORD)
    opened = client.get(link)
    assert opened.status_code == 403 and "for a different account" in opened.content.decode()
    # The link still works for the person it was made for.
    client.logout()
    assert set_up_with(client, link, "newcomer").status_code == 302


@pytest.mark.django_db
def test_a_second_link_revokes_the_first(client, newcomer, two_factor_on):
    first, second = issue("newcomer"), issue("newcomer")
    response = client.get(first)
    assert response.status_code == 403
    assert "replaced by a newer one" in response.content.decode()
    assert set_up_with(client, second, "newcomer").status_code == 302


@pytest.mark.django_db
def test_the_command_refuses_someone_who_has_an_app(newcomer):
    confirmed_device(newcomer)
    with pytest.raises(Exception, match="already has an authenticator app.*reset_two_factor"):
        call_command("two_factor_enrolment_link", "newcomer", stdout=io.StringIO())
    with pytest.raises(Exception, match="No user called"):
        call_command("two_factor_enrolment_link", "nobody", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_link_is_printed_with_the_sites_public_address(newcomer, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://pbr.clinks.example"
    out = io.StringIO()
    call_command("two_factor_enrolment_link", "newcomer", stdout=out)
    assert re.search(r"^https://pbr\.clinks\.example/admin/2fa/enrol/[A-Za-z0-9_-]{40,}/$", out.getvalue(), re.M)
    # Only a hash of the token is kept.
    token = printed_link(out.getvalue()).rsplit("/", 2)[-2]
    assert not TwoFactorEnrolmentLink.objects.filter(token_hash=token).exists()
    assert TwoFactorEnrolmentLink.objects.filter(token_hash=TwoFactorEnrolmentLink.hash(token)).exists()


@pytest.mark.django_db
def test_a_verified_user_still_moves_to_a_new_phone_without_a_link(client, newcomer, two_factor_on):
    old = confirmed_device(newcomer)
    sign_in(client, "newcomer", PASSWORD)
    client.post(reverse("pbr_2fa_verify"), {"otp_token": code_for(old)})
    assert client.get(reverse("pbr_2fa_setup")).status_code == 200
    new = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    assert client.post(reverse("pbr_2fa_setup"), {"otp_token": code_for(new)}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=newcomer).values_list("pk", flat=True)) == [new.pk]


# --- administrators issue links in the admin --------------------------------------------------


def form_for(page, username):
    """(action, fields) of the form in `username`'s row, as rendered."""
    html = page.content.decode()
    row = re.search(rf'<tr data-username="{re.escape(username)}">(.*?)</tr>', html, re.S).group(1)
    form = re.search(r'<form method="post" action="([^"]+)">(.*?)</form>', row, re.S)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(2)))
    return unescape(form.group(1)), fields


@pytest.mark.django_db
def test_an_administrator_issues_a_link_in_the_admin_and_it_works(client, newcomer, administrator, two_factor_on):
    admin_browser = client
    device = confirmed_device(administrator)
    sign_in(admin_browser, "clinks-admin", PASSWORD)
    admin_browser.post(reverse("pbr_2fa_verify"), {"otp_token": code_for(device)})
    dashboard = admin_browser.get("/admin/")
    assert reverse("pbr_2fa_staff") in dashboard.content.decode(), "in the Settings menu"
    page = admin_browser.get(reverse("pbr_2fa_staff"))
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-username="newcomer"' in text and 'data-username="clinks-admin"' in text
    action, fields = form_for(page, "newcomer")
    issued = admin_browser.post(action, fields)
    assert issued.status_code == 200
    url = re.search(r'id="enrolment-link" value="([^"]+)"', issued.content.decode()).group(1)
    assert "/admin/2fa/enrol/" in url
    link = TwoFactorEnrolmentLink.objects.get(user=newcomer)
    assert link.issued_by == administrator
    # Shown once: the page again lists a pending link but not the link itself.
    again = admin_browser.get(reverse("pbr_2fa_staff")).content.decode()
    assert url not in again and "a link was issued" in again

    from django.test import Client

    newcomer_browser = Client()
    assert set_up_with(newcomer_browser, urlsplit(url).path, "newcomer").status_code == 302
    assert newcomer_browser.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_an_administrator_resets_a_lost_phone_in_the_admin(client, newcomer, administrator, two_factor_on):
    lost = confirmed_device(newcomer)
    device = confirmed_device(administrator)
    sign_in(client, "clinks-admin", PASSWORD)
    client.post(reverse("pbr_2fa_verify"), {"otp_token": code_for(device)})
    action, fields = form_for(client.get(reverse("pbr_2fa_staff")), "newcomer")
    assert fields["reset"] == "1"
    issued = client.post(action, fields)
    assert "no longer works" in issued.content.decode()
    assert not TOTPDevice.objects.filter(pk=lost.pk).exists()
    assert TwoFactorEnrolmentLink.objects.filter(user=newcomer, used_at__isnull=True).count() == 1


MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.mark.django_db
def test_only_superusers_issue_links(client, newcomer, editor, two_factor_on, settings):
    settings.PBR_ADMIN_2FA_REQUIRED = False
    client.force_login(editor, backend=MODEL_BACKEND)
    # Wagtail's answer to PermissionDenied in the admin: the dashboard, saying so.
    for response in (
        client.get(reverse("pbr_2fa_staff")),
        client.post(reverse("pbr_2fa_issue_link", args=[newcomer.pk])),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "you do not have permission" in client.get("/admin/").content.decode()
    assert not TwoFactorEnrolmentLink.objects.filter(user=newcomer).exists()
    assert reverse("pbr_2fa_staff") not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_issuing_for_an_unknown_account_says_so(client, administrator, settings):
    settings.PBR_ADMIN_2FA_REQUIRED = False
    client.force_login(administrator, backend=MODEL_BACKEND)
    for path in (
        reverse("pbr_2fa_issue_link", args=[999_999]),
        "/admin/two-step-sign-in/99999999999999999999999/link/",
    ):
        response = client.post(path, follow=True)
        assert response.status_code == 200
        assert "That account does not exist or cannot use the admin" in response.content.decode()
    assert not TwoFactorEnrolmentLink.objects.exists()
    assert client.get(reverse("pbr_2fa_issue_link", args=[administrator.pk])).status_code == 405


@pytest.mark.django_db
def test_the_enrolment_page_is_in_welsh_for_a_welsh_reader(client, two_factor_on):
    response = client.get("/admin/2fa/enrol/forged/", HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 403
    text = response.content.decode()
    assert "dolen gofrestru" in text and ASK not in text


# --- demo accounts under production settings -------------------------------------------------

PRODUCTION = override_settings(PBR_LOCAL_DEMO_USERS=False)


@pytest.mark.django_db
def test_the_demo_loader_keeps_its_accounts_in_the_demo_group():
    names = set(demo_accounts.demo_accounts().values_list("username", flat=True))
    assert names == {"admin", "editor", "moderator"}


@pytest.mark.django_db
def test_production_refuses_every_sign_in_while_a_demo_account_exists(client, administrator):
    with PRODUCTION:
        page = client.get(LOGIN)
        assert page.status_code == 503
        text = page.content.decode()
        assert "Signing in is switched off" in text
        assert "admin, editor, moderator" in text and "remove_demo_accounts" in text
        # Not the demo accounts, nor anyone else: nobody is signed in.
        for username in ("admin", "clinks-admin"):
            response = sign_in(client, username, PASSWORD)
            assert response.status_code == 503
            assert "_auth_user_id" not in client.session
        call_command("remove_demo_accounts", stdout=io.StringIO())
        assert client.get(LOGIN).status_code == 200
        assert sign_in(client, "clinks-admin", PASSWORD).status_code == 302
        assert client.session["_auth_user_id"] == str(administrator.pk)


@pytest.mark.django_db
def test_a_demo_accounts_session_ends_under_production_settings(client):
    client.force_login(get_user_model().objects.get(username="editor"), backend=MODEL_BACKEND)
    assert client.get("/admin/pages/").status_code == 200
    with PRODUCTION:
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and urlsplit(response["Location"]).path == LOGIN
        assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_dev_settings_sign_the_demo_accounts_in_as_before(client):
    editor = get_user_model().objects.get(username="editor")
    editor.set_password(PASSWORD)
    editor.save()
    assert client.get(LOGIN).status_code == 200
    assert sign_in(client, "editor", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_check_deploy_fails_while_a_demo_account_exists():
    with PRODUCTION:
        with pytest.raises(SystemCheckError) as failure:
            call_command("check", deploy=True, tags=["security"], stdout=io.StringIO(), stderr=io.StringIO())
        message = str(failure.value)
        assert "pbr.E001" in message and "admin, editor, moderator" in message
        assert "manage.py remove_demo_accounts" in message
        out = io.StringIO()
        call_command("remove_demo_accounts", stdout=out)
        assert "Deleted 3 demo account(s): admin, editor, moderator" in out.getvalue()
        call_command(
            "check", deploy=True, tags=["security"], stdout=io.StringIO(), stderr=io.StringIO()
        )  # no error now
    assert not Group.objects.filter(name=demo_accounts.GROUP_NAME).exists()


@pytest.mark.django_db
def test_the_production_loader_makes_no_accounts_and_names_the_ones_there():
    User = get_user_model()
    with PRODUCTION:
        err = io.StringIO()
        call_command("load_demo_content", stdout=io.StringIO(), stderr=err)
        assert "Demo accounts exist (admin, editor, moderator)" in err.getvalue()
        call_command("remove_demo_accounts", stdout=io.StringIO())
        before = User.objects.count()
        err = io.StringIO()
        call_command("load_demo_content", stdout=io.StringIO(), stderr=err)
        assert User.objects.count() == before
        assert not User.objects.filter(username__in=demo_accounts.USERNAMES).exists()
        assert err.getvalue() == ""


@pytest.mark.django_db
def test_the_loader_marks_demo_accounts_it_made_before_the_group_existed():
    group = Group.objects.get(name=demo_accounts.GROUP_NAME)
    group.user_set.clear()
    call_command("load_demo_content", stdout=io.StringIO())
    assert demo_accounts.demo_accounts().count() == 3


@pytest.mark.django_db
def test_the_migration_marks_demo_accounts_an_older_loader_made(newcomer):
    from importlib import import_module

    Group.objects.filter(name=demo_accounts.GROUP_NAME).delete()
    migration = import_module("pbr_site.core.migrations.0004_two_factor_enrolment_link")
    migration.mark_demo_accounts(django_apps, None)
    assert set(demo_accounts.demo_accounts().values_list("username", flat=True)) == {"admin", "editor", "moderator"}
    assert newcomer not in demo_accounts.demo_accounts()


def test_make_serve_loads_and_checks_under_production_settings_before_gunicorn():
    """`make serve`'s recipe (as make would run it): the loader and `check --deploy` run with
    production settings, and gunicorn only if the check passes."""
    recipe = subprocess.run(["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    script = recipe[recipe.index("export DJANGO_SETTINGS_MODULE=pbr_site.settings.production") :]
    assert "manage.py load_demo_content" not in recipe[: recipe.index("export DJANGO_SETTINGS_MODULE")]
    loader = script.index("manage.py load_demo_content &&")
    check = script.index("manage.py check --deploy &&")
    assert loader < check < script.index("gunicorn pbr_site.wsgi")
