"""Import bibliography entries from a CSV, BibTeX or RIS file, reporting row by row.

    python manage.py import_bibliography pack.csv [--dry-run] [--draft]

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
        parser.add_argument("--draft", action="store_true", help="Leave new and changed entries unpublished.")

    def handle(self, *args, path, dry_run, draft, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        text = decode_upload(file.read_bytes())
        rows = Importer(publish=not draft, dry_run=dry_run).import_text(text, file.name)
        totals = {}
        for row in rows:
            totals[row.outcome] = totals.get(row.outcome, 0) + 1
            line = f"{row.position}: {row.outcome}: {row.title}"
            if row.message:
                line = row.message if row.outcome == "rejected" else f"{line} ({row.message})"
            self.stdout.write(line)
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(totals.items())) or "nothing"
        self.stdout.write(("Dry run, nothing saved: " if dry_run else "") + summary)
