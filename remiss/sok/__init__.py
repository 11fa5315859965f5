"""Full-text search over remisser and the answers to them (see remiss.models.sokpost).

- ``typer``: how each kind of document describes itself to the index (a registry that other
  apps add to, so that remiss never imports yttranden);
- ``index``: ``indexera(objekt)`` / ``ta_bort(objekt)``, called from the models' own methods,
  and the batch indexer behind ``manage.py reindexera``;
- ``fraga``: turning what someone typed into a ranked, permission-filtered queryset;
- ``text``: plain text from sanitised HTML, and safe highlighted snippets.
"""
