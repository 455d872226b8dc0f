"""Operator admin becomes a role of its own (docs/decisions/0012-scoped-roles.md).

Until now an admin of an organisation of kind "operator" was the operator admin; those people
keep their powers by getting the new role next to their organisation admin role.
"""

from django.db import migrations, models


def grant_operator_admin(apps, schema_editor):
    RoleGrant = apps.get_model("core", "RoleGrant")
    admins = RoleGrant.objects.filter(role="admin", user__organisation__kind="operator")
    have = set(RoleGrant.objects.filter(role="operator_admin").values_list("user_id", flat=True))
    RoleGrant.objects.bulk_create(
        [
            RoleGrant(user_id=user_id, role="operator_admin")
            for user_id in admins.values_list("user_id", flat=True)
            if user_id not in have
        ]
    )


def revoke_operator_admin(apps, schema_editor):
    apps.get_model("core", "RoleGrant").objects.filter(role="operator_admin").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_personal_data_access"),
    ]

    operations = [
        migrations.AlterField(
            model_name="rolegrant",
            name="role",
            field=models.CharField(
                choices=[
                    ("caseworker", "Caseworker"),
                    ("editor", "Editor"),
                    ("jurist", "Jurist"),
                    ("coordinator", "Coordinator"),
                    ("admin", "Administrator"),
                    ("operator_admin", "Operator administrator"),
                ],
                max_length=16,
                verbose_name="role",
            ),
        ),
        migrations.RunPython(grant_operator_admin, revoke_operator_admin),
    ]
