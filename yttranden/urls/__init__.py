"""URLs of the yttranden app, one module per noun; remiss/urls includes each."""
