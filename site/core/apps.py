from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide pages, blocks and template tags that the three parts share."""

    name = "pbr_site.core"
    label = "core"
    verbose_name = "Site-wide pages"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import post_page_move

        from . import checks, purging  # noqa: F401 (checks registers the system checks on import)
        from .templatetags.core_tags import note_chrome_change

        purging.connect()
        # Any model: a page's signals are sent with its own type as sender.
        for signal in (post_save, post_delete, post_page_move):
            signal.connect(note_chrome_change, dispatch_uid=f"site-chrome-{id(signal)}")
