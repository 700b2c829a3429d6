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


class SuggestionDecisionPanel(Panel):
    """At the top of a suggestion's page: where it stands (new, accepted, rejected, already in
    the pack), entries that may already be the same publication, whether the suggester has been
    told, and the buttons that decide it (each opens a page of its own: nothing is decided by
    saving the form below)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "literature/panels/suggestion_decision_panel.html"

        def is_shown(self):
            return self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            from django.urls import reverse

            from .duplicates import duplicates_of_suggestion
            from .suggestion_mail import Outcome, what_to_send

            context = super().get_context_data(parent_context)
            suggestion = self.instance
            user = self.request.user
            name = "wagtailsnippets_literature_resourcesuggestion:{}".format
            undecided = suggestion.status == suggestion.Status.NEW
            context.update(
                suggestion=suggestion,
                undecided=undecided,
                duplicates=duplicates_of_suggestion(suggestion) if undecided else [],
                mail=what_to_send(suggestion),
                Outcome=Outcome,
                can_decide=user.has_perm("literature.change_resourcesuggestion"),
                can_accept=user.has_perm("literature.change_resourcesuggestion")
                and user.has_perm("literature.add_bibliographyentry"),
                accept_url=reverse(name("accept"), args=(suggestion.pk,)),
                reject_url=reverse(name("reject"), args=(suggestion.pk,)),
                duplicate_url=reverse(name("duplicate"), args=(suggestion.pk,)),
                send_url=reverse(name("send_outcome"), args=(suggestion.pk,)),
            )
            return context
