"""Two-step sign-in enrolment links, and the demo accounts marked as such.

1. TwoFactorEnrolmentLink: an administrator's single-use link for setting up a first
   authenticator app (pbr_site.core.two_factor).

2. Demo accounts made by the loader before it kept them in the "Local demo accounts" group
   (admin, editor and moderator with the addresses it gave them, USERNAME@example.org) are put
   in that group, so production settings recognise them (pbr_site.core.demo_accounts). Nothing
   to undo: reversing leaves the group as it is.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

DEMO_USERNAMES = ("admin", "editor", "moderator")
GROUP_NAME = "Local demo accounts"


def mark_demo_accounts(apps, schema_editor):
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Group = apps.get_model("auth", "Group")
    made_by_the_loader = [
        user
        for user in User.objects.filter(username__in=DEMO_USERNAMES)
        if user.email == f"{user.username}@example.org"
    ]
    if made_by_the_loader:
        group, _ = Group.objects.get_or_create(name=GROUP_NAME)
        group.user_set.add(*made_by_the_loader)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_enquiries_for_staff_and_get_involved_page_type"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="TwoFactorEnrolmentLink",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ("expires_at", models.DateTimeField(editable=False)),
                ("used_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("revoked_at", models.DateTimeField(blank=True, editable=False, null=True)),
                (
                    "issued_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="two_factor_enrolment_links",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "two-step sign-in enrolment link",
                "ordering": ["-created_at"],
            },
        ),
        migrations.RunPython(mark_demo_accounts, migrations.RunPython.noop),
    ]
