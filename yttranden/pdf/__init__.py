"""The archived PDF of a tjänsteutlåtande: rendering (WeasyPrint), sealing (pyHanko) and
verification."""
