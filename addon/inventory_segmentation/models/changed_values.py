"""Comparing submitted values with a record's, for the connector's idempotent write-backs."""

from odoo import models


def changed_values(record, vals, names):
    """The entries of ``vals`` among ``names`` that differ from ``record``'s current values (a
    relational value compares by id), so that a re-run that changes nothing writes nothing."""
    changes = {}
    for name in names:
        if name not in vals:
            continue
        value = record[name]
        if isinstance(value, models.BaseModel):
            value = value.id
        if value != vals[name]:
            changes[name] = vals[name]
    return changes
