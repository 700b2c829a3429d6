"""Resources the public suggest for the pack ("grey" material: unpublished evaluations,
local reports). Stored for staff to review; never shown publicly until a moderator publishes
the draft entry made from one."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceSuggestion(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        DUPLICATE = "duplicate", _("Already in the pack")

    title = models.CharField(_("title"), max_length=300)
    authors = models.CharField(_("authors or organisation"), max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    doi = models.CharField(_("DOI"), max_length=255, blank=True)
    why = models.TextField(_("why it matters"), max_length=2000)
    email = models.EmailField(_("contact email"), blank=True)
    language = models.CharField(max_length=8, default="en", editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    reason = models.TextField(
        _("reason given to the suggester"),
        blank=True,
        help_text=_("Why it was rejected. Sent to the suggester if they left an email address."),
    )
    duplicate_of = models.ForeignKey(
        "literature.BibliographyEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("already in the pack as"),
    )
    staff_notes = models.TextField(_("notes for staff"), blank=True)
    entry = models.ForeignKey(
        "literature.BibliographyEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entry made from it"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    outcome_emailed_at = models.DateTimeField(_("suggester told"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("resource suggestion")
        verbose_name_plural = _("resource suggestions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
