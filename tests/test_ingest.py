"""Ingest: files and manifest -> normalised articles; bad inputs skipped with a warning naming them."""

from __future__ import annotations

import logging
import os
import struct
import unicodedata
from pathlib import Path

import pytest

from middlepowers import ingest
from middlepowers.errors import ArticleError
from middlepowers.ingest import (
    MAX_BYTES,
    article_id_for,
    decode,
    html_to_text,
    load_articles,
    markdown_to_text,
    normalise_text,
    read_article,
    read_manifest,
)

BODY = "Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 10 May 2024."

HTML = """<!DOCTYPE html>
<html><head><title>Page title | Outlet</title>
<script>var decoy = "Qatar hosted talks between Chad and its rebels";</script>
<style>p { color: red }</style></head>
<body>
<header><nav><ul><li>Home</li><li>Oman offered to mediate in the menu</li></ul></nav></header>
<article>
<h1>Kazakhstan hosts Armenia-Azerbaijan talks</h1>
<p>{body}</p>
<p>The ministers will meet again <a href="/x">next month</a> in Astana.</p>
</article>
<aside>Related: Türkiye hosted a summit in Antalya</aside>
<footer><p>Footer: The outlet hosted the Global Media Summit.</p></footer>
<script>gtag('config', 'Switzerland hosted talks in Geneva');</script>
</body></html>
""".replace("{body}", BODY)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    p = folder / name
    if isinstance(content, str):
        p.write_text(content, encoding="utf-8")
    else:
        p.write_bytes(content)
    return p


# --- reading the three formats --------------------------------------------------------------


def test_ingest_reads_txt_md_and_html(tmp_path):
    write(tmp_path, "a.txt", f"Plain headline\n\n{BODY}\n")
    write(tmp_path, "b.md", f"# Markdown headline\n\nSome **bold** words. {BODY}\n\n- a list item here\n")
    write(tmp_path, "c.html", HTML)
    arts, warnings, _ = load_articles(tmp_path)
    assert warnings == []
    by_file = {a.file: a for a in arts}
    assert set(by_file) == {"a.txt", "b.md", "c.html"}
    for a in arts:
        assert BODY in a.text, a.file
    assert by_file["a.txt"].title == "Plain headline"
    assert "**" not in by_file["b.md"].text and "#" not in by_file["b.md"].text
    assert "bold words" in by_file["b.md"].text
    assert by_file["b.md"].title == "Markdown headline"
    assert by_file["c.html"].title == "Kazakhstan hosts Armenia-Azerbaijan talks"


def test_ingest_html_keeps_only_article_text():
    text, title = html_to_text(HTML)
    assert BODY in text
    assert "next month" in text
    for decoy in ("Qatar hosted", "Oman offered", "Antalya", "Global Media Summit", "Geneva", "color: red", "Home"):
        assert decoy not in text, decoy
    assert title == "Kazakhstan hosts Armenia-Azerbaijan talks"


def test_ingest_html_falls_back_to_main_when_there_is_no_article():
    html = ("<html><body><nav>Uzbekistan offered a platform in the nav</nav>"
            "<main><p>Uzbekistan hosted the Tashkent conference on Afghanistan.</p></main>"
            "<footer>Footer text that is not the article</footer></body></html>")
    text, _ = html_to_text(html)
    assert text == "Uzbekistan hosted the Tashkent conference on Afghanistan."


def test_ingest_html_file_drops_decoys_end_to_end(tmp_path):
    art = read_article(write(tmp_path, "page.html", HTML), None, "page")
    assert "Qatar" not in art.text and "Global Media Summit" not in art.text
    assert art.text.startswith("Kazakhstan hosts Armenia-Azerbaijan talks")


def test_ingest_markdown_drops_markup_keeps_words():
    text = markdown_to_text("# Head line\n\nAzerbaijan *hosted* the `COP29` summit.\n\n> A quoted line.\n")
    assert text.split("\n\n")[0] == "Head line"
    assert "Azerbaijan hosted the COP29 summit." in text
    assert "A quoted line." in text
    assert not any(ch in text for ch in "#*`>")


# --- normalisation --------------------------------------------------------------------------


def test_ingest_normalise_nfc_and_spaces_keep_curly_quotes():
    raw = "Gene\u0300ve\u00a0talks \u201cwent well\u201d, said the Kazakh\u202fminister\u2019s aide.\r\nNext\u200b line"
    text = normalise_text(raw)
    assert text == unicodedata.normalize("NFC", text)
    assert "Genève talks" in text  # decomposed accent composed; NBSP became a space
    assert "\u00a0" not in text and "\u202f" not in text and "\u200b" not in text and "\r" not in text
    assert "\u201cwent well\u201d" in text  # curly quotes kept as written
    assert "minister\u2019s" in text
    assert "Kazakh minister" in text
    assert "Next line" in text


