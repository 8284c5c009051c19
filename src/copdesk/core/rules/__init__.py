"""What a report's data means: checks, wizard, tables, outline, checklist, follow-ups, live checks, find, services of
a family. Data in, no I/O.

Empty on purpose: importing one module of the package loads no other.
"""
