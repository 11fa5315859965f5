"""Forms of the yttranden app, one module per noun."""
