"""Text reduced to what every extraction agrees on, for comparing PDFs with their sources."""
import unicodedata


def letters(text):
    """Only letters and digits, case-folded: what survives any extraction's spacing, line
    breaks, hyphens and marks."""
    text = unicodedata.normalize('NFKC', text)
    return ''.join(c for c in text if unicodedata.category(c)[0] in 'LN').casefold()
