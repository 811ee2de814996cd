"""Offline text analysis (language now; sentiment, profanity and personal data follow)."""
