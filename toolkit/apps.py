from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    """The self-assessment: a questionnaire scored against PbR's critical success factors."""

    name = "toolkit"
    verbose_name = "Self-assessment toolkit"

    def ready(self):
        from pbr_site.core.reference_index import index_child_rows_through_their_parent

        from . import models, purging

        # A factor's digests are indexed with the factor (pbr_site/core/reference_index.py).
        index_child_rows_through_their_parent(models.SuccessFactor, models.SuccessFactorDigest)

        # The HTTP cache in front forgets the open data page when a name it shows changes.
        purging.connect()
