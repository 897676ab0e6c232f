"""Files + manifest -> normalised articles.

Articles are read, never edited. Each becomes one row of the articles table; a file that
cannot be read is skipped with a warning that names it.
"""

from __future__ import annotations

import csv
import errno
import io
import logging
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .encoding import Decoded, decode_bytes
from .errors import ArticleError, BuildError, shown

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 5 * 1024 * 1024
MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "title", "source", "url", "published", "author")

# Spaces that look like a space but are not one; all become U+0020.
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Article:
    """One article as the build sees it."""

    article_id: str
    file: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    encoding: str = "utf-8"
    published_inferred: bool = False
    warnings: list[str] = field(default_factory=list)


def normalise_text(text: str) -> str:
    """NFC, one kind of space, Unix newlines, no zero-width marks; quotes are kept as written."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes -> (text, encoding): the byte-order mark, UTF-8, UTF-16, the likely code pages."""
    d = decode_bytes(data, name)
    return d.text, d.encoding


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible article text of an HTML page, one block per line, and its title."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(["script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside", "form"]):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for br in root.find_all("br"):
        br.replace_with(" ")
    h1 = root.find("h1") if hasattr(root, "find") else None
    if h1 is not None:
        title = h1.get_text(" ", strip=True) or title
    blocks = []
    block_tags = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "figcaption", "dd", "dt"]
    found = root.find_all(block_tags)
    if found:
        for el in found:
            if el.find(block_tags):  # the innermost block carries the text
                continue
            # Inline tags join without spaces ("<b>Kazakhstan</b>’s" stays one word); blocks do not.
            t = " ".join(el.get_text("").split())
            if t:
                blocks.append(t)
    else:
        blocks = [ln for ln in root.get_text("\n").split("\n") if ln.strip()]
    return "\n\n".join(blocks), title


def markdown_to_text(md: str) -> str:
    """Plain text of a Markdown article: markup dropped, one block per paragraph."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(md)
    text, _ = html_to_text(f"<html><body>{html}</body></html>")
    return text


def article_id_for(path: Path, taken: set[str]) -> str:
    """A stable id from the file name: its stem, made safe, with the suffix added on a clash."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem).strip("-") or "article"
    aid = base
    if aid in taken:
        aid = f"{base}-{path.suffix.lstrip('.').lower()}"
    n = 2
    while aid in taken:
        aid, n = f"{base}-{n}", n + 1
    taken.add(aid)
    return aid


# Folder notes that are not articles: a README.md beside the articles describes them.
NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})


@dataclass
class Scan:
    """What an articles folder holds: the article files, the manifest, and what was passed over."""

    files: list[Path] = field(default_factory=list)
    manifest: Path | None = None
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # article files that will not be read


