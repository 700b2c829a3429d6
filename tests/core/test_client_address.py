"""Whose address a request is counted under (rate limits, sign-in lockouts), with and without
proxies of our own in front, and the limit on failed sign-ins per username from every address.
Driven through the site search (rate-limited per client) and the admin's sign-in page."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from pbr_site.core.ratelimit import client_address

PASSWORD = "correct-horse-battery-staple-42"
SEARCH = "/en/search/?q=prison"


def search(client, **headers):
    return client.get(SEARCH, **headers).status_code


@pytest.fixture
def one_search_a_minute(settings):
    settings.SEARCH_RATE_LIMIT = (1, 60)


@pytest.mark.django_db
def test_without_proxies_a_forwarded_for_header_changes_nothing(client, settings, one_search_a_minute):
    settings.TRUSTED_PROXY_COUNT = 0
    assert search(client, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.1") == 200
    # Writing a new address into the header each time does not buy another search.
    assert search(client, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.2") == 429


@pytest.mark.django_db
def test_behind_one_proxy_each_visitor_has_their_own_count(client, settings, one_search_a_minute):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"  # every request arrives from the proxy
    assert search(client, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5") == 200
    assert search(client, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.6") == 200  # someone else
    assert search(client, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5") == 429
    # The first visitor again, putting a made-up address in front of what the proxy appended.
    assert search(client, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.77, 203.0.113.5") == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "remote", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.2", "10.0.0.2"),
        (1, "203.0.113.5", "10.0.0.2", "203.0.113.5"),
        (1, "made-up, 203.0.113.5", "10.0.0.2", "203.0.113.5"),
        (1, " 2001:DB8:0:0::1 ", "10.0.0.2", "2001:db8::1"),  # written the usual way
        (2, "made-up, 203.0.113.5, 10.0.0.1", "10.0.0.2", "203.0.113.5"),  # the outer proxy saw the client
        (2, "203.0.113.5", "10.0.0.2", "10.0.0.2"),  # fewer items than proxies: not through ours
        (1, "", "10.0.0.2", "10.0.0.2"),
        (1, "not-an-address", "10.0.0.2", "10.0.0.2"),
        (1, "203.0.113.5:4711", "10.0.0.2", "10.0.0.2"),
        (1, "<script>", "", ""),
        (0, "", "unix-socket", ""),
    ],
)
def test_the_address_counted(settings, proxies, forwarded_for, remote, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_address(request) == expected


# --- signing in ---------------------------------------------------------------------------
@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "caseworker-lead", "lead@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, username, password, **extra):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **extra)


@pytest.mark.django_db
def test_a_failed_sign_in_with_a_made_up_forwarded_address_is_just_a_failed_sign_in(client, settings, staff):
    settings.TRUSTED_PROXY_COUNT = 1
    response = sign_in(
        client, "caseworker-lead", "wrong", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="'; DROP TABLE users; --"
    )
    assert response.status_code == 200  # the form again, with its error
    assert AccessAttempt.objects.get(username="caseworker-lead").ip_address == "10.0.0.2"


@pytest.mark.django_db
def test_behind_a_proxy_a_lockout_is_for_the_guessers_address_only(client, settings, staff):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(
            client, "caseworker-lead", f"wrong-{attempt}", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66"
        )
    assert (
        sign_in(
            client, "caseworker-lead", PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66"
        ).status_code
        == 429
    )
    # The member of staff, through the same proxy from their own address, signs in.
    response = sign_in(
        client, "caseworker-lead", PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20"
    )
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(staff.pk)


@pytest.mark.django_db
def test_guessing_one_password_from_many_addresses_is_paused(client, settings, staff):
    limit = settings.USERNAME_FAILURE_LIMIT
    assert settings.AXES_FAILURE_LIMIT < limit <= 50 and settings.USERNAME_FAILURE_WINDOW <= 30 * 60
    for attempt in range(limit):  # each address stays under axes' own limit
        response = sign_in(client, "caseworker-lead", f"guess-{attempt}", REMOTE_ADDR=f"203.0.113.{attempt + 1}")
        assert response.status_code == 200, attempt
    # From a new address, even the right password is refused for now, with a page saying why.
    paused = sign_in(client, "caseworker-lead", PASSWORD, REMOTE_ADDR="198.51.100.99")
    assert paused.status_code == 429
    text = paused.content.decode()
    assert "Too many sign-in attempts" in text and "signing in to it is paused for now" in text
    assert f"Try again in {settings.USERNAME_FAILURE_WINDOW // 60} minutes" in text
    assert "_auth_user_id" not in client.session
    # Other accounts are not affected.
    other = get_user_model().objects.create_user("editor-two", password=PASSWORD, is_staff=True, is_superuser=True)
    response = sign_in(client, "editor-two", PASSWORD, REMOTE_ADDR="198.51.100.99")
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(other.pk)


@pytest.mark.django_db
def test_a_few_mistakes_from_several_places_do_not_pause_an_account(client, settings, staff):
    for attempt in range(settings.AXES_FAILURE_LIMIT * 2):
        sign_in(client, "caseworker-lead", f"typo-{attempt}", REMOTE_ADDR=f"198.51.100.{attempt % 3 + 1}")
    response = sign_in(client, "caseworker-lead", PASSWORD, REMOTE_ADDR="198.51.100.50")
    assert response.status_code == 302
