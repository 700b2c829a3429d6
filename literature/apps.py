from django.apps import AppConfig


class LiteratureConfig(AppConfig):
    """The literature review (digests, glossary) and the resource pack (bibliography)."""

    name = "literature"
    verbose_name = "Literature review and resource pack"
