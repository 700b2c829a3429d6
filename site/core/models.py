"""Site-wide page types: the home page, ordinary content pages (about, accessibility) and
the get involved page with its enquiry form (the enquiries it receives: enquiry_model.py).

`ContentPage` is the abstract base the three parts' landing pages build on, so every
page has the same lead paragraph, body blocks, search fields and editing panels.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from .blocks import BodyBlock, PartCardBlock
from .enquiry_model import Enquiry  # noqa: F401  (registered with this app from here)

# The accessibility statement is the home page's child whose source (English) page has this
# slug; its translations may have slugs of their own (the Welsh one is "hygyrchedd"). Every
# page's footer links to it, so the page editor refuses to change it (StandardPageForm).
ACCESSIBILITY_STATEMENT_SLUG = "accessibility"


def in_private_section():
    """True for a page in a private section (a view restriction on it or on an ancestor):
    Wagtail's PageQuerySet.public() rule as a subquery of the same query, where .public()
    first reads every restriction in a query of its own. Use: pages.exclude(in_private_section())."""
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


def _on_an_alias():
    """True for an alias page or a page below one (an alias's view restrictions are its source's)."""
    return Exists(Page.objects.filter(alias_of__isnull=False, path=Substr(OuterRef("path"), 1, Length("path"))))


def specific_joins(models):
    """{page type: its name for select_related from Page} (e.g. "standardpage"), for those of
    these types that subclass Page directly: a query for pages then brings each one's own
    fields too, instead of a query per type (.specific)."""
    joins = {
        relation.related_model: relation.name
        for relation in Page._meta.get_fields()
        if relation.one_to_one and relation.auto_created and getattr(relation, "parent_link", False)
    }
    return {model: joins[model] for model in models if model in joins}


class RoutedInOneQuery:
    """Wagtail's routing, one query per URL level instead of two, and no query for view
    restrictions on a public page (instead of two).

    Wagtail's Page.route reads the child by slug, then its specific fields in a second query;
    its get_view_restrictions reads the ancestors, then their restrictions. Here the child
    comes with its specific fields (select_related of the allowed page types) and with a flag
    saying whether it is private or on an alias, computed in the same query. A page with
    that flag, an unexpected type, or one not routed here gets Wagtail's own code, so the
    behaviour is Wagtail's. Delete when Wagtail's Page.route fetches a specific child in one
    query (and get_view_restrictions reads no ancestors first).
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        related = specific_joins(self.allowed_subpage_models())
        try:
            child = (
                self.get_children()
                .select_related("locale", *related.values())
                .annotate(in_private_section=in_private_section(), on_an_alias=_on_an_alias())
                .get(slug=path_components[0])
            )
        except Page.DoesNotExist as missing:
            raise Http404 from missing
        model = child.specific_class
        # Anything unexpected (a type not allowed here any more, a subclass of a subclass) is
        # made specific Wagtail's way, with one more query.
        specific = getattr(child, related[model]) if model in related else child.specific
        specific.locale = child.locale  # read in the same query (page.locale_id is the same)
        specific.routed_as_public = not (child.in_private_section or child.on_an_alias)
        # As Wagtail's own Page.route does (treebeard's get_parent reads it): no query for breadcrumbs.
        specific._cached_parent_obj = self
        return specific.route(request, path_components[1:])

    def get_view_restrictions(self):
        if getattr(self, "routed_as_public", False):  # no restriction on it or above, no alias
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class ContentPage(RoutedInOneQuery, Page):
    """A page with a lead paragraph and a body of shared blocks."""

    intro = models.TextField(
        _("lead paragraph"),
        max_length=600,
        help_text=_("One or two sentences under the title that say what the page is for."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        """What search engines and link previews show: the editor's own, or the lead."""
        return self.search_description or self.intro

    @classmethod
    def for_locale(cls, locale_id):
        """The live page of this type in this language, or None: for the types there is one
        of per language (the literature review, the resource pack...), which other pages
        link to."""
        return cls.objects.live().filter(locale_id=locale_id).order_by("path").first()


class HomePage(ContentPage):
    """The front door: what the toolkit is and the way into its three parts."""

    parts = StreamField(
        [("part", PartCardBlock())],
        blank=True,
        verbose_name=_("the site's parts"),
        help_text=_("Cards that lead to the literature review, resource pack and self-assessment."),
    )

    parent_page_types = ["wagtailcore.Page"]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("parts"), FieldPanel("body")]

    class Meta:
        verbose_name = _("home page")

    def part_cards(self):
        """(card, destination) pairs, each destination in this page's language when it exists.

        Two queries for all cards, not two per card: the chooser's pages in bulk, then their
        translations in this language.
        """
        cards = [block.value for block in self.parts if block.value.get("page")]
        keys = [card["page"].translation_key for card in cards]
        localized = {
            page.translation_key: page
            for page in Page.objects.filter(translation_key__in=keys, locale_id=self.locale_id).live()
        }
        return [(card, localized.get(card["page"].translation_key, card["page"])) for card in cards]


class StandardPageForm(WagtailAdminPageForm):
    """The page editor's form: refuses a new slug for the accessibility statement. The footer
    finds the statement by its English address, so a new one would take the link out of every
    page's footer without a word. The form, not the model: a Welsh translation takes a slug of
    its own (wagtail-localize saves it under the English one first), and approving or publishing
    a revision saved before this rule must not fail; should the slug change that way, purging.py
    still purges every page."""

    def clean(self):
        cleaned_data = super().clean()
        page = self.instance
        if (
            page.pk
            and page.depth == 3  # a home page's child, as the footer's rule (core_tags.read_chrome)
            and cleaned_data.get("slug", ACCESSIBILITY_STATEMENT_SLUG) != ACCESSIBILITY_STATEMENT_SLUG
            and page.locale_id == Locale.get_default().pk
            and Page.objects.filter(pk=page.pk, slug=ACCESSIBILITY_STATEMENT_SLUG).exists()
        ):
            self.add_error(
                "slug",
                _(
                    "This is the accessibility statement: every page’s footer links to it by the "
                    "address “%(slug)s”. Keep that slug."
                )
                % {"slug": ACCESSIBILITY_STATEMENT_SLUG},
            )
        return cleaned_data


class StandardPage(ContentPage):
    """About, get involved, accessibility statement and other ordinary pages."""

    base_form_class = StandardPageForm
    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class GetInvolvedPage(RoutablePageMixin, ContentPage):
    """ "Get involved": the editors' words (lead, body) above a form the public send us
    enquiries with (take part in a workshop, pilot the self-assessment, send an evaluation,
    anything else). Enquiries land in the admin (Enquiry) and staff are told by e-mail."""

    form_heading = models.CharField(
        _("form heading"),
        max_length=120,
        blank=True,
        help_text=_("The heading above the form. Leave blank for “Send us a message”."),
    )
    form_intro = models.TextField(
        _("text above the form"),
        max_length=600,
        blank=True,
        help_text=_("Optional: what to tell us, and what happens next."),
    )
    confirmation_text = models.TextField(
        _("confirmation message"),
        max_length=600,
        blank=True,
        help_text=_(
            "Shown once a message is sent. Leave blank for “Thank you. We have your message and will reply by email.”"
        ),
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    linked_from_other_pages = True  # the pilot banner on every page (core_tags.linked_page)
    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("form_heading"), FieldPanel("form_intro"), FieldPanel("confirmation_text")],
            heading=_("The form"),
            help_text=_(
                "The form's questions are fixed. What people send with it appears in the admin under Enquiries."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("get involved page")

    def get_cached_paths(self):
        return ["/", "sent/"]

    @path("")
    def form(self, request):
        from .views import enquiry_form

        return enquiry_form(self, request)

    @path("sent/", name="sent")
    def sent(self, request):
        from .views import enquiry_sent

        return enquiry_sent(self, request)

    def sent_url(self):
        return self.url + self.reverse_subpage("sent")


class TwoFactorEnrolmentLink(models.Model):
    """A single-use link an administrator issues so a staff member can set up their first
    authenticator app (two_factor.py): the password alone does not give one. Only a hash of
    the link's secret is kept; issuing a new link for someone revokes their older ones."""

    LIFETIME = timedelta(hours=24)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor_enrolment_links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(editable=False)
    used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("two-step sign-in enrolment link")
        ordering = ["-created_at"]

    def __str__(self):
        return f"Enrolment link for {self.user} ({self.created_at:%Y-%m-%d %H:%M})"

    @staticmethod
    def hash(token):
        # The token is 256 random bits, so a plain hash is enough (nothing to guess from it).
        return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()

    @classmethod
    def issue(cls, user, issued_by=None):
        """(link, token): a new link for `user`, their older unused links revoked. The token
        is shown once and never stored."""
        now = timezone.now()
        token = secrets.token_urlsafe(32)
        with transaction.atomic():
            cls.objects.filter(user=user, used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
            link = cls.objects.create(
                user=user,
                token_hash=cls.hash(token),
                issued_by=issued_by,
                created_at=now,
                expires_at=now + cls.LIFETIME,
            )
        return link, token

    @classmethod
    def find(cls, token):
        return cls.objects.select_related("user").filter(token_hash=cls.hash(token)).first() if token else None

    def problem(self, now=None):
        """Why this link cannot be used now ("used", "replaced", "expired"), or None."""
        if self.used_at is not None:
            return "used"
        if self.revoked_at is not None:
            return "replaced"
        if self.expires_at <= (now or timezone.now()):
            return "expired"
        return None

    def claim(self):
        """Mark it used, once: False if it was used, revoked or expired meanwhile."""
        now = timezone.now()
        claimed = (
            type(self)
            .objects.filter(pk=self.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)
            .update(used_at=now)
        )
        return bool(claimed)
