"""Atomic Parquet write and read of the build's tables.

Layout of an output folder (POSIX):

    out/v-<time>-<pid>/        one complete set: the five tables and BUILD_INFO.json
    out/current -> v-...       the set in force: switching it is one atomic rename
    out/<table>.parquet -> current/<table>.parquet    (and BUILD_INFO.json), the contract's paths

A build writes a new set into a hidden temporary folder inside `out`, renames it to `v-...`
and then points `current` at it with one rename, so at every moment the folder holds either the
whole old set or the whole new one. Readers resolve `current` once and read every table from
that set. The previous set is kept (a reader may be part-way through it); older ones are removed.
Where links cannot be made (some Windows set-ups) the tables are moved into place one by one,
the stamp last.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pandas as pd

from . import schema
from .errors import BuildError, shown

STAMP = "BUILD_INFO.json"
CURRENT = "current"
TMP_PREFIX = ".tmp-"
VERSION_PREFIX = "v-"
_FILES = tuple(f"{name}.parquet" for name in schema.TABLES) + (STAMP,)


def table_path(out_dir: Path | str, table: str) -> Path:
    """Where a table's Parquet file lives (the contract's path)."""
    return Path(out_dir) / f"{table}.parquet"


def current_set(out_dir: Path | str) -> Path:
    """The folder of the set in force: `current`'s target, or the output folder itself when it
    was written without links (an older build, or a file system without them)."""
    out = Path(out_dir)
    link = out / CURRENT
    if link.is_symlink():
        return out / os.readlink(link)
    return out


def _io_reason(exc: BaseException) -> str:
    """The first line of an error's reason ("No space left on device"), never a traceback."""
    reason = getattr(exc, "strerror", None) or next(iter(str(exc).splitlines()), "")
    return reason or type(exc).__name__


def _prepare_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BuildError(f"output {shown(out)} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create the output folder {shown(out)}: {_io_reason(exc)}") from exc
    if not os.access(out, os.W_OK | os.X_OK):
        raise BuildError(f"cannot write to the output folder {shown(out)}: permission denied")


def new_temp_dir(out_dir: Path | str) -> Path:
    """A fresh hidden folder inside out_dir for a build to write its tables into."""
    out = Path(out_dir)
    _prepare_out(out)
    tmp = out / f"{TMP_PREFIX}{os.getpid()}-{time.time_ns()}"
    try:
        tmp.mkdir()
    except OSError as exc:
        raise BuildError(f"cannot write to the output folder {shown(out)}: {_io_reason(exc)}") from exc
    return tmp


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path | str, info: dict | None = None,
                 tmp: Path | None = None) -> None:
    """Write every table into out_dir at once: the whole new set or, on any failure, the old one.

    A full disk, a permission problem or an interruption leaves the previous tables in force,
    and a BuildError with one line says what went wrong."""
    out = Path(out_dir)
    tmp = tmp or new_temp_dir(out)
    try:
        for name in schema.TABLES:
            df = schema.conform(tables.get(name, schema.empty_frame(name)), name)
            df.to_parquet(tmp / f"{name}.parquet", index=False)
        (tmp / STAMP).write_text(json.dumps(info or {}, indent=2, sort_keys=True), encoding="utf-8")
        _switch(out, tmp)
    except BuildError:
        raise
    except Exception as exc:  # OSError, or pyarrow's own error for a failed write
        raise BuildError(f"cannot write the tables to {shown(out)}: {_io_reason(exc)}; "
                         "the previous tables are unchanged") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _switch(out: Path, tmp: Path) -> None:
    if not _links_work(out):
        _replace_files(out, tmp)
        return
    version = f"{VERSION_PREFIX}{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}-{os.getpid()}"
    try:
        os.rename(tmp, out / version)
        _link(out, version, out / CURRENT)  # the switch: one atomic rename
        for f in _FILES:  # the contract's paths lead through `current`; made once per folder
            p = out / f
            if not (p.is_symlink() and os.readlink(p) == f"{CURRENT}/{f}"):
                _link(out, f"{CURRENT}/{f}", p)
    finally:
        abandon(out, os.getpid())
    prune(out)


def _link(out: Path, target: str, where: Path) -> None:
    tmp_link = out / f"{TMP_PREFIX}link-{os.getpid()}-{time.time_ns()}"
    os.symlink(target, tmp_link)
    os.replace(tmp_link, where)


