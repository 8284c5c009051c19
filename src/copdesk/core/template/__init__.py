"""The reporting template as data: forms, official wording and its corrections, codes, the form cache.

Empty on purpose: importing one module of the package loads no other.
"""
