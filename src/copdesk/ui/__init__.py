"""The copdesk window: views only. Every write goes through ui/operations.py (undo commands over ui.session)."""
