"""Tjänsteutlåtanden, review, attest, beslut and statements (coming in later issues)."""
