"""Signing in to the Wagtail admin: axes locks out password guessing, and staff must verify a
one-time password (django-otp TOTP) before any admin page. Driven through the real sign-in
page and the 2FA pages, with codes computed from the device's secret as an app would."""

import io
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct-horse-battery-staple-42"
LOGIN = "/admin/login/"


@pytest.fixture
def staff(db):
    user = get_user_model().objects.get(username="moderator")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def two_factor_on(settings):
    settings.PBR_ADMIN_2FA_REQUIRED = True


def sign_in(client, username, password, next_url="/admin/pages/", **extra):
    return client.post(LOGIN, {"username": username, "password": password, "next": next_url}, **extra)


def code_for(device, offset_steps=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset_steps * device.step
    return f"{totp.token():0{device.digits}d}"


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


# --- axes: password guessing ------------------------------------------------------------


@pytest.mark.django_db
def test_five_wrong_passwords_lock_that_username_from_that_address(client, staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for attempt in range(4):
        response = sign_in(client, "moderator", f"wrong-{attempt}")
        assert response.status_code == 200, "a wrong password shows the form again"
    locked = sign_in(client, "moderator", "wrong-again")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Too many sign-in attempts" in text
    assert "failed 5 times in a row" in text
    assert "Try again in 30 minutes" in text
    # Now even the right password is refused, so guessing gains nothing.
    refused = sign_in(client, "moderator", PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="moderator", failures_since_start__gte=5).exists()


@pytest.mark.django_db
def test_lockout_is_per_username_and_address(client, staff):
    for attempt in range(5):
        sign_in(client, "moderator", f"wrong-{attempt}", REMOTE_ADDR="203.0.113.9")
    assert sign_in(client, "moderator", PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    # The same person from another address is not locked out, and can sign in.
    response = sign_in(client, "moderator", PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


@pytest.mark.django_db
def test_a_successful_sign_in_resets_the_count(client, staff):
    for attempt in range(4):
        sign_in(client, "moderator", f"wrong-{attempt}")
    assert sign_in(client, "moderator", PASSWORD).status_code == 302
    client.logout()
    for attempt in range(4):
        assert sign_in(client, "moderator", f"wrong-again-{attempt}").status_code == 200
    assert sign_in(client, "moderator", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_an_administrator_can_lift_a_lockout(client, staff):
    for attempt in range(5):
        sign_in(client, "moderator", f"wrong-{attempt}")
    assert sign_in(client, "moderator", PASSWORD).status_code == 429
    call_command("axes_reset_username", "moderator", verbosity=0)
    assert sign_in(client, "moderator", PASSWORD).status_code == 302


# --- two-factor ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_password_alone_does_not_reach_the_admin(client, staff, two_factor_on):
    confirmed_device(staff)
    response = sign_in(client, "moderator", PASSWORD, next_url="/admin/pages/")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == reverse("pbr_2fa_verify")
    assert parse_qs(target.query)["next"] == ["/admin/pages/"]
    for url in ("/admin/", "/admin/pages/", "/admin/documents/", "/admin/users/"):
        assert client.get(url).status_code == 302, url
        assert urlsplit(client.get(url)["Location"]).path == reverse("pbr_2fa_verify")


@pytest.mark.django_db
def test_the_two_factor_page_gets_the_admin_icons_not_a_copy_of_itself(client, staff, two_factor_on):
    """The 2FA pages load the admin's icon sprite: redirected, its HTML was the 2FA page."""
    confirmed_device(staff)
    sign_in(client, "moderator", PASSWORD, next_url="/admin/pages/")
    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200 and b"<svg" in sprite.content and b"otp" not in sprite.content.lower()


@pytest.mark.django_db
def test_a_wrong_code_is_refused_and_the_right_one_lets_you_in(client, staff, two_factor_on):
    device = confirmed_device(staff)
    sign_in(client, "moderator", PASSWORD)
    verify_url = reverse("pbr_2fa_verify") + "?next=/admin/pages/"
    page = client.get(verify_url)
    assert page.status_code == 200
    assert "Enter the code from your authenticator app" in page.content.decode()

    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(verify_url, {"otp_token": wrong, "next": "/admin/pages/"})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0  # django-otp's back-off after the wrong code
    device.throttling_failure_timestamp = None
    device.save()
    response = client.post(verify_url, {"otp_token": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_verify_refuses_to_send_you_off_site(client, staff, two_factor_on):
    device = confirmed_device(staff)
    sign_in(client, "moderator", PASSWORD)
    response = client.post(
        reverse("pbr_2fa_verify"), {"otp_token": code_for(device), "next": "https://evil.example.com/"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def enrolment_link_path(username, command="two_factor_enrolment_link"):
    """The path of the enrolment link an administrator's command prints (the last line)."""
    out = io.StringIO()
    call_command(command, username, stdout=out)
    url = re.search(r"^(https?://\S+/admin/2fa/enrol/\S+/)$", out.getvalue(), re.M).group(1)
    return urlsplit(url).path


@pytest.mark.django_db
def test_first_sign_in_sets_up_an_authenticator_app_with_an_enrolment_link(client, staff, two_factor_on):
    assert not TOTPDevice.objects.filter(user=staff).exists()
    # The administrator sends the link; the new member of staff opens it, then signs in.
    opened = client.get(enrolment_link_path("moderator"))
    assert opened.status_code == 302
    response = client.get(opened["Location"])
    assert urlsplit(response["Location"]).path == LOGIN
    sign_in(client, "moderator", PASSWORD)
    response = client.get("/admin/")
    assert urlsplit(response["Location"]).path == reverse("pbr_2fa_setup")

    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert "otpauth://totp/" in html
    assert "<svg" in html, "a QR code drawn on the page"
    secret = page.context["secret"]
    assert secret in html
    # The secret shown is the device's key, so an app set up from it gives valid codes.
    assert page.context["config_url"] == device.config_url
    assert f"secret={secret}" in device.config_url

    wrong = client.post(reverse("pbr_2fa_setup"), {"otp_token": "000000x"})
    assert wrong.status_code == 200
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed

    response = client.post(reverse("pbr_2fa_setup"), {"otp_token": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200

    # Next time: password, then a code; setup is not offered again.
    client.logout()
    sign_in(client, "moderator", PASSWORD)
    assert urlsplit(client.get("/admin/")["Location"]).path == reverse("pbr_2fa_verify")


@pytest.mark.django_db
def test_a_password_alone_cannot_replace_an_existing_device(client, staff, two_factor_on):
    device = confirmed_device(staff)
    sign_in(client, "moderator", PASSWORD)
    response = client.get(reverse("pbr_2fa_setup"))
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("pbr_2fa_verify")
    assert list(TOTPDevice.objects.filter(user=staff)) == [device]
    assert client.post(reverse("pbr_2fa_setup"), {"otp_token": "123456"}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=staff)) == [device]


@pytest.mark.django_db
def test_a_verified_user_moves_to_a_new_phone(client, staff, two_factor_on):
    old = confirmed_device(staff)
    sign_in(client, "moderator", PASSWORD)
    client.post(reverse("pbr_2fa_verify"), {"otp_token": code_for(old)})
    page = client.get(reverse("pbr_2fa_setup"))
    assert page.status_code == 200
    new = TOTPDevice.objects.get(user=staff, confirmed=False)
    response = client.post(reverse("pbr_2fa_setup"), {"otp_token": code_for(new)})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=staff).values_list("pk", "confirmed")) == [(new.pk, True)]


@pytest.mark.django_db
def test_reset_two_factor_command_removes_the_devices_and_gives_a_link(client, staff, two_factor_on):
    confirmed_device(staff)
    link = enrolment_link_path("moderator", command="reset_two_factor")
    assert not TOTPDevice.objects.filter(user=staff).exists()
    sign_in(client, "moderator", PASSWORD)
    setup_url = client.get("/admin/")["Location"]
    assert urlsplit(setup_url).path == reverse("pbr_2fa_setup")
    # The password alone does not set up a new app ...
    refused = client.get(setup_url)
    assert refused.status_code == 403
    assert "ask an administrator for an enrolment link" in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=staff).exists()
    # ... the link printed by the reset does.
    assert client.get(link)["Location"] == reverse("pbr_2fa_setup")
    client.get(reverse("pbr_2fa_setup"))
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert client.post(reverse("pbr_2fa_setup"), {"otp_token": code_for(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_public_site_and_anonymous_sign_in_page_are_unaffected(client, two_factor_on):
    assert client.get("/en/").status_code == 200
    assert client.get(LOGIN).status_code == 200
    # Anonymous visitors still get Wagtail's own redirect to the sign-in page.
    response = client.get("/admin/pages/")
    assert urlsplit(response["Location"]).path == LOGIN


@pytest.mark.django_db
def test_two_factor_is_on_unless_a_setting_turns_it_off(client, staff, settings):
    """Production and base settings require it; dev and test turn it off for the demo accounts."""
    from pbr_site.settings import base

    assert base.PBR_ADMIN_2FA_REQUIRED is True
    settings.PBR_ADMIN_2FA_REQUIRED = False
    sign_in(client, "moderator", PASSWORD)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_account_page_links_to_setting_up_a_new_app(client, staff, two_factor_on):
    device = confirmed_device(staff)
    sign_in(client, "moderator", PASSWORD)
    client.post(reverse("pbr_2fa_verify"), {"otp_token": code_for(device)})
    page = client.get(reverse("wagtailadmin_account"))
    assert page.status_code == 200
    assert f'href="{reverse("pbr_2fa_setup")}"' in page.content.decode()
    assert "Set up a new authenticator app" in page.content.decode()
