"""Report data out: Word (one writer), Transparency Centre JSON, CSV, PDF, copdesk JSON. They take report data, never
an open report.

Empty on purpose: importing one module of the package loads no other.
"""