def test_ingest_file_text_is_normalised(tmp_path):
    raw = f"Headline\n\nTalks in Gene\u0300ve\u00a0began \u201ctoday\u201d. {BODY}"
    art = read_article(write(tmp_path, "n.txt", raw), None, "n")
    assert "Genève began \u201ctoday\u201d." in art.text
    assert unicodedata.is_normalized("NFC", art.text)


def test_ingest_html_nbsp_entity_becomes_space(tmp_path):
    html = f"<html><body><article><p>Aid went via Poland&nbsp;earlier this week. {BODY}</p></article></body></html>"
    art = read_article(write(tmp_path, "e.html", html), None, "e")
    assert "Poland earlier this week" in art.text


# --- article ids -----------------------------------------------------------------------------


def test_ingest_article_ids_are_stable_and_from_file_names(tmp_path):
    write(tmp_path, "002_talks in Baku!.txt", f"Headline\n\n{BODY}")
    write(tmp_path, "001-summit.md", f"# Headline\n\n{BODY}")
    first = {a.file: a.article_id for a in load_articles(tmp_path)[0]}
    second = {a.file: a.article_id for a in load_articles(tmp_path)[0]}
    assert first == second
    assert first["001-summit.md"] == "001-summit"
    assert first["002_talks in Baku!.txt"].startswith("002_talks-in-Baku")
    # Ids are safe for URLs and file names.
    assert all(c.isalnum() or c in "-_" for aid in first.values() for c in aid)


def test_ingest_same_stem_gets_distinct_ids(tmp_path):
    write(tmp_path, "story.txt", f"Headline one\n\n{BODY}")
    write(tmp_path, "story.html", HTML)
    write(tmp_path, "story.md", f"# Headline three\n\n{BODY}")
    arts, warnings, _ = load_articles(tmp_path)
    assert warnings == []
    ids = [a.article_id for a in arts]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert all(i.startswith("story") for i in ids)
    assert ids == [a.article_id for a in load_articles(tmp_path)[0]]


def test_ingest_article_id_for_resolves_clashes():
    taken: set[str] = set()
    assert article_id_for(Path("x.txt"), taken) == "x"
    assert article_id_for(Path("x.md"), taken) == "x-md"
    assert article_id_for(Path("x.md"), taken) == "x-2"
    assert article_id_for(Path("???.txt"), set()) == "article"


# --- encodings -------------------------------------------------------------------------------

RUSSIAN = (
    "Президент Казахстана Касым-Жомарт Токаев предложил провести переговоры в Астане. "
    "Министр иностранных дел Азербайджана прибыл в столицу для встречи с коллегами из Армении.\n"
)
FRENCH = "Genève est la ville où les négociations ont eu lieu. São Tomé a accueilli les délégués à la conférence.\n"


def _correct_or_reported(tmp_path: Path, name: str, expected: str, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="middlepowers.ingest"):
        arts, warnings, _ = load_articles(tmp_path)
    reported = [w for w in warnings if name in w] + [r.getMessage() for r in caplog.records if name in r.getMessage()]
    if arts and expected in arts[0].text:
        return
    assert reported, f"{name} was garbled without a warning: {arts[0].text[:80] if arts else None!r}"


def test_ingest_windows_1251_russian_is_decoded(tmp_path, caplog):
    write(tmp_path, "ru.txt", RUSSIAN.encode("cp1251"))
    arts, warnings, _ = load_articles(tmp_path)
    assert warnings == ["ru.txt: not UTF-8; read as cp1251 (guessed from the text)"]  # decoded, and the user is told
    assert arts[0].text == RUSSIAN.strip()
    assert arts[0].encoding.replace("-", "").lower() in {"cp1251", "windows1251"}


def test_ingest_windows_1251_is_logged_as_not_utf8(tmp_path, caplog):
    write(tmp_path, "ru.txt", RUSSIAN.encode("cp1251"))
    with caplog.at_level(logging.WARNING, logger="middlepowers.ingest"):
        load_articles(tmp_path)
    assert any("ru.txt" in r.getMessage() and "not UTF-8" in r.getMessage() for r in caplog.records)


def test_ingest_latin1_french_is_decoded_or_reported(tmp_path, caplog):
    write(tmp_path, "fr.txt", FRENCH.encode("latin-1"))
    _correct_or_reported(tmp_path, "fr.txt", "Genève est la ville où les négociations", caplog)
    arts, _, _ = load_articles(tmp_path)
    assert "São Tomé" in arts[0].text


