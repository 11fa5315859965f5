"""The REST API's tjänsteutlåtanden, ärenden with beslut and svar, KS's sammanställning and PDF
verification (README "API"): the lists of yttranden/atkomst.py, the gateway, and the model
methods and forms of the web's views."""
