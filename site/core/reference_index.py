"""Wagtail's reference index ("Used by" in the admin) kept up to date for a parent's child rows (a
digest's references, a glossary term's or a success factor's digests) without a task that fails
once the row is gone.

Workaround for Wagtail 8.0: its post_save handler queues `update_reference_index_task` for each
saved child row, and that task does `objects.get(pk=...)` with no guard, then indexes the
row's parent. Rows are often gone by the time it runs: wagtail-localize replaces a
translation's child rows each time it syncs and publishes it (Wagtail does the same to an alias
on each publish of its source), so loading the demo alone left 101 failed tasks in the worker's
log. The parent's own task is no substitute: the parent is saved (and its task queued) before its
child rows are written. So for these children a save or delete queues our task for the parent
instead, when the transaction commits (once per parent), and the task skips a parent that is gone.
Delete this module, and its calls in the apps' ready(), when Wagtail's task skips a row that no
longer exists.

It uses names Wagtail has without an underscore but does not document: ReferenceIndex.tracked_models
and .create_or_update_for_object, and signal_handlers.disconnect_reference_index_signal_handlers_for_model
and .reference_index_auto_update_disabled. tests/core/test_reference_index.py fails if they stop
doing this (with the worker production runs, and with tasks run at once).
"""

import logging
import threading

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.tasks import task
from modelcluster.fields import ParentalKey
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import (
    disconnect_reference_index_signal_handlers_for_model,
    reference_index_auto_update_disabled,
)

logger = logging.getLogger(__name__)
_pending = threading.local()


def index_child_rows_through_their_parent(parent, *children):
    """Index `children` (models with a ParentalKey to `parent`) through our task for the parent,
    not through Wagtail's task per row.

    Called from an app's ready(): our apps come before Wagtail in INSTALLED_APPS, so Django runs
    it before Wagtail's own. Registering the parent here is what Wagtail would do a moment later
    (a no-op the second time), and it is what puts the children in `tracked_models`; taking them
    out of it also keeps Wagtail from connecting them again after every migrate (it reconnects
    exactly `tracked_models`)."""
    ReferenceIndex.register_model(parent)
    for child in children:
        ReferenceIndex.tracked_models.discard(child)
        disconnect_reference_index_signal_handlers_for_model(child)
        uid = f"reference-index-parent-{child._meta.label}"
        post_save.connect(child_row_changed, sender=child, dispatch_uid=uid)
        post_delete.connect(child_row_changed, sender=child, dispatch_uid=uid)


def child_row_changed(sender, instance, raw=False, **kwargs):
    """post_save and post_delete of a child row: index its parent once the transaction commits."""
    if raw or getattr(reference_index_auto_update_disabled, "value", False):
        return  # as Wagtail's own handler: not while loading fixtures, nor when switched off
    key = next(field for field in sender._meta.get_fields() if isinstance(field, ParentalKey))
    parent_id = getattr(instance, key.attname)
    if parent_id is None:
        return
    model = key.related_model
    pending = getattr(_pending, "parents", None)
    if pending is None:
        pending = _pending.parents = set()
    pending.add((model._meta.app_label, model._meta.model_name, str(parent_id)))
    # One callback per change, each queueing whatever is pending (the first queues it all): a
    # callback of a savepoint that was rolled back is dropped, and its parents go with the next.
    transaction.on_commit(queue_pending, robust=True)


def queue_pending():
    parents, _pending.parents = getattr(_pending, "parents", None) or set(), None
    for app_label, model_name, pk in sorted(parents):
        try:
            index_references_of.enqueue(app_label, model_name, pk)
        except Exception:  # the change is committed; the other parents still get their task
            logger.exception("Could not queue the reference index update of %s.%s %s", app_label, model_name, pk)


@task()
def index_references_of(app_label, model_name, pk):
    """Wagtail's update_reference_index_task for a parent, skipping one that is gone."""
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    if instance is not None:
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(instance)
