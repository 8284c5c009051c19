"""Review: comments and statuses, versions, diff, merge, carry, suggestions, the Word comparison, a reviewed Word
document read back.

Empty on purpose: importing one module of the package loads no other.
"""
