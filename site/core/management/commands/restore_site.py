"""`manage.py restore_site FILE.zip`: load a backup_site file into an empty, migrated database
(`manage.py migrate` first), put the uploaded files back and rebuild the search index."""

from django.core.management.base import BaseCommand, CommandError
from pbr_site.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by backup_site into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete everything in a database that already has content, then restore",
        )

    def handle(self, file, replace=False, **options):
        try:
            manifest = restore(file, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"Restored {rows} rows and {len(manifest['files'])} files from {file} (made {manifest['created']})."
        )
        self.stdout.write(
            "Nobody has an authenticator app now: run `python manage.py two_factor_enrolment_link USERNAME` "
            "for an administrator, who then issues links to the others under Settings > Two-step sign-in."
        )
