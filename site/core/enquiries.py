"""Telling staff about a new enquiry from the get involved page, by e-mail through Django's
configured mailer (settings.MAILERS).

Who is told: the addresses in settings.PBR_ENQUIRIES_EMAIL (the environment variable of that
name, comma-separated), or, when it is empty, every active member of the Moderators group
with an e-mail address. The enquiry is saved before anything is sent, and a failed send is
logged, never shown to the visitor: the enquiry waits in the admin either way.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation

from .addresses import site_address

logger = logging.getLogger(__name__)

MODERATORS_GROUP = "Moderators"


def recipients():
    configured = getattr(settings, "PBR_ENQUIRIES_EMAIL", None) or []
    if isinstance(configured, str):
        configured = configured.split(",")
    addresses = [address.strip() for address in configured if address.strip()]
    if addresses:
        return addresses
    moderators = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=MODERATORS_GROUP)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    return list(dict.fromkeys(moderators))


def admin_url(enquiry):
    return site_address() + reverse("wagtailsnippets_core_enquiry:edit", args=(enquiry.pk,))


def message_for_staff(enquiry):
    """The e-mail, in English (the admin's language), replying to the visitor."""
    with translation.override("en"):
        language = dict(settings.LANGUAGES).get(enquiry.language, enquiry.language)
        reason = enquiry.get_reason_display()
        lines = [
            f"A new enquiry came in through the toolkit's get involved page ({language}).",
            "",
            f"What they would like to do: {reason}",
            f"Name: {enquiry.name}",
            f"Email: {enquiry.email}",
            f"Organisation: {enquiry.organisation or '(not given)'}",
            "",
            "Message:",
            enquiry.message,
            "",
            "Reply to this e-mail to answer them. Mark it replied or closed in the admin:",
            admin_url(enquiry),
        ]
        if enquiry.language == "cy":
            lines[1:1] = ["", "They wrote in Welsh: please reply in Welsh."]
        return EmailMessage(
            subject=f"Toolkit enquiry: {reason}, from {enquiry.name}",
            body="\n".join(lines),
            to=recipients(),
            reply_to=[enquiry.email],
        )


def notify_staff(enquiry):
    """Send the e-mail; True when it was handed to the mailer. Never raises."""
    try:
        message = message_for_staff(enquiry)
        if not message.to:
            logger.warning(
                "Enquiry %s: nobody to tell (set PBR_ENQUIRIES_EMAIL or give a moderator an e-mail address)", enquiry.pk
            )
            return False
        message.send()
    except Exception:
        # A mail server that is down or refuses the message must not lose the enquiry (it is
        # saved already) nor show the visitor an error: staff still see it in the admin.
        logger.exception("Enquiry %s saved, but the e-mail to staff failed", enquiry.pk)
        return False
    return True
