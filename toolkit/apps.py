from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    """The self-assessment: a questionnaire scored against PbR's critical success factors."""

    name = "toolkit"
    verbose_name = "Self-assessment toolkit"

    def ready(self):
        from . import purging

        # The HTTP cache in front forgets the open data page when a name it shows changes.
        purging.connect()
