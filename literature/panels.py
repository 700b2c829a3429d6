"""Panels of the literature models' edit forms (the digest's). It imports nothing else of the
app, so the models can import it; the suggestion's decision panel is in wagtail_hooks.py."""

from wagtail.admin.panels import Panel


class BrokenReferencesPanel(Panel):
    """Warns the editor, on the digest's edit form, about references whose entry has been
    deleted from or unpublished in the resource pack, and about citation keys in the text
    that match no reference. Shown only when there is something to fix."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "literature/panels/broken_references_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page = self.instance
            self.broken = page.broken_references() if page.pk else []
            self.unknown_keys = page.unknown_citation_keys() if page.pk else []

        def is_shown(self):
            return bool(self.broken or self.unknown_keys)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(broken=self.broken, unknown_keys=self.unknown_keys)
            return context
