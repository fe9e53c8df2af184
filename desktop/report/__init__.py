"""The printed extract, the receipt and the machine-readable copy (reportlab)."""
