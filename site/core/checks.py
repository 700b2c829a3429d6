"""System checks of the project's own (registered in apps.CoreConfig.ready)."""

from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError, connections

from . import demo_accounts as demo


# A deployment check (`manage.py check --deploy`), not one tagged "database": Django runs those
# only when --database is given, and the ordinary `check --deploy` that an operator (and
# `make serve`, before gunicorn starts) runs is the one that must fail.
@register(Tags.security, deploy=True)
def no_demo_accounts_in_production(app_configs=None, databases=None, **kwargs):
    if demo.allowed_here():
        return []
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    errors = []
    for alias in databases or ["default"]:
        connection = connections[alias]
        try:
            tables = set(connection.introspection.table_names())
            if not {get_user_model()._meta.db_table, Group._meta.db_table} <= tables:
                continue  # not migrated yet: no accounts at all
            names = list(demo.demo_accounts().using(alias).values_list("username", flat=True))
        except DatabaseError as error:
            errors.append(
                Warning(
                    f"Could not look for demo accounts in the {alias!r} database: {error}",
                    id="pbr.W001",
                )
            )
            continue
        if names:
            errors.append(
                Error(
                    f"Demo accounts exist under production settings: {', '.join(names)} (their password is "
                    "known). Sign-in to the admin is refused until they are gone.",
                    hint=demo.remedy(),
                    id="pbr.E001",
                )
            )
    return errors
