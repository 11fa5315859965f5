"""The e-mails the remiss app sends, one module per noun (see instans.py for how each is built)."""
