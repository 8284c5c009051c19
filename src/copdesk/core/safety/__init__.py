"""Files put in place whole, write errors in words, locks, unsafe places, bounded and hostile input. No SQL, no
report.

Empty on purpose: importing one module of the package loads no other.
"""
