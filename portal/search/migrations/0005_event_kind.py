# Events are found in search (issue 5): a new kind of document. Choices only: no schema change.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_kind_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchdocument",
            name="kind",
            field=models.CharField(
                choices=[
                    ("thread", "Thread"),
                    ("post", "Reply"),
                    ("guide", "Guide"),
                    ("person", "Person"),
                    ("event", "Event"),
                ],
                max_length=16,
            ),
        ),
    ]
