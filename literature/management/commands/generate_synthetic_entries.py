"""Fill the resource pack with N synthetic entries for load testing.

They are clearly marked (is_synthetic, and a title starting "[Synthetic]"), never part of
the demo content, and removed with --delete. Runs in bulk: 10,000 entries take seconds.
"""

import datetime
import random

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.search.backends import get_search_backend

from literature.models import (
    BibliographyEntry,
    EntryAuthor,
    EntrySectorTag,
    EntryThemeTag,
    PublicationType,
    SectorTag,
    ThemeTag,
)

WORDS = (
    "outcome payment results probation housing recovery employment families evaluation pricing risk "
    "provider commissioner contract cohort reoffending baseline market voluntary social investment"
).split()
COUNTRIES = ["United Kingdom", "United Kingdom", "United Kingdom", "United States", "Australia", "Netherlands"]


class Command(BaseCommand):
    help = "Create N synthetic bibliography entries for load testing (or --delete them)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, nargs="?", default=10000)
        parser.add_argument("--delete", action="store_true", help="Remove every synthetic entry instead.")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, delete, seed, **options):
        if delete:
            deleted, _ = BibliographyEntry.objects.filter(is_synthetic=True).delete()
            self.stdout.write(f"Deleted {deleted} synthetic objects.")
            return
        rng = random.Random(seed)  # noqa: S311 (made-up test data, repeatable from a seed: not a secret)
        sectors = list(SectorTag.objects.all())
        themes = list(ThemeTag.objects.all())
        start = BibliographyEntry.objects.filter(is_synthetic=True).count()
        today = datetime.date.today()
        with transaction.atomic():
            entries = BibliographyEntry.objects.bulk_create(
                [
                    BibliographyEntry(
                        title=f"[Synthetic] {' '.join(rng.sample(WORDS, 6)).capitalize()} {start + i + 1}",
                        year=rng.randint(1995, 2026),
                        publication_type=rng.choice(PublicationType.values),
                        publisher=rng.choice(["", "Synthetic Press", "Example Institute"]),
                        journal=rng.choice(["", "", "Journal of Synthetic Studies"]),
                        country=rng.choice(COUNTRIES),
                        summary="Synthetic entry for load testing: " + " ".join(rng.sample(WORDS, 12)) + ".",
                        added_on=today - datetime.timedelta(days=rng.randint(0, 2000)),
                        is_synthetic=True,
                        live=True,
                    )
                    for i in range(count)
                ],
                batch_size=1000,
            )
            EntryAuthor.objects.bulk_create(
                [
                    EntryAuthor(entry=entry, name=f"Author{rng.randint(1, 500)}, A.", sort_order=n)
                    for entry in entries
                    for n in range(rng.randint(1, 3))
                ],
                batch_size=2000,
            )
            if sectors:
                EntrySectorTag.objects.bulk_create(
                    [
                        EntrySectorTag(content_object=entry, tag=tag)
                        for entry in entries
                        for tag in rng.sample(sectors, min(2, len(sectors)))
                    ],
                    batch_size=2000,
                )
            if themes:
                EntryThemeTag.objects.bulk_create(
                    [
                        EntryThemeTag(content_object=entry, tag=tag)
                        for entry in entries
                        for tag in rng.sample(themes, min(2, len(themes)))
                    ],
                    batch_size=2000,
                )
        # bulk_create sends no signals, so index them as the site search and the pack's
        # search box would find any other entry.
        backend = get_search_backend()
        created = BibliographyEntry.objects.filter(pk__in=[entry.pk for entry in entries]).prefetch_related("authors")
        for start in range(0, len(entries), 1000):
            backend.add_bulk(BibliographyEntry, list(created[start : start + 1000]))
        self.stdout.write(f"Created {count} synthetic entries.")
