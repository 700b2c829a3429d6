"""Remove a staff member's authenticator devices (lost phone) and print an enrolment link with
which they set up a new one (two_factor.py). Their password is unchanged."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from pbr_site.core.two_factor import issue_enrolment_link


class Command(BaseCommand):
    help = "Reset a user's two-step sign-in and print the enrolment link they set it up again with."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        with transaction.atomic():
            deleted, _ = TOTPDevice.objects.filter(user=user).delete()
            link, url = issue_enrolment_link(user)
        self.stdout.write(
            f"Removed {deleted} device(s) for {username}. Send them this enrolment link "
            f"(works once, until {link.expires_at:%Y-%m-%d %H:%M %Z}):\n{url}"
        )
