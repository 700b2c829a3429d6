from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide pages, blocks and template tags that the three parts share."""

    name = "pbr_site.core"
    label = "core"
    verbose_name = "Site-wide pages"

    def ready(self):
        from . import checks, purging  # noqa: F401 (checks registers the system checks on import)

        purging.connect()
