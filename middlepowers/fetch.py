"""`middlepowers fetch`: save web pages into an articles folder and describe them in its manifest.

Each page is downloaded once (bounded by timeouts and a size limit, redirects followed up to a
limit, one request per host at a time with a polite delay, a user agent that says who asks),
saved as raw HTML under a stable name made from its URL, and given a `manifest.csv` row with
what the page says of itself: title, outlet, publication date and author. A field already in the
manifest is never overwritten, so the manifest stays the user's to correct.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .errors import AtlasError, shown
from .ingest import MANIFEST, MANIFEST_COLUMNS, MAX_BYTES

USER_AGENT = f"middlepowers-atlas/{__version__} (news research tool; fetches the pages its user listed)"
DEFAULT_DELAY = 2.0  # seconds between two requests to the same host
DEFAULT_TIMEOUT = 15.0  # seconds to connect, and between two reads
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
PROGRESS_FROM = 10


@dataclass(frozen=True)
class Outcome:
    """What became of one URL: fetched, skipped (already fetched) or failed, with the reason."""

    url: str
    status: str
    file: str | None = None
    reason: str = ""


class FetchError(AtlasError):
    """One URL could not be saved; the message is its reason."""


def file_name_for(url: str) -> str:
    """A stable, safe file name for a URL: outlet, the path's last words, and a hash of the URL."""
    parts = urlsplit(url)
    host = re.sub(r"^www\d?\.", "", (parts.hostname or "page").lower())
    tail = [p for p in parts.path.split("/") if p]
    slug = re.sub(r"\.(s?html?|php|aspx?)$", "", tail[-1]) if tail else ""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", slug).strip("-").lower()[:60]
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
    return "_".join(x for x in (re.sub(r"[^a-z0-9.-]+", "-", host), slug, digest) if x) + ".html"


def read_url_list(path: Path | str) -> list[str]:
    """URLs from a file, one a line; blank lines and lines starting with # are skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise AtlasError(f"cannot read the URL list {shown(path)}: {getattr(exc, 'strerror', None) or exc}") from exc
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) address")


def download(url: str, pool, timeout: float, max_bytes: int) -> bytes:
    """The page's bytes, or a FetchError saying why not (status, type, size, time, network)."""
    import urllib3

    deadline = time.monotonic() + 4 * timeout  # a page trickling in byte by byte still ends
    try:
        resp = pool.request(
            "GET", url, preload_content=False, timeout=urllib3.Timeout(connect=timeout, read=timeout),
            retries=urllib3.Retry(total=MAX_REDIRECTS, connect=0, read=0, status=0, other=0,
                                  redirect=MAX_REDIRECTS, raise_on_redirect=True, raise_on_status=False),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"},
        )
    except urllib3.exceptions.MaxRetryError as exc:
        reason = exc.reason
        if isinstance(reason, urllib3.exceptions.ResponseError) or "redirect" in str(reason).lower():
            raise FetchError(f"more than {MAX_REDIRECTS} redirects") from exc
        raise FetchError(_network_reason(reason)) from exc
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(_network_reason(exc)) from exc
    try:
        if resp.status != 200:
            raise FetchError(f"HTTP {resp.status}{' ' + resp.reason if resp.reason else ''}")
        ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype and ctype not in HTML_TYPES:
            raise FetchError(f"not an HTML page ({shown(ctype, 60)})")
        length = resp.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"larger than {max_bytes // (1024 * 1024)} MiB ({int(length) // 1024} KiB)")
        chunks, size = [], 0
        while True:
            if time.monotonic() > deadline:
                raise FetchError(f"too slow: not complete after {4 * timeout:.0f} s")
            chunk = resp.read1(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"larger than {max_bytes // (1024 * 1024)} MiB")
            chunks.append(chunk)
        if not size:
            raise FetchError("empty page")
        return b"".join(chunks)
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(_network_reason(exc)) from exc
    finally:
        resp.release_conn()


def _network_reason(exc: BaseException | None) -> str:
    import urllib3

    if isinstance(exc, (urllib3.exceptions.ConnectTimeoutError,)):
        return "timed out connecting"
    if isinstance(exc, (urllib3.exceptions.ReadTimeoutError, TimeoutError)):
        return "timed out waiting for the page"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "cannot connect"
    if isinstance(exc, urllib3.exceptions.NameResolutionError):
        return "unknown host"
    text = str(exc) if exc else "network error"
    return shown(re.sub(r"^<[^>]+>: ", "", text), 120)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