def table_name(name: str) -> str:
    """A file name as the tables store it: bytes that are not UTF-8 become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _entry_problem(path: Path, root: Path) -> str | None:
    """Why a folder entry cannot be read as a file inside the folder, or None when it can."""
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            try:
                target = path.resolve(strict=True)
            except RuntimeError:  # Python 3.11 reports a loop this way
                return "a link that loops"
            except FileNotFoundError:
                return "a link to a missing file"
            except OSError as exc:
                return "a link that loops" if exc.errno == errno.ELOOP else f"a link that cannot be followed ({exc.strerror})"
            if not target.is_relative_to(root):
                return "a link to a file outside the articles folder"
            st = target.stat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISDIR(st.st_mode):
        return "a folder"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    return None


def scan_folder(folder: Path | str) -> Scan:
    """The article files of a folder (not recursive, in a stable order) and the manifest.

    Links are followed only to files inside the folder; links out of it, broken or looping links,
    sub-folders, devices and pipes are passed over with a warning naming them."""
    folder = Path(folder)
    try:
        root = folder.resolve(strict=True)
        entries = sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        raise BuildError(f"articles folder {shown(folder)} cannot be read ({exc.strerror or exc})") from exc
    scan = Scan()
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        path = Path(entry.path)
        is_manifest = name == MANIFEST
        is_article = path.suffix.lower() in SUFFIXES and path.stem.upper() not in NOT_ARTICLES
        if not (is_manifest or is_article):
            if entry.is_dir():  # follows links: a linked folder is a folder too
                scan.warnings.append(f"skipped {shown(name)}/: sub-folders are not read")
            continue
        problem = _entry_problem(path, root)
        if problem:
            if is_manifest:
                scan.warnings.append(f"ignoring {MANIFEST}: {problem}")
            else:
                scan.warnings.append(f"skipped {shown(name)}: {problem}" + (" (sub-folders are not read)" if problem == "a folder" else ""))
                scan.skipped.append(name)
        elif is_manifest:
            scan.manifest = path
        else:
            scan.files.append(path)
    return scan


def list_article_files(folder: Path) -> list[Path]:
    """Every readable article file in the folder (not recursive), in a stable order."""
    return scan_folder(folder).files


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, at most `limit`: pipes, devices and larger files raise ArticleError.

    The file is opened without blocking and checked after opening, so a pipe or a device put in
    place of a file (or behind a link) can neither hang nor exhaust memory."""
    name = shown(path.name)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ArticleError(f"{name}: not a regular file")
        if st.st_size > limit:
            raise ArticleError(f"{name}: too large ({st.st_size // 1024} KiB > {limit // 1024} KiB)")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)
    if len(data) > limit:  # grew while being read
        raise ArticleError(f"{name}: too large (over {limit // 1024} KiB)")
    return data


def normalise_published(value: str | None, where: str) -> tuple[str | None, str | None]:
    """A manifest date as YYYY, YYYY-MM or YYYY-MM-DD, and a warning when it is not one.

    Full-width digits and a time after the date ("2024-05-10T08:00Z") are read as the date."""
    if not value or not value.strip():
        return None, None
    v = unicodedata.normalize("NFKC", value).strip()
    v = re.sub(r"^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}.*$", r"\1", v)
    if _PUBLISHED.match(v):
        from .nlp.dates import valid_iso

        if valid_iso(v):
            return v, None
    return None, f"{where}: published date {shown(value, 40)!s} is not YYYY[-MM[-DD]]; it is inferred from the text"


def read_manifest(folder: Path | str, path: Path | None = None) -> tuple[dict[str, dict[str, str]], list[str]]:
    """manifest.csv as ({file: row}, warnings): absent is fine; each problem is a warning naming
    the row (missing columns, bad dates, repeated files, rows a stray quote ran together)."""
    path = path if path is not None else Path(folder) / MANIFEST
    if not os.path.lexists(path):
        return {}, []
    try:
        text = decode_bytes(read_limited(path), MANIFEST).text
    except ArticleError as exc:
        return {}, [f"ignoring {exc}"]
    reader = csv.reader(io.StringIO(text, newline=""))
    records, end = [], 0
    try:
        for row in reader:  # each record with the line it starts on
            records.append((end + 1, row))
            end = reader.line_num
    except csv.Error as exc:
        return {}, [f"ignoring {MANIFEST}: not valid CSV ({exc})"]
    if not records:
        return {}, [f"ignoring {MANIFEST}: it is empty"]
    header = [h.strip().lower() for h in records[0][1]]
    if "file" not in header:
        return {}, [f"ignoring {MANIFEST}: it has no 'file' column"]
    warnings = []
    missing = [c for c in MANIFEST_COLUMNS if c not in header]
    if missing:
        warnings.append(f"{MANIFEST}: no column {', '.join(missing)}; those fields are read from the articles")
    out: dict[str, dict[str, str]] = {}
    first_row: dict[str, int] = {}
    for line, row in records[1:]:
        where = f"{MANIFEST} line {line}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            warnings.append(f"{where}: {len(row) - len(header)} more field(s) than columns, ignored (a comma outside quotes?)")
        rec = {k: (v or "").strip() for k, v in zip(header, row)}
        if any("\n" in v for v in rec.values()):
            warnings.append(f"{where}: a field runs over several lines (an unbalanced quote?); check the rows after it")
        name = rec.get("file", "")
        if not name:
            warnings.append(f"{where}: no file name; row ignored")
            continue
        if name in out:
            warnings.append(f"{where}: {shown(name)} is listed again (first on line {first_row[name]}); the first row is used")
            continue
        meta = {k: rec.get(k, "") for k in MANIFEST_COLUMNS}
        published, problem = normalise_published(meta["published"], f"{where} ({shown(name)})")
        if problem:
            warnings.append(problem)
        meta["published"] = published or ""
        out[name], first_row[name] = meta, line
    return out, warnings


