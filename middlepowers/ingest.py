"""Files + manifest -> normalised articles.

Articles are read, never edited. Each becomes one row of the articles table; a file that
cannot be read is skipped with a warning that names it.
"""

from __future__ import annotations

import csv
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleError

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
    """Bytes -> (text, encoding). UTF-8 first; otherwise a detected encoding, or an error."""
    if not data.strip():
        raise ArticleError(f"{name}: empty file")
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: binary file (NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is not None:
        # Short, mostly English texts fit several Latin code pages equally well; Windows-1252
        # (a superset of Latin-1) is by far the likeliest of them for news copy.
        tied = [r for r in results if r.chaos == best.chaos and r.coherence == best.coherence]
        best = next((r for r in tied if r.encoding in ("cp1252", "latin_1", "iso8859_1")), best)
    if best is None or best.encoding is None:
        raise ArticleError(f"{name}: not UTF-8 and no text encoding could be detected")
    text = str(best)
    if _control_ratio(text) > 0.01:
        raise ArticleError(f"{name}: not UTF-8; decoded as {best.encoding} it is not text")
    return text, best.encoding


def _control_ratio(text: str) -> float:
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return bad / max(len(text), 1)


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


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """manifest.csv as {file: row}; absent is fine, malformed is a warning."""
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        text, _ = decode(path.read_bytes(), str(path))
        rows = list(csv.DictReader(text.splitlines()))
    except (ArticleError, csv.Error, OSError) as exc:
        log.warning("ignoring %s: %s", path, exc)
        return {}
    if not rows or "file" not in (rows[0].keys()):
        log.warning("ignoring %s: it has no 'file' column", path)
        return {}
    out = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        if name:
            out[name] = {k: (row.get(k) or "").strip() for k in MANIFEST_COLUMNS}
    return out


def normalise_published(value: str | None, name: str) -> str | None:
    """A manifest date as YYYY, YYYY-MM or YYYY-MM-DD; anything else is dropped with a warning."""
    if not value:
        return None
    value = value.strip()
    if _PUBLISHED.match(value):
        from .nlp.dates import valid_iso

        if valid_iso(value):
            return value
    log.warning("%s: manifest date %r is not YYYY[-MM[-DD]]; inferring it from the text", name, value)
    return None


# Folder notes that are not articles: a README.md beside the articles describes them.
NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})


def list_article_files(folder: Path) -> list[Path]:
    """Every article file in the folder (not recursive), in a stable order."""
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and p.stem.upper() not in NOT_ARTICLES
    )


def read_article(path: Path, meta: dict[str, str] | None, article_id: str) -> Article:
    """Read and normalise one article; raises ArticleError with a one-line reason."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{path.name}: too large ({size // 1024} KiB > {MAX_BYTES // 1024} KiB)")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    raw, encoding = decode(data, path.name)
    title = None
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        raw, title = html_to_text(raw)
    elif suffix == ".md":
        raw = markdown_to_text(raw)
    text = normalise_text(raw)
    if len(text.split()) < 3:
        raise ArticleError(f"{path.name}: no article text")
    meta = meta or {}
    first_line = text.split("\n", 1)[0].strip()
    art = Article(
        article_id=article_id,
        file=path.name,
        title=meta.get("title") or title or first_line[:200],
        text=text,
        source=meta.get("source") or None,
        url=meta.get("url") or None,
        published=normalise_published(meta.get("published"), path.name),
        author=meta.get("author") or None,
        encoding=encoding,
    )
    if encoding != "utf-8":
        log.warning("%s: not UTF-8; read as %s", path.name, encoding)
    if art.published is None:
        from .nlp.dates import infer_published

        art.published = infer_published(text)
        art.published_inferred = art.published is not None
    return art


def load_articles(folder: Path | str) -> tuple[list[Article], list[str]]:
    """All readable articles of a folder and the warnings for those skipped."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    files = list_article_files(folder)
    names = {p.name for p in files}
    warnings = []
    for listed in sorted(set(manifest) - names):
        msg = f"{listed}: listed in {MANIFEST} but not found; skipped"
        log.warning(msg)
        warnings.append(msg)
    taken: set[str] = set()
    articles = []
    for path in files:
        aid = article_id_for(path, taken)
        try:
            art = read_article(path, manifest.get(path.name), aid)
            articles.append(art)
            if art.encoding != "utf-8":
                warnings.append(f"{path.name}: not UTF-8; read as {art.encoding}")
        except ArticleError as exc:
            msg = f"skipped {exc}"
            log.warning(msg)
            warnings.append(msg)
    return articles, warnings
