"""What visitors search for and find nothing: the gaps in the content.

Wagtail's search promotions app keeps every query and its daily hits (the popular
queries); this adds, beside it, the days a query found nothing.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QueryWithoutResults(models.Model):
    query = models.ForeignKey(
        "wagtailsearchpromotions.Query", on_delete=models.CASCADE, related_name="days_without_results"
    )
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")
        constraints = [models.UniqueConstraint(fields=["query", "date"], name="one_row_per_query_and_day")]

    def __str__(self):
        return f"{self.query} ({self.date}: {self.hits})"


def _add_today(rows, query_id, today):
    """Today's first hit for a query. Should another visitor's first hit land in the same
    instant, one of the two is not counted: a fair price for no savepoint on every search."""
    rows.bulk_create([rows.model(query_id=query_id, date=today, hits=1)], ignore_conflicts=True)


def log_search(query_string, found_anything, may_add=None):
    """Record a search in Wagtail's query log (its popular queries), and among the searches
    that found nothing when it did. One UPDATE when the same search was made earlier today.

    `may_add`: called, only when the query has never been recorded, to say whether it may be
    added now (search/views.py limits each client to one new query a minute); a query already
    in the report is always counted."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
    from wagtail.search.utils import normalise_query_string

    normalised = normalise_query_string(query_string)
    today = timezone.now().date()
    logs = [QueryDailyHits.objects] + ([] if found_anything else [QueryWithoutResults.objects])
    query_id = None
    for rows in logs:
        if rows.filter(date=today, query__query_string=normalised).update(hits=F("hits") + 1):
            continue
        if query_id is None:
            query_id = Query.objects.filter(query_string=normalised).values_list("pk", flat=True).first()
        if query_id is None:
            if may_add is not None and not may_add():
                return
            Query.objects.bulk_create([Query(query_string=normalised)], ignore_conflicts=True)
            query_id = Query.objects.filter(query_string=normalised).values_list("pk", flat=True).first()
        _add_today(rows, query_id, today)
