"""Who may read the staff report on self-assessment responses: a permission of its own,
"toolkit.view_assessment_report", granted to Wagtail's Editors and Moderators groups and to
every group or user that could read the report before (through
"toolkit.view_assessmentresponse"). Reversing removes the permission and every grant of it.

The permission row is made here, not left to Django's post_migrate signal, because the
groups need it now (post_migrate runs only after every migration)."""

from django.conf import settings
from django.db import migrations
from django.db.models import Q

CODENAME = "view_assessment_report"
NAME = "Can view the self-assessment report"
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    content_type, _ = ContentType.objects.get_or_create(app_label="toolkit", model="assessmentresponse")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    could_before = Q(permissions__content_type=content_type, permissions__codename="view_assessmentresponse")
    for group in Group.objects.filter(Q(name__in=GROUPS) | could_before).distinct():
        group.permissions.add(permission)
    for user in User.objects.filter(
        user_permissions__content_type=content_type, user_permissions__codename="view_assessmentresponse"
    ).distinct():
        user.user_permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="toolkit", codename=CODENAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0005_joint_assessment_and_retake"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0002_initial_data"),  # Wagtail's Editors and Moderators groups
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="assessmentresponse",
            options={"permissions": [(CODENAME, NAME)], "verbose_name": "self-assessment response"},
        ),
        migrations.RunPython(grant, revoke),
    ]
