"""Reports in: Word, Transparency Centre JSON, copdesk JSON, the filed-report parser, a family from per-service
reports, official wording learnt from a filed report.

Empty on purpose: importing one module of the package loads no other.
"""
