from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search over every part, in both languages."""

    name = "search"
    verbose_name = "Site search"
