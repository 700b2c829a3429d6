"""Translations go through the same moderation as English pages.

wagtail-localize 1.14.5 let anyone who may translate make a page live: "Translate this page"
published a Welsh copy full of English at once, "Sync translated pages" offered everybody
"Publish immediately", and "Convert to alias page" (which shows the live English page at the
Welsh address) asked only for edit permission. Its translation editor gives people who cannot
publish no way to send their work for review. So, for Editors (who may not publish):

- settings: WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False, so "Translate this page"
  (and "include subtree") make drafts;
- the translation editor tells them only a Moderator publishes, with a "Submit for moderation"
  button (SubmitTranslationView): their translated text is saved as a new revision of the Welsh
  page and sent through the page's Wagtail workflow, like "Submit to Moderators approval" on an
  English page. Moderators approve it from their dashboard; approving publishes it;
- "Sync translated pages" and "Convert to alias page" need publish permission to publish
  (ModeratedUpdateTranslationsView, convert_to_alias below, registered ahead of
  wagtail-localize's own URLs for the same addresses).

Translatable snippets without draft state (glossary terms, success factors) are live whenever
they are saved, so whoever may edit them publishes them, in wagtail-localize as in Wagtail's
snippet editor; with DraftStateMixin they would need the publish permission here too.

Delete each piece when wagtail-localize does it itself: a save/submit action in its translation
editor that respects workflows, a publish-permission check in its update_translations and
convert_to_alias views, and a Translation.save_target(publish=False) that leaves a live page's
public content alone (see save_translation_as_draft). tests/core/test_translation_moderation.py
fails the day ours no longer sits in front of theirs.
"""

from django import forms
from django.contrib import messages as django_messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail.snippets.permissions import get_permission_name, user_can_edit_snippet_type
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, update_translations

SUBMIT_URL_NAME = "pbr_submit_translation_for_moderation"


