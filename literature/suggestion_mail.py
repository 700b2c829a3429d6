"""Telling someone who suggested a resource what became of it: once, in the language they
used, through Django's configured mailer (settings.MAILERS).

When: a rejection at once; "accepted" and "already in the pack" when the entry is live, so
the e-mail can link to its public page (at once if it already is, otherwise when a Moderator
publishes it: `tell_suggesters_on_publish`).

Once: the suggestion is claimed for sending with one conditional UPDATE (outcome_emailed_at
from empty to now), so two requests never both send. If the mailer fails the claim is undone,
the failure logged and reported to the caller; the decision itself is already saved and stays.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from pbr_site.core.addresses import public_url

from .models.pages import ResourcePackPage
from .models.suggestions import ResourceSuggestion

logger = logging.getLogger(__name__)

Status = ResourceSuggestion.Status


class Outcome:
    """What send_outcome did."""

    SENT = "sent"
    NO_ADDRESS = "no_address"  # the suggester left none
    ALREADY_SENT = "already_sent"
    UNDECIDED = "undecided"
    WAITING = "waiting"  # accepted or already in the pack, the entry not live yet
    FAILED = "failed"  # the mailer raised; nothing recorded, try again later


def the_entry(suggestion):
    """The entry the suggester will be pointed at: the one made from it, or the one it duplicates."""
    if suggestion.status == Status.ACCEPTED:
        return suggestion.entry
    if suggestion.status == Status.DUPLICATE:
        return suggestion.duplicate_of
    return None


def what_to_send(suggestion):
    """The Outcome that stops an e-mail now, or None when one can be sent."""
    if not suggestion.email:
        return Outcome.NO_ADDRESS
    if suggestion.outcome_emailed_at:
        return Outcome.ALREADY_SENT
    if suggestion.status == Status.REJECTED:
        return None
    if suggestion.status in (Status.ACCEPTED, Status.DUPLICATE):
        entry = the_entry(suggestion)
        return None if entry is not None and entry.live else Outcome.WAITING
    return Outcome.UNDECIDED


def entry_page_url(entry, language):
    """The entry's public page in that language's resource pack (else the English one), or ''."""
    if entry is None or not entry.live:
        return ""
    packs = ResourcePackPage.objects.live().select_related("locale")
    pack = packs.filter(locale__language_code=language).first() or packs.filter(locale__language_code="en").first()
    if pack is None:
        return ""
    root = public_url(pack.url)
    if not root:
        return ""
    return root + pack.reverse_subpage("entry", kwargs={"pk": entry.pk})


def render_outcome(suggestion):
    """(subject, body) of the e-mail, in the suggester's language."""
    language = suggestion.language if suggestion.language in ("en", "cy") else "en"
    with translation.override(language):
        context = {
            "suggestion": suggestion,
            "status": suggestion.status,
            "entry_url": entry_page_url(the_entry(suggestion), language),
        }
        subject = render_to_string("literature/email/suggestion_outcome_subject.txt", context)
        body = render_to_string("literature/email/suggestion_outcome.txt", context)
    return " ".join(subject.split()), body.strip() + "\n"


def send_outcome(suggestion):
    """E-mail the suggester the outcome if it is due and not sent yet; an Outcome. Never raises
    for a mailer's failure."""
    blocked = what_to_send(suggestion)
    if blocked:
        return blocked
    subject, body = render_outcome(suggestion)
    now = timezone.now()
    claimed = ResourceSuggestion.objects.filter(pk=suggestion.pk, outcome_emailed_at__isnull=True).update(
        outcome_emailed_at=now
    )
    if not claimed:
        return Outcome.ALREADY_SENT
    try:
        send_mail(subject, body, None, [suggestion.email])
    except Exception:
        # SMTP down, refused, misconfigured...: keep the decision, undo the claim so it can be sent again.
        logger.exception("Could not e-mail the outcome of resource suggestion %s", suggestion.pk)
        ResourceSuggestion.objects.filter(pk=suggestion.pk, outcome_emailed_at=now).update(outcome_emailed_at=None)
        suggestion.outcome_emailed_at = None
        return Outcome.FAILED
    suggestion.outcome_emailed_at = now
    return Outcome.SENT


def send_outcome_by_id(pk):
    suggestion = ResourceSuggestion.objects.select_related("entry", "duplicate_of").filter(pk=pk).first()
    return send_outcome(suggestion) if suggestion else None


def tell_suggesters_on_publish(sender, instance, **kwargs):
    """Wagtail's `published` signal for a bibliography entry: tell whoever suggested it (or
    suggested something it turned out to be), once the publication has been committed."""
    waiting = list(
        ResourceSuggestion.objects.filter(
            Q(entry=instance, status=Status.ACCEPTED) | Q(duplicate_of=instance, status=Status.DUPLICATE),
            outcome_emailed_at__isnull=True,
        )
        .exclude(email="")
        .values_list("pk", flat=True)
    )

    def send():
        for pk in waiting:
            send_outcome_by_id(pk)

    if waiting:
        transaction.on_commit(send, robust=True)
