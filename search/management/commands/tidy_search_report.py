"""Remove from the editors' search report every query that is not an ordinary one (too
long, holding a control or invisible character, or showing nothing): what a script or an
audit left there before the report kept only ordinary queries. Queries an editor has
promoted a page for are kept. `--dry-run` only counts them."""

from django.core.management.base import BaseCommand
from wagtail.contrib.search_promotions.models import Query

from search.text import is_ordinary_query


class Command(BaseCommand):
    help = "Remove queries that are not ordinary ones from the search report."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count them, remove nothing.")

    def handle(self, *args, dry_run=False, **options):
        queries = Query.objects.filter(editors_picks__isnull=True).values_list("pk", "query_string")
        hostile = [pk for pk, text in queries.iterator() if not is_ordinary_query(text)]
        if not dry_run:
            for start in range(0, len(hostile), 500):
                Query.objects.filter(pk__in=hostile[start : start + 500]).delete()
        verb = "Would remove" if dry_run else "Removed"
        self.stdout.write(f"{verb} {len(hostile)} queries that are not ordinary ones from the search report.")
