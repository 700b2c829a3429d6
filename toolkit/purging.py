"""What changes to the self-assessment's content show on, for the HTTP cache in front
(pbr_site/core/purging.py sends it). Only the open data page is both public and kept by the
cache: the journey, its results and the landing page (its "Start now" form) are never cached.
It names the success factors and the sectors (the groups of responses).
"""

from django.db.models.signals import post_delete, post_save
from pbr_site.core import purging

OPEN_DATA_PATH = "open-data/"


def open_data_pages(_keys=()):
    """The open data page of every live self-assessment, in every language."""
    from .models import SelfAssessmentPage

    return {url + OPEN_DATA_PATH for url in purging.page_urls(SelfAssessmentPage.objects.live(), main_only=True)}


def names_changed(sender, instance, raw=False, **kwargs):
    """A success factor or a sector saved or deleted."""
    if purging.enabled() and not raw:
        purging.purge_later(open_data_pages, [True])


def connect():
    """Called from ToolkitConfig.ready()."""
    from literature.models import SectorTag

    from .models import SuccessFactor

    for model in (SuccessFactor, SectorTag):
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            purging.connect_receiver(signal, names_changed, model, f"toolkit-purging-{name}-{model.__name__}")
