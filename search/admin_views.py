"""What visitors search for, for editors: the most popular queries and the queries that
found nothing (the gaps in the content), over a chosen number of days, each with a link to
promote a page for it (Wagtail's search promotions).

Editors and Moderators see it (permission "wagtailsearchpromotions.add_searchpromotion",
given to both groups by search/demo_loader.py); Wagtail's own "Search terms" report is for
superusers only.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import F, Max, Sum
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from pbr_site.core.text import ascii_int
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.contrib.search_promotions.models import Query

from .models import QueryWithoutResults

PERMISSION = "wagtailsearchpromotions.add_searchpromotion"
PERIODS = (7, 30, 90, 365)
ROWS_SHOWN = 50


def can_view_search_terms(user):
    return user.is_active and user.has_perm(PERMISSION)


@method_decorator(never_cache, name="dispatch")
class SearchTermsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/search_terms.html"
    page_title = gettext_lazy("What people search for")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_search_terms(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": None, "label": self.page_title}]

    def get_context_data(self, **kwargs):
        days = ascii_int(self.request.GET.get("days"))
        days = days if days in PERIODS else 30
        since = timezone.now().date() - datetime.timedelta(days=days - 1)
        popular = (
            Query.objects.filter(daily_hits__date__gte=since)
            .annotate(searches=Sum("daily_hits__hits"), last=Max("daily_hits__date"))
            .order_by("-searches", "query_string")[:ROWS_SHOWN]
        )
        unanswered = (
            QueryWithoutResults.objects.filter(date__gte=since)
            .values(query_string=F("query__query_string"))
            .annotate(searches=Sum("hits"), last=Max("date"))
            .order_by("-searches", "query_string")[:ROWS_SHOWN]
        )
        return {
            **super().get_context_data(**kwargs),
            "days": days,
            "periods": PERIODS,
            "popular": popular,
            "unanswered": unanswered,
        }