def translation_of(page):
    """The enabled wagtail-localize translation whose target is `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def can_publish(user, instance):
    """May `user` make this page or snippet live?"""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance)))
    # No draft state: every save is live, so whoever may edit it publishes it.
    return user_can_edit_snippet_type(user, type(instance))


def save_translation_as_draft(translation, user):
    """A new revision of the target page with the translated text as it stands now.

    Not Translation.save_target(publish=False): in wagtail-localize 1.14.5 it also writes the
    text into the page's own database row, which for a live page is what the public is shown
    (the test "...live_page_keeps_its_public_text" checks this). Wagtail's own editor saves a
    live page's draft as a revision only; this does the same with the page wagtail-localize
    previews (source content, translated strings, English where none yet)."""
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    return draft.save_revision(user=user, log_action=True)


# --- the translation editor: say who publishes, and offer "Submit for moderation" -------------


@hooks.register("before_edit_page", order=-1)  # before wagtail-localize swaps in its editor
def explain_moderation_in_the_translation_editor(request, page):
    if request.method != "GET":
        return None
    translation = translation_of(page)
    if translation is None or can_publish(request.user, page):
        return None
    perms = page.permissions_for_user(request.user)
    state = page.current_workflow_state
    if perms.can_submit_for_moderation():
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            text = _(
                "A Moderator has asked for changes to this translation. Make them here, then submit it "
                "for moderation again."
            )
        else:
            text = _(
                "Only a Moderator can publish this translation. Each text you save here is kept. When the "
                "translation is ready, submit it for moderation."
            )
        button = messages.button(reverse(SUBMIT_URL_NAME, args=[page.pk]), _("Submit for moderation"))
        messages.info(request, text, buttons=[button])
    elif page.workflow_in_progress:
        messages.info(request, _("This translation is waiting for a Moderator to approve it."))
    elif not page.has_workflow:
        messages.info(request, _("Only a Moderator can publish this translation. Ask one when it is ready."))
    return None


class SubmitTranslationView(WagtailAdminTemplateMixin, TemplateView):
    """Save the translation as a new revision and send it through the page's workflow.

    The same rules as Wagtail's "Submit to ..." on the page editor: the user may edit the page,
    it has a workflow, it is not locked against them and not already awaiting approval; a
    workflow whose reviewers asked for changes is resumed, any other is started afresh."""

    template_name = "core/admin/submit_translation.html"
    page_title = gettext_lazy("Submit for moderation")
    header_icon = "doc-empty-inverse"
    breadcrumbs_items = []  # a plain header with a visible title, as on wagtail-localize's own forms

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, id=page_id).specific
        self.translation = translation_of(self.page)
        if self.translation is None:
            raise Http404
        perms = self.page.permissions_for_user(request.user)
        if not (perms.can_edit() and perms.can_submit_for_moderation()):
            raise PermissionDenied
        self.workflow = self.page.get_workflow()
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        total, translated = self.translation.get_progress()
        return super().get_context_data(
            page=self.page,
            language=self.translation.target_locale.get_display_name(),
            workflow=self.workflow,
            total=total,
            translated=translated,
            edit_url=self.edit_url,
            **kwargs,
        )

    def post(self, request, page_id):
        try:
            with transaction.atomic():
                save_translation_as_draft(self.translation, request.user)
                page = Page.objects.get(pk=self.page.pk).specific
                state = page.current_workflow_state
                if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                    state.resume(request.user)
                else:
                    self.workflow.start(page, request.user)
        except ValidationError as error:
            messages.error(
                request,
                _("The translation could not be saved: %(errors)s Correct it here, then submit it again.")
                % {"errors": " ".join(error.messages)},
            )
            return redirect(self.edit_url)
        messages.success(
            request,
            _("The %(language)s translation '%(title)s' has been submitted for moderation.")
            % {"language": self.translation.target_locale.get_display_name(), "title": page.get_admin_display_title()},
            buttons=[messages.button(self.edit_url, _("Edit"))],
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)


# --- "Sync translated pages" and "Convert to alias page": publishing needs publish permission ---


class ModeratedUpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages/snippets" without "Publish immediately" for
    anyone who may not publish every translation it would publish."""

    def may_publish(self):
        targets = []
        for translation in self.object.translations.filter(enabled=True).select_related("source", "target_locale"):
            try:
                targets.append(translation.get_target_instance())
            except ObjectDoesNotExist:  # deleted: nothing to publish
                continue
        return all(can_publish(self.request.user, target) for target in targets)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            field = form.fields["publish_translations"]
            field.disabled = True  # a posted value is ignored: always False
            field.widget = forms.HiddenInput()
        return form

    def get(self, request, *args, **kwargs):
        if not self.may_publish():
            django_messages.info(
                request,
                _(
                    "Syncing brings the latest published text into each translation for translating; it publishes "
                    "nothing. Then translate the new text and submit each translation for moderation."
                ),
            )
        return super().get(request, *args, **kwargs)


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for those who may publish the page only: an
    alias shows its source's live content at once, and Wagtail itself lets only people who can
    publish create aliases (wagtail.admin.forms.pages.CopyForm)."""
    page = get_object_or_404(Page, id=page_id)
    if not can_publish(request.user, page):
        messages.error(
            request,
            _(
                "Only a Moderator can turn a translation into an alias page: an alias shows the live "
                "English page at this address straight away."
            ),
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return convert.convert_to_alias(request, page_id)


@hooks.register("register_admin_urls", order=-1)  # resolved before wagtail-localize's own
def register_admin_urls():
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="pbr_update_translations",
        ),
        path("localize/page/<int:page_id>/convert_to_alias/", convert_to_alias, name="pbr_convert_to_alias"),
        path("translations/<int:page_id>/submit/", SubmitTranslationView.as_view(), name=SUBMIT_URL_NAME),
    ]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_those_who_cannot_publish(menu_items, request, context):
    """The page editor's "Convert to alias page" (shown once a synced translation is stopped)."""
    page = context.get("page")
    if page is not None and page.pk and not can_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
