"""`manage.py backup_site FILE.zip`: the content, the responses and the uploaded files in one
file (see pbr_site/core/backup.py for what is in it and what is left out)."""

from django.core.management.base import BaseCommand
from pbr_site.core.backup import backup


class Command(BaseCommand):
    help = (
        "Back up pages, revisions, translations, snippets, tags, users, documents, images and responses to a zip file."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the zip file to write, e.g. var/backups/pbr-2026-12-01.zip")

    def handle(self, file, **options):
        manifest = backup(file)
        rows = sum(manifest["rows"].values())
        self.stdout.write(f"Wrote {file}: {rows} rows, {len(manifest['files'])} files.")
        for name in manifest["missing_files"]:
            self.stderr.write(f"Not backed up (missing from storage): {name}")
