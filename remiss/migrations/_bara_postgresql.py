"""Index operations that only PostgreSQL, the production database, can build.

SQLite (the demo's embedded default) cannot create an index whose ordering says NULLS LAST. The
operation keeps the index in the migration state, so the models and ``makemigrations --check``
agree, but builds it only on PostgreSQL; the demo's few rows need no index."""

from django.db import migrations


class AddIndexBaraPostgreSQL(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
