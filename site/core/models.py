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
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, PartCardBlock
from .enquiry_model import Enquiry  # noqa: F401  (registered with this app from here)


class ContentPage(Page):
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


class StandardPage(ContentPage):
    """About, get involved, accessibility statement and other ordinary pages."""

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class GetInvolvedPage(RoutablePageMixin, ContentPage):
    """"Get involved": the editors' words (lead, body) above a form the public send us
    enquiries with (take part in a workshop, pilot the self-assessment, send an evaluation,
    anything else). Enquiries land in the admin (Enquiry) and staff are told by e-mail."""

    form_heading = models.CharField(
        _("form heading"), max_length=120, blank=True,
        help_text=_("The heading above the form. Leave blank for “Send us a message”."),
    )
    form_intro = models.TextField(
        _("text above the form"), max_length=600, blank=True,
        help_text=_("Optional: what to tell us, and what happens next."),
    )
    confirmation_text = models.TextField(
        _("confirmation message"), max_length=600, blank=True,
        help_text=_(
            "Shown once a message is sent. Leave blank for “Thank you. We have your message and will "
            "reply by email.”"
        ),
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("form_heading"), FieldPanel("form_intro"), FieldPanel("confirmation_text")],
            heading=_("The form"),
            help_text=_("The form's questions are fixed. What people send with it appears in the admin under "
                        "Enquiries."),
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
                user=user, token_hash=cls.hash(token), issued_by=issued_by, created_at=now,
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
        claimed = type(self).objects.filter(
            pk=self.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        return bool(claimed)
