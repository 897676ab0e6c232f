"""Column names checked against schema.py, so a renamed column fails at import, not in a chart."""

from __future__ import annotations

from .. import schema


class Columns:
    """Attribute access to a table's column names: `EV.actor == "actor"`, unknown names raise."""

    def __init__(self, table: str):
        self._table = table
        self._names = tuple(schema.TABLES[table])

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or name not in self._names:
            raise AttributeError(f"{self._table} has no column {name!r} in schema.py")
        return name

    def __iter__(self):
        return iter(self._names)


AR = Columns("articles")
EV = Columns("events")
IN = Columns("initiatives")
OR = Columns("organisations")
PL = Columns("places")
