"""The report file: the open report, its store, migrations, checks, creation, backups, recovery and rescue. The only
package with SQL on a report.

Empty on purpose: importing one module of the package loads no other.
"""
