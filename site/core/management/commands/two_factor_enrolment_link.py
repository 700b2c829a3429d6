"""`manage.py two_factor_enrolment_link USERNAME`: print a single-use link (valid 24 hours) with
which that staff member sets up their first authenticator app; any older link of theirs stops
working. The first administrator on a new server: `createsuperuser`, then this."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import user_has_device
from pbr_site.core.two_factor import issue_enrolment_link


class Command(BaseCommand):
    help = "Print a single-use enrolment link with which USERNAME sets up their first authenticator app."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        if user_has_device(user):
            raise CommandError(
                f"{username} already has an authenticator app. If they have lost it, run "
                f"`manage.py reset_two_factor {username}` (which removes it and prints a link)."
            )
        link, url = issue_enrolment_link(user)
        self.stdout.write(
            f"Enrolment link for {username} (works once, until {link.expires_at:%Y-%m-%d %H:%M %Z}):\n{url}\n"
            "They open it in the browser they sign in with, sign in with their password and set up "
            "their authenticator app. Any earlier link for them no longer works."
        )
