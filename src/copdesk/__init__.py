"""copdesk: draft, review and export Code of Conduct on Disinformation reports, offline."""

__version__ = "0.1.0"
