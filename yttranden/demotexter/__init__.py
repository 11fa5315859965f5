"""The three tjänsteutlåtanden in tests/fixtures/seeds as section texts, for ``yttranden.demo``."""
