"""An enquiry: what a visitor sends with the form on the get involved page.

Its own module, not models.py, so the form (forms.py, a ModelForm of it) does not import the
module of the page that serves the form (GetInvolvedPage): models.py imports it from here,
which is also how Django finds it (an app's models are those its models module loads).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enquiry(models.Model):
    """A message from the public sent with the form on the get involved page. Only staff see
    it (Editors, Moderators and superusers, in the admin's Enquiries list)."""

    class Reason(models.TextChoices):
        WORKSHOP = "workshop", _("Take part in a workshop")
        PILOT = "pilot", _("Pilot the self-assessment")
        EVALUATION = "evaluation", _("Send us an evaluation or unpublished report")
        CONTACT = "contact", _("Something else")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        REPLIED = "replied", _("Replied")
        CLOSED = "closed", _("Closed")

    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    message = models.TextField(_("message"), max_length=3000)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        editable=False,
        help_text=_("The language the visitor wrote in: reply in it."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    staff_notes = models.TextField(_("notes for staff"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.get_reason_display()}"
