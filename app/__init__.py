"""Parallax comparison core: documents, claims, alignment, topics, sessions. No Qt here."""

__version__ = "0.1.0"
