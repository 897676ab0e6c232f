"""Atomic Parquet write and read of the build's tables."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from . import schema
from .errors import BuildError

STAMP = "BUILD_INFO.json"


def table_path(out_dir: Path | str, table: str) -> Path:
    """Where a table's Parquet file lives."""
    return Path(out_dir) / f"{table}.parquet"


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path | str, info: dict | None = None) -> None:
    """Write every table into out_dir at once: all new files or none.

    The tables go to a sibling temporary folder first; each file is then moved into place
    with os.replace, which is atomic on one file system. A failure before the moves leaves
    the previous tables untouched.
    """
    import json

    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))
    try:
        for name, cols in schema.TABLES.items():
            df = schema.conform(tables.get(name, schema.empty_frame(name)), name)
            df.to_parquet(tmp / f"{name}.parquet", index=False)
        (tmp / STAMP).write_text(json.dumps(info or {}, indent=2, sort_keys=True), encoding="utf-8")
        out.mkdir(parents=True, exist_ok=True)
        # The stamp goes last: tables half-moved by an interruption never look current.
        for f in sorted(tmp.iterdir(), key=lambda f: (f.name == STAMP, f.name)):
            os.replace(f, out / f.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_tables(out_dir: Path | str) -> dict[str, pd.DataFrame]:
    """Read every table; a missing folder or file is a BuildError with one clear line."""
    out = Path(out_dir)
    tables = {}
    for name in schema.TABLES:
        p = table_path(out, name)
        if not p.exists():
            raise BuildError(f"no table {p}: run `middlepowers build --out {out}` first")
        df = pd.read_parquet(p)
        for c, t in schema.TABLES[name].items():
            if t == "object" and c in df.columns:
                df[c] = df[c].map(lambda v: [] if v is None else list(v))
        tables[name] = df
    return tables


def read_info(out_dir: Path | str) -> dict:
    """The build's stamp (input fingerprint, counts), or {} when absent."""
    import json

    p = Path(out_dir) / STAMP
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