def read_article(path: Path, meta: dict[str, str] | None, article_id: str) -> Article:
    """Read and normalise one article; raises ArticleError with a one-line reason."""
    name = table_name(path.name)
    decoded: Decoded = decode_bytes(read_limited(path), shown(path.name))
    raw, page = decoded.text, {}
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        from .html import read_page

        found = read_page(raw, (meta or {}).get("url") or None)
        raw = found.text
        page = {"title": found.title, "source": found.source, "url": found.url, "published": found.published,
                "author": found.author}
    elif suffix == ".md":
        raw = markdown_to_text(raw)
    text = normalise_text(raw)
    if len(text.split()) < 3:
        raise ArticleError(f"{shown(path.name)}: no article text")
    # The manifest wins over what the page says of itself; the first line is the last resort.
    known = {k: (meta or {}).get(k) or page.get(k) or None for k in ("title", "source", "url", "published", "author")}
    first_line = text.split("\n", 1)[0].strip()
    art = Article(
        article_id=article_id,
        file=name,
        title=(known["title"] or first_line)[:300],
        text=text,
        source=known["source"],
        url=known["url"],
        published=known["published"],
        author=known["author"],
        encoding=decoded.encoding,
    )
    if decoded.guessed:
        art.warnings.append(f"{shown(path.name)}: not UTF-8; read as {decoded.encoding} (guessed from the text)")
    if name != path.name:
        art.warnings.append(f"{shown(path.name)}: file name is not UTF-8; listed as {shown(name)}")
    if art.published is None:
        from .nlp.dates import infer_published

        art.published = infer_published(text)
        art.published_inferred = art.published is not None
    return art


class Loaded(NamedTuple):
    """The readable articles of a folder, every warning, and the article files skipped."""

    articles: list[Article]
    warnings: list[str]
    skipped: list[str]


def load_articles(folder: Path | str, scan: Scan | None = None) -> Loaded:
    """All readable articles of a folder, every warning, and the names of the files skipped."""
    folder = Path(folder)
    scan = scan or scan_folder(folder)
    manifest, manifest_warnings = read_manifest(folder, scan.manifest) if scan.manifest else ({}, [])
    warnings = list(scan.warnings) + manifest_warnings
    skipped = list(scan.skipped)
    names = {table_name(p.name) for p in scan.files} | {p.name for p in scan.files} | set(scan.skipped)
    for listed in sorted(set(manifest) - names):
        warnings.append(f"{shown(listed)}: listed in {MANIFEST} but not found")
    taken: set[str] = set()
    articles = []
    for path in scan.files:
        aid = article_id_for(path, taken)
        try:
            art = read_article(path, manifest.get(path.name) or manifest.get(table_name(path.name)), aid)
        except ArticleError as exc:
            warnings.append(f"skipped {exc}")
            skipped.append(path.name)
            continue
        articles.append(art)
        warnings.extend(art.warnings)
    for w in warnings:
        log.warning(w)
    return Loaded(articles, warnings, skipped)
