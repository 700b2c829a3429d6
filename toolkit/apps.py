from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    """The self-assessment: a questionnaire scored against PbR's critical success factors."""

    name = "toolkit"
    verbose_name = "Self-assessment toolkit"
