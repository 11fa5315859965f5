"""Views of the yttranden app, one module per noun. Every view asks the permission gateway
(nämnder.permissions) first; the utlåtande's own methods say who, among those, may act."""
