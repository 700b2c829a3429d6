"""Admin panels for the literature review."""

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


class MakeEntryPanel(Panel):
    """On a suggestion's edit form: a button that makes a draft bibliography entry from it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "literature/panels/make_entry_panel.html"

        def is_shown(self):
            return self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            from django.urls import reverse

            context = super().get_context_data(parent_context)
            context["suggestion"] = self.instance
            context["action"] = reverse("literature_make_entry_from_suggestion", args=(self.instance.pk,))
            return context
