"""Admin: the search terms report (search/admin_views.py) under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchTermsView, can_view_search_terms


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_search_terms(request.user)


@hooks.register("register_admin_urls")
def register_search_terms_url():
    return [path("search-terms/", SearchTermsView.as_view(), name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        _("What people search for"),
        reverse("search_terms_report"),
        name="what-people-search-for",
        icon_name="search",
        order=900,
    )
