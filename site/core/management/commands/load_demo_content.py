"""Load the demo content: page tree, Welsh translations, editorial roles and demo users.

The demo users (admin, editor, moderator) are made only under settings with
PBR_LOCAL_DEMO_USERS (dev, test): never under production settings, which `make serve` uses
for this command too (pbr_site.core.demo_accounts).

Idempotent: what already exists is left exactly as it is (editors may have changed it),
so running the command twice creates nothing the second time.
"""

import secrets
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from pbr_site.core import demo_accounts
from pbr_site.core.demo import pages as demo
from pbr_site.core.demo.welsh import WELSH
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

DEMO_USERS = [
    # username, group, is_superuser
    ("admin", None, True),
    ("editor", "Editors", False),
    ("moderator", "Moderators", False),
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "unlock_page"]
WORKFLOW_NAME = "Moderators approval"


class Command(BaseCommand):
    help = "Load the demo pages, their Welsh translations, editorial roles and (locally) demo users."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list-missing-welsh",
            action="store_true",
            help="Print every English string that the demo .cy.yaml and .cy.md files lack, change nothing.",
        )

    def handle(self, *args, **options):
        self.created = 0
        self.listing_missing_welsh = options["list_missing_welsh"]
        self.missing_welsh = []
        if self.listing_missing_welsh:
            # Build everything, report the strings the Welsh demo files lack, keep nothing.
            with transaction.atomic():
                self.load()
                for text in dict.fromkeys(self.missing_welsh):
                    self.stdout.write(f'    {text!r}: "",')
                transaction.set_rollback(True)
            return
        self.load()
        if demo_accounts.allowed_here():
            self.ensure_demo_users()
        else:
            self.report_demo_accounts()
        self.stdout.write(f"Demo content loaded: {self.created} new objects.")

    def load(self):
        with transaction.atomic():
            self.english, self.welsh = self.ensure_locales()
            home = self.ensure_home(self.english)
            self.pages = {"home": home}
            for key, model_path, parent_key, fields in demo.PAGES:
                self.pages[key] = self.ensure_child(self.pages[parent_key], apps.get_model(model_path), fields)
            self.ensure_home_parts(home, self.pages)
            self.ensure_roles_and_workflow()
        self.translate(self.pages.values(), WELSH)
        # Each part of the site adds its own demo content (core imports none of them).
        for app_config in apps.get_app_configs():
            try:
                loader = import_module(f"{app_config.name}.demo_loader")
            except ModuleNotFoundError as error:
                if error.name != f"{app_config.name}.demo_loader":
                    raise
                continue
            loader.load(self)

    def translate(self, instances, welsh_strings, update=False):
        """Make the Welsh translation of each page or snippet that has none yet (or, with
        update=True, bring existing translations up to date with their source)."""
        for instance in instances:
            if self.listing_missing_welsh:
                self.ensure_welsh(instance, self.welsh, welsh_strings, update)
                continue
            # A transaction per page: wagtail-localize publishes each translated page when
            # its transaction commits, and a Welsh parent must be published (from a revision
            # taken before it had children) before its children are added under it.
            with transaction.atomic():
                translated = self.ensure_welsh(instance, self.welsh, welsh_strings, update)
            if translated and isinstance(instance, Page):
                # wagtail-localize saves the copy under the English slug first, so publishing
                # the Welsh slug records a redirect from a Welsh URL that never existed.
                Redirect.objects.filter(redirect_page=instance.get_translation(self.welsh)).delete()

    # --- pages ---------------------------------------------------------------------
    def ensure_locales(self):
        english, _ = Locale.objects.get_or_create(language_code="en")
        welsh, created = Locale.objects.get_or_create(language_code="cy")
        self.created += created
        return english, welsh

    def ensure_home(self, english):
        HomePage = apps.get_model("core.HomePage")
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        root = Page.get_first_root_node()
        # Wagtail's install creates a plain "Welcome" page with the slug "home": remove it
        # (only if it is still that untouched placeholder) so our home page can take its place.
        for placeholder in root.get_children().exact_type(Page):
            if placeholder.numchild == 0:
                placeholder.delete()
        fields = {k: v for k, v in demo.HOME.items()}
        home = HomePage(locale=english, **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
        self.created += 1
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True, site_name="PbR Toolkit")
        site.root_page = home
        site.site_name = "PbR Toolkit"
        site.save()
        return home

    def ensure_child(self, parent, model, fields):
        existing = parent.get_children().filter(slug=fields["slug"]).first()
        if existing is not None:
            return existing.specific
        page = model(locale=parent.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def ensure_home_parts(self, home, pages):
        if home.parts:
            return
        home.parts = [
            {"type": block_type, "id": block_id, "value": {"page": pages[key].pk, "heading": "", "summary": summary}}
            for (block_type, key, summary), block_id in zip(demo.HOME_PARTS, demo.HOME_PART_IDS, strict=True)
        ]
        home.save_revision().publish()

    # --- Welsh, through wagtail-localize ------------------------------------------
    def ensure_welsh(self, page, welsh, welsh_strings, update=False):
        """Translate `page` (or a snippet) into Welsh from `welsh_strings` (English -> Welsh).

        update=True re-syncs an existing translation with the source's latest content, for
        content a part of the site adds to a page after core translated it."""
        if page.get_translation_or_none(welsh) is not None and not update:
            return False
        # One page at a time, parents first, so each Welsh page lands under its Welsh parent.
        # (TranslationCreator would first publish an English-worded copy, leaving a redirect
        # from its English slug; we fill in the Welsh strings before the first save.)
        source, _ = TranslationSource.get_or_create_from_instance(page)
        if update:
            source.update_from_db()
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=welsh)
        missing = []
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = welsh_strings.get(segment.string.data)
            if text is None:
                missing.append(segment.string.data)
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=welsh,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
        if self.listing_missing_welsh:
            self.missing_welsh.extend(missing)
            return False
        if missing:
            raise CommandError(
                f"No Welsh for {len(missing)} string(s) of {page!r} in its Welsh demo file (.cy.yaml, or digests/*.cy.md):\n"
                + "\n".join(repr(m) for m in missing)
            )
        translation.save_target(publish=True)
        self.created += 1
        return True

    # --- roles ----------------------------------------------------------------------
    def ensure_roles_and_workflow(self):
        root = Page.get_first_root_node()
        editors, _ = Group.objects.get_or_create(name="Editors")
        moderators, _ = Group.objects.get_or_create(name="Moderators")
        for group, codenames in ((editors, EDITOR_PAGE_PERMISSIONS), (moderators, MODERATOR_PAGE_PERMISSIONS)):
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
            # Editors may not publish: remove it if an earlier setup granted it.
            if group == editors:
                GroupPagePermission.objects.filter(
                    group=group, permission__codename__in=["publish_page", "bulk_delete_page"]
                ).delete()
            for codename in ("access_admin", "submit_translation"):
                group.permissions.add(Permission.objects.get(codename=codename))
        task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
        if task is None:
            task = GroupApprovalTask.objects.create(name="Moderators approval")
            self.created += 1
        task.groups.add(moderators)
        workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
        self.created += created
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
        # Bibliography entries (a snippet with draft state) go through the same workflow.
        entry_type = ContentType.objects.get_by_natural_key("literature", "bibliographyentry")
        WorkflowContentType.objects.get_or_create(content_type=entry_type, defaults={"workflow": workflow})

    def ensure_demo_users(self):
        """The local demo accounts, each kept in the "Local demo accounts" group (also one
        made before the group existed), which production settings refuse to run beside."""
        password = self.local_demo_password()
        User = get_user_model()
        marker, created = Group.objects.get_or_create(name=demo_accounts.GROUP_NAME)
        self.created += created
        for username, group_name, is_superuser in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "is_superuser": is_superuser,
                    "is_staff": is_superuser,
                    "first_name": username.title(),
                },
            )
            if created:
                user.set_password(password)
                user.save()
                self.created += 1
            user.groups.add(marker)
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
        self.stdout.write(f"Local demo accounts (this machine only): admin, editor, moderator; password: {password}")

    def report_demo_accounts(self):
        """Production settings: no demo accounts are made, and any already here are named."""
        names = list(demo_accounts.demo_accounts().values_list("username", flat=True))
        if names:
            self.stderr.write(
                f"Demo accounts exist ({', '.join(names)}): production settings refuse to sign anyone "
                f"in until they are gone. {demo_accounts.remedy()}"
            )

    def local_demo_password(self):
        """A random password made on first load and kept in var/ (git-ignored)."""
        path = Path(settings.BASE_DIR) / "var" / "demo-password.txt"
        if path.exists():
            return path.read_text().strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(12)
        path.write_text(password + "\n")
        return password
