from django.apps import AppConfig


class LiteratureConfig(AppConfig):
    """The literature review (digests, glossary) and the resource pack (bibliography)."""

    name = "literature"
    verbose_name = "Literature review and resource pack"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from pbr_site.core.reference_index import index_child_rows_through_their_parent

        from . import models, pack, purging, signals

        # A digest's references and a term's digests are indexed with their page or term, not in a
        # task each that fails once Wagtail has replaced the row (pbr_site/core/reference_index.py).
        index_child_rows_through_their_parent(models.DigestPage, models.DigestReference)
        index_child_rows_through_their_parent(models.GlossaryTerm, models.GlossaryTermDigest)

        # Any change to the pack invalidates its cached filter counts.
        for model in (
            models.BibliographyEntry,
            models.EntryAuthor,
            models.EntrySectorTag,
            models.EntryThemeTag,
            models.SectorTag,
            models.ThemeTag,
        ):
            post_save.connect(pack.bump_pack_version, sender=model, dispatch_uid=f"pack-version-save-{model.__name__}")
            post_delete.connect(pack.bump_pack_version, sender=model, dispatch_uid=f"pack-version-del-{model.__name__}")
        # The full review's PDFs follow every publish and unpublish (review_pdf.py).
        signals.connect()
        # The HTTP cache in front forgets every page a change shows on (purging.py).
        purging.connect()
        # Suggesters hear when the entry made from (or matching) their suggestion goes live,
        # however it is published (admin, import or command).
        from wagtail.signals import published

        from .suggestion_mail import tell_suggesters_on_publish

        published.connect(
            tell_suggesters_on_publish, sender=models.BibliographyEntry, dispatch_uid="literature-suggestion-mail"
        )