def test_ingest_decode_prefers_utf8_and_strips_bom():
    text, enc = decode("\ufeffAstana hosted talks.".encode("utf-8"), "bom.txt")
    assert (text, enc) == ("Astana hosted talks.", "utf-8")


# --- bad inputs: skipped with a warning naming the file --------------------------------------


def _good(folder: Path) -> None:
    write(folder, "good.txt", f"Good headline\n\n{BODY}\n")


def _assert_skipped(folder: Path, name: str) -> list[str]:
    arts, warnings, _ = load_articles(folder)
    assert [a.file for a in arts] == ["good.txt"]
    named = [w for w in warnings if name in w]
    assert len(named) == 1, warnings
    assert "\n" not in named[0]
    return named


def test_ingest_empty_file_is_skipped(tmp_path):
    _good(tmp_path)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.md", b"  \n\n \t\n")
    _assert_skipped(tmp_path, "empty.txt")
    _assert_skipped(tmp_path, "blank.md")


def test_ingest_random_bytes_are_skipped(tmp_path):
    _good(tmp_path)
    write(tmp_path, "noise.txt", bytes(range(256)) * 8 + os.urandom(4096))
    w = _assert_skipped(tmp_path, "noise.txt")
    assert "binary" in w[0] or "encoding" in w[0] or "not text" in w[0]


def test_ingest_random_bytes_without_nul_are_skipped(tmp_path):
    import random

    rnd = random.Random(7)
    _good(tmp_path)
    write(tmp_path, "noise.html", bytes(rnd.randrange(1, 256) for _ in range(4000)))
    _assert_skipped(tmp_path, "noise.html")


def test_ingest_png_named_as_article_is_skipped(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 16, 16, 8, 6, 0, 0, 0) + os.urandom(300)
    _good(tmp_path)
    write(tmp_path, "photo.txt", png)
    _assert_skipped(tmp_path, "photo.txt")


def test_ingest_file_larger_than_max_bytes_is_skipped(tmp_path):
    _good(tmp_path)
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: no real disk use
        fh.write(b"Kazakhstan hosted talks. ")
        fh.truncate(MAX_BYTES + 1)
    w = _assert_skipped(tmp_path, "huge.txt")
    assert "too large" in w[0]


