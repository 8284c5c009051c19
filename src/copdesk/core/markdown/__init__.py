"""The one Markdown dialect of answers: reading, writing, HTML in and out. No I/O.

Empty on purpose: importing one module of the package loads no other.
"""
