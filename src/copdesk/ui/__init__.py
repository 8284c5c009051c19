"""The copdesk window: views only. Every write goes through ui.session.DraftSession and ui.undo commands."""
