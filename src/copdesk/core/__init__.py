"""The copdesk core: template, report file, validation, import and export. No Qt below this package."""
