"""Wagtail's reference index ("Used by" in the admin) without a failing task for every child row
that is replaced before the tasks worker reaches it.

Workaround for Wagtail 8.0: its post_save handler queues `update_reference_index_task` for each
saved child row (a digest's reference, say), and the task does `objects.get(pk=...)` with no
guard. Rows are often gone by the time it runs: wagtail-localize replaces a translation's child
rows each time it syncs and publishes it (Wagtail does the same to an alias on each publish of
its source), so loading the demo alone (its Welsh digests) left 101 failed tasks in the worker's
log. A child row's task only climbs to the parent and indexes that, which the parent's own task,
queued by the same save, does anyway. Delete this module, and its calls in the apps' ready(),
when Wagtail's task skips a row that no longer exists.

It uses two names Wagtail has without an underscore but does not document:
ReferenceIndex.tracked_models and signal_handlers.disconnect_reference_index_signal_handlers_for_model.
tests/core/test_reference_index.py fails if they stop doing this (with the worker production runs).
"""

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disconnect_reference_index_signal_handlers_for_model


def index_child_rows_through_their_parent(parent, *children):
    """Stop Wagtail queueing a reference-index task of their own for `children` (models with a
    ParentalKey to `parent`); saving the parent indexes them.

    Called from an app's ready(): our apps come before Wagtail in INSTALLED_APPS, so Django runs
    it before Wagtail's own. Registering the parent here is what Wagtail would do a moment later
    (a no-op the second time), and it is what puts the children in `tracked_models`; taking them
    out of it also keeps Wagtail from connecting them again after every migrate (it reconnects
    exactly `tracked_models`)."""
    ReferenceIndex.register_model(parent)
    for child in children:
        ReferenceIndex.tracked_models.discard(child)
        disconnect_reference_index_signal_handlers_for_model(child)
