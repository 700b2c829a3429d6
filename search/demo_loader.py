"""Site search's part of `load_demo_content`: who may promote results and read the search
terms report, then the search index brought up to date with everything the other parts
loaded (Wagtail indexes on save; this also covers anything saved in bulk)."""

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

PROMOTION_PERMISSIONS = ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"]


def load(command):
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions", codename__in=PROMOTION_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*permissions)
    call_command("update_index", verbosity=0)