def test_ingest_file_of_exactly_max_bytes_is_not_too_large(tmp_path):
    p = tmp_path / "edge.txt"
    line = (BODY + "\n").encode()
    p.write_bytes(line * (MAX_BYTES // len(line)))
    assert p.stat().st_size <= MAX_BYTES
    art = read_article(p, None, "edge")
    assert art.text.startswith(BODY)


def test_ingest_read_article_raises_one_line_article_error(tmp_path):
    with pytest.raises(ArticleError) as exc:
        read_article(write(tmp_path, "e.txt", b""), None, "e")
    assert "e.txt" in str(exc.value) and "\n" not in str(exc.value)


def test_ingest_markup_only_html_is_skipped(tmp_path):
    _good(tmp_path)
    write(tmp_path, "shell.html", "<html><head><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>")
    _assert_skipped(tmp_path, "shell.html")


# --- manifest ---------------------------------------------------------------------------------


def test_ingest_manifest_fills_metadata(tmp_path):
    write(tmp_path, "a.txt", f"First line title\n\n{BODY}")
    write(tmp_path, "manifest.csv", "file,title,source,url,published,author\n"
          "a.txt,Manifest title,example.org,https://example.org/a,2024-05-13,Jane Doe\n")
    (art,), warnings, _ = load_articles(tmp_path)
    assert warnings == []
    assert (art.title, art.source, art.url, art.published, art.author) == (
        "Manifest title", "example.org", "https://example.org/a", "2024-05-13", "Jane Doe")
    assert art.published_inferred is False


def test_ingest_manifest_row_with_missing_fields(tmp_path):
    write(tmp_path, "a.txt", f"Title from the first line\n\nAstana, 14 May 2024. {BODY}")
    write(tmp_path, "b.txt", f"Another first line\n\n{BODY}")
    write(tmp_path, "manifest.csv", "file,title,source,url,published,author\na.txt,,,,,\nb.txt,,,,\n")
    arts, warnings, _ = load_articles(tmp_path)
    assert warnings == []
    a, b = arts
    assert a.title == "Title from the first line"
    assert a.source is None and a.url is None and a.author is None
    assert a.published is None or (a.published_inferred and a.published.startswith("2024"))
    assert b.title == "Another first line"
    assert b.published is None or b.published_inferred


def test_ingest_article_missing_from_manifest_still_loads(tmp_path):
    write(tmp_path, "listed.txt", f"Listed\n\n{BODY}")
    write(tmp_path, "unlisted.txt", f"Unlisted headline\n\n{BODY}")
    write(tmp_path, "manifest.csv", "file,title,source,url,published,author\nlisted.txt,L,s,u,2024,\n")
    arts, warnings, _ = load_articles(tmp_path)
    assert warnings == []
    assert {a.file: a.title for a in arts} == {"listed.txt": "L", "unlisted.txt": "Unlisted headline"}


def test_ingest_manifest_row_for_missing_file_warns(tmp_path):
    _good(tmp_path)
    write(tmp_path, "manifest.csv", "file,title,source,url,published,author\n"
          "good.txt,Good,s,u,2024-01,\nghost.txt,Ghost,s,u,2024-01,\n")
    arts, warnings, _ = load_articles(tmp_path)
    assert [a.file for a in arts] == ["good.txt"]
    assert len(warnings) == 1 and "ghost.txt" in warnings[0]


@pytest.mark.parametrize("bad", ["13/05/2024", "2024-13-01", "2024-02-30", "May 2024", "yesterday"])
def test_ingest_manifest_malformed_date_warns_and_is_dropped(tmp_path, caplog, bad):
    write(tmp_path, "a.txt", f"Headline\n\n{BODY}")
    write(tmp_path, "manifest.csv", f"file,title,source,url,published,author\na.txt,T,s,u,{bad},\n")
    with caplog.at_level(logging.WARNING, logger="middlepowers.ingest"):
        (art,), _, _ = load_articles(tmp_path)
    assert art.published != bad
    assert art.published is None or art.published_inferred
    assert any("a.txt" in r.getMessage() and bad in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("published", ["2024", "2024-05", "2024-05-13"])
def test_ingest_manifest_accepts_contract_date_forms(tmp_path, published):
    write(tmp_path, "a.txt", f"Headline\n\n{BODY}")
    write(tmp_path, "manifest.csv", f"file,title,source,url,published,author\na.txt,T,s,u,{published},\n")
    (art,), _, _ = load_articles(tmp_path)
    assert art.published == published


def test_ingest_manifest_without_file_column_is_ignored(tmp_path, caplog):
    write(tmp_path, "a.txt", f"Headline\n\n{BODY}")
    write(tmp_path, "manifest.csv", "name,title\na.txt,T\n")
    rows, warnings = read_manifest(tmp_path)
    assert rows == {} and len(warnings) == 1 and "manifest.csv" in warnings[0] and "'file'" in warnings[0]
    (art,), _, _ = load_articles(tmp_path)
    assert art.title == "Headline"


def test_ingest_readme_is_not_an_article(tmp_path):
    _good(tmp_path)
    write(tmp_path, "README.md", "# About these articles\n\nKazakhstan hosted talks, says the readme.\n")
    write(tmp_path, "notes.csv", "a,b\n1,2\n")
    write(tmp_path, ".hidden.txt", f"Hidden\n\n{BODY}")
    arts, warnings, _ = load_articles(tmp_path)
    assert [a.file for a in arts] == ["good.txt"]
    assert warnings == []


def test_ingest_missing_manifest_is_fine(tmp_path):
    _good(tmp_path)
    assert read_manifest(tmp_path) == ({}, [])
    arts, warnings, _ = load_articles(tmp_path)
    assert len(arts) == 1 and warnings == []


def test_ingest_suffixes_cover_the_contract():
    assert {".txt", ".md", ".html"} <= set(ingest.SUFFIXES)


def test_ingest_latin1_english_prefers_windows_1252():
    # Short English text with a few accents fits several code pages; 1252/Latin-1 is the likely one.
    text, enc = ingest.decode("Switzerland hosted talks in Genève; delegates then flew to São Tomé.\n".encode("latin-1"), "g.txt")
    assert "Genève" in text and "São Tomé" in text and enc == "cp1252"


def test_ingest_not_utf8_is_reported_in_the_build_warnings(tmp_path):
    (tmp_path / "g.txt").write_bytes("Talks in Genève were hosted by Switzerland in 2021.\n".encode("latin-1"))
    arts, warnings, _ = ingest.load_articles(tmp_path)
    assert len(arts) == 1 and any("g.txt" in w and "not UTF-8" in w for w in warnings)


def test_ingest_html_inline_tags_do_not_split_words():
    text, _ = ingest.html_to_text("<article><p>The <b>Kazakhstan</b>’s proposal on the <a href='#'>Montreux Convention</a>.<br>Next line</p></article>")
    assert text == "The Kazakhstan’s proposal on the Montreux Convention. Next line"
