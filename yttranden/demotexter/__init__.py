"""The three tjänsteutlåtanden in ../shared/seeds as section texts, for ``yttranden.demo``."""
