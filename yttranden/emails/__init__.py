"""The e-mails the yttranden app sends, one module per noun."""
