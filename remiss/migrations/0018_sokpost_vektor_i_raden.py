# The full search vector is kept in the post's own row instead of in the TOAST table (issue 17).
#
# A search for a common word walks the date index newest first and tests each post's whole
# vector until it has 1,001 matches. A tjänsteutlåtande's vector is about 5,400 bytes, which
# PostgreSQL moves out of a row over 2 kB into TOAST (the vector does not compress): testing one
# post was then a lookup in the TOAST index and three chunks, five pages a post, 7,300 pages and
# 11 ms for "samverkan" at 100,000 utlåtanden. In the row, it is the row's one page: 1,400 pages
# and 5 ms. The text, the other long column, still goes to TOAST first (STORAGE MAIN keeps the
# vector in the row unless the row would not fit in a page even without the text; a vector
# that large goes out as before). PostgreSQL only; SQLite has no TOAST.
#
# The posts already indexed are rewritten once, so the vectors come into their rows.

from django.db import migrations

TABELL = '"remiss_sökpost"'


def framåt(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABELL} SET (toast_tuple_target = 8160)")
    schema_editor.execute(f'ALTER TABLE {TABELL} ALTER COLUMN "vektor" SET STORAGE MAIN')
    # `|| ''` makes a new value, which is stored by the new rule (an unchanged value would keep
    # its pointer into TOAST).
    schema_editor.execute(
        f"UPDATE {TABELL} SET \"vektor\" = \"vektor\" || ''::tsvector WHERE \"vektor\" IS NOT NULL"
    )


def bakåt(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABELL} RESET (toast_tuple_target)")
    schema_editor.execute(f'ALTER TABLE {TABELL} ALTER COLUMN "vektor" SET STORAGE EXTENDED')


class Migration(migrations.Migration):
    dependencies = [
        ("remiss", "0017_listornas_index"),
    ]

    operations = [migrations.RunPython(framåt, bakåt)]
