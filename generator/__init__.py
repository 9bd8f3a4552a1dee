"""dossier: a static-site generator that turns news articles into a cited entity dossier."""

__version__ = "0.1.0"