def _entries(out: Path) -> list[Path]:
    try:
        return list(out.iterdir())
    except OSError:
        return []


def _leftover(p: Path, current: str) -> bool:
    """A temporary entry, or a set newer than the one in force (made but never switched to)."""
    return p.name.startswith(TMP_PREFIX) or (p.name.startswith(VERSION_PREFIX) and p.name > current)


def abandon(out_dir: Path | str, pid: int | None) -> None:
    """Remove what the build with this pid left in out_dir: temporary entries, and a new set it
    made but did not switch to. Called when a build ends, and by its janitor when it is killed."""
    out = Path(out_dir)
    current = _current_name(out)
    for p in _entries(out):
        if _pid_of(p.name) == pid and _leftover(p, current):
            _remove(p)


def _current_name(out: Path) -> str:
    """The name of the set in force, or "" when the folder has no `current` link."""
    link = out / CURRENT
    return os.readlink(link) if link.is_symlink() else ""


def _remove(p: Path) -> None:
    if p.is_symlink() or p.is_file():
        p.unlink(missing_ok=True)
    else:
        shutil.rmtree(p, ignore_errors=True)


def _links_work(out: Path) -> bool:
    probe = out / f"{TMP_PREFIX}probe-{os.getpid()}-{time.time_ns()}"
    try:
        os.symlink(".", probe)
    except (OSError, NotImplementedError):
        return False
    probe.unlink()
    return True


def _replace_files(out: Path, tmp: Path) -> None:
    link = out / CURRENT
    if link.is_symlink():
        link.unlink()
    # The stamp goes last: tables half-moved by an interruption never look current.
    for f in sorted(tmp.iterdir(), key=lambda f: (f.name == STAMP, f.name)):
        os.replace(f, out / f.name)


def prune(out_dir: Path | str, keep: int = 1) -> None:
    """Remove sets older than the one in force but the newest `keep`, and what builds that are
    no longer running left behind."""
    out = Path(out_dir)
    entries = _entries(out)
    current = _current_name(out)
    older = sorted(p for p in entries if p.name.startswith(VERSION_PREFIX) and p.is_dir()
                   and not p.is_symlink() and p.name < current)
    for p in older[: max(0, len(older) - keep)]:
        _remove(p)
    for pid in {_pid_of(p.name) for p in entries if _leftover(p, current)}:
        if pid is None or not _alive(pid):
            abandon(out, pid)


def _pid_of(name: str) -> int | None:
    """The pid a build put in the names it makes: `.tmp-[kind-]PID-NS`, `v-TIME-NS-PID`."""
    parts = name.split("-")
    try:
        return int(parts[-1] if name.startswith(VERSION_PREFIX) else parts[-2])
    except (ValueError, IndexError):
        return None


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_tables(out_dir: Path | str) -> dict[str, pd.DataFrame]:
    """Read every table of the set in force; a missing, corrupt or foreign file is a BuildError
    with one clear line."""
    out = Path(out_dir)
    base = current_set(out)
    tables = {}
    for name, cols in schema.TABLES.items():
        p = base / f"{name}.parquet"
        if not p.exists():
            raise BuildError(f"no table {shown(table_path(out, name))}: run `middlepowers build --out {shown(out)}` first")
        try:
            df = pd.read_parquet(p)
        except Exception as exc:  # pyarrow's errors for a corrupt or foreign file
            raise BuildError(f"table {shown(table_path(out, name))} cannot be read ({type(exc).__name__}: "
                             f"{shown(_io_reason(exc), 160)}); rebuild it with `middlepowers build`") from exc
        optional = schema.EXTENSION_COLUMNS.get(name, ())
        lacking = [c for c in cols if c not in df.columns and c not in optional]
        if lacking:
            raise BuildError(f"table {shown(table_path(out, name))} is not an atlas table (no column {', '.join(lacking[:5])}); "
                             "rebuild it with `middlepowers build`")
        if any(c not in df.columns for c in cols):
            df = schema.conform(df, name)
        for c, t in cols.items():
            if t == "object":
                df[c] = df[c].map(lambda v: [] if v is None else list(v))
        tables[name] = df
    return tables


def read_info(out_dir: Path | str) -> dict:
    """The build's stamp (input fingerprint, counts), or {} when absent."""
    p = current_set(out_dir) / STAMP
    try:
        info = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}
