"""`manage.py remove_demo_accounts`: delete the local demo accounts (admin, editor, moderator,
kept in the "Local demo accounts" group; see pbr_site.core.demo_accounts). Production settings
refuse to sign anyone in while one exists. Pages they edited stay; their names leave the
history."""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from pbr_site.core import demo_accounts


class Command(BaseCommand):
    help = "Delete the local demo accounts (admin, editor, moderator) and their group."

    def handle(self, **options):
        with transaction.atomic():
            accounts = list(demo_accounts.demo_accounts())
            for account in accounts:
                account.delete()
            Group.objects.filter(name=demo_accounts.GROUP_NAME).delete()
        names = ", ".join(account.get_username() for account in accounts)
        self.stdout.write(f"Deleted {len(accounts)} demo account(s){': ' + names if names else ''}.")
