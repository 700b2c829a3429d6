"""Import bibliography entries from a CSV, BibTeX or RIS file, reporting row by row.

    python manage.py import_bibliography pack.csv [--dry-run] [--publish]

New and changed entries are drafts for a Moderator to publish, as from the admin, unless
--publish says otherwise (for whoever runs the server, who may publish anything anyway).
See literature/bibliography_io.py for how records are matched and updated; the admin's
"Import bibliography" page does the same from an upload.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from literature.bibliography_io import Importer
from literature.formats import decode_upload


class Command(BaseCommand):
    help = "Import bibliography entries from a CSV, BibTeX (.bib) or RIS (.ris) file."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen, change nothing.")
        parser.add_argument("--publish", action="store_true", help="Publish new and changed entries (default: drafts).")

    def handle(self, *args, path, dry_run, publish, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        text = decode_upload(file.read_bytes())
        rows = Importer(publish=publish, dry_run=dry_run).import_text(text, file.name)
        totals = {}
        for row in rows:
            totals[row.outcome] = totals.get(row.outcome, 0) + 1
            line = f"{row.position}: {row.outcome}: {row.title}"
            if row.message:
                line = row.message if row.outcome == "rejected" else f"{line} ({row.message})"
            self.stdout.write(line)
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(totals.items())) or "nothing"
        self.stdout.write(("Dry run, nothing saved: " if dry_run else "") + summary)