class Manifest:
    """manifest.csv of a folder as rows in order; written back whole, atomically."""

    def __init__(self, folder: Path):
        self.path = folder / MANIFEST
        self.columns = list(MANIFEST_COLUMNS)
        self.rows: list[dict[str, str]] = []
        if self.path.is_file():
            text = self.path.read_text(encoding="utf-8-sig")
            reader = csv.DictReader(io.StringIO(text, newline=""))
            self.columns += [c for c in (reader.fieldnames or []) if c and c not in self.columns]
            self.rows = [{k: v or "" for k, v in r.items() if k} for r in reader]

    def fill(self, file: str, values: dict[str, str | None]) -> None:
        """Add the file's row, or fill the blanks of the row it has; the URL is always set."""
        row = next((r for r in self.rows if r.get("file") == file), None)
        if row is None:
            row = {"file": file}
            self.rows.append(row)
        for k, v in values.items():
            if v and (k == "url" or not (row.get(k) or "").strip()):
                row[k] = v

    def save(self) -> None:
        out = io.StringIO(newline="")
        w = csv.DictWriter(out, fieldnames=self.columns, lineterminator="\n")
        w.writeheader()
        for r in self.rows:
            w.writerow({c: r.get(c, "") for c in self.columns})
        _write_atomic(self.path, out.getvalue().encode("utf-8"))


def describe(data: bytes, url: str) -> dict[str, str | None]:
    """A manifest row's fields from a saved page: what it says of itself, the URL's host else."""
    from .encoding import decode_bytes
    from .html import read_page

    try:
        html = decode_bytes(data, url).text
    except AtlasError:
        return {"url": url, "source": _host(url)}
    page = read_page(html, url)
    return {"url": url, "title": page.title, "source": page.source or _host(url), "published": page.published,
            "author": page.author}


def _host(url: str) -> str | None:
    from .html import registered

    return registered(urlsplit(url).hostname)


def fetch(urls: Iterable[str], articles_dir: Path | str, refresh: bool = False, delay: float = DEFAULT_DELAY,
          timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_BYTES, progress: bool = False) -> list[Outcome]:
    """Save every URL's page into articles_dir and its row into the manifest; one Outcome each."""
    import urllib3

    folder = Path(articles_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AtlasError(f"cannot create the articles folder {shown(folder)}: {exc.strerror or exc}") from exc
    manifest = Manifest(folder)
    todo = list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))
    bar = None
    if progress and len(todo) >= PROGRESS_FROM:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="page", desc="Fetching", leave=False)
    last_hit: dict[str, float] = {}
    outcomes: list[Outcome] = []
    with urllib3.PoolManager(num_pools=8, maxsize=1, block=True) as pool:
        try:
            for url in todo:
                outcomes.append(_one(url, folder, manifest, pool, last_hit, refresh, delay, timeout, max_bytes))
                if bar:
                    bar.update()
        finally:
            if bar:
                bar.close()
    return outcomes


def _one(url, folder: Path, manifest: Manifest, pool, last_hit, refresh, delay, timeout, max_bytes) -> Outcome:
    try:
        _check_url(url)
    except FetchError as exc:
        return Outcome(url, "failed", None, str(exc))
    name = file_name_for(url)
    target = folder / name
    if target.exists() and not refresh:
        if not any(r.get("file") == name for r in manifest.rows):
            manifest.fill(name, describe(target.read_bytes(), url))
            manifest.save()
        return Outcome(url, "skipped", name, "already fetched (--refresh fetches it again)")
    host = urlsplit(url).hostname or ""
    wait = last_hit.get(host, -1e9) + delay - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    try:
        data = download(url, pool, timeout, max_bytes)
    except FetchError as exc:
        return Outcome(url, "failed", None, str(exc))
    finally:
        last_hit[host] = time.monotonic()
    try:
        _write_atomic(target, data)
        manifest.fill(name, describe(data, url))
        manifest.save()
    except OSError as exc:
        return Outcome(url, "failed", None, f"cannot save it: {exc.strerror or exc}")
    return Outcome(url, "fetched", name)
