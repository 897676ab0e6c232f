"""Seeded generators of broken and odd article folders, for the fuzz test and bench/fuzz_build.py.

Every kind starts from sentences written for these tests and damages or disguises them: random
bytes, cut UTF-8, legacy code pages and UTF-16, tag soup, Markdown noise, odd file names.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

SENTENCES = (
    "Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 10 May 2024.",
    "Azerbaijan sent humanitarian aid to Türkiye after the earthquake in February 2023.",
    "Uzbekistan convened a conference on Afghanistan in Tashkent last July.",
    "Qatar offered to mediate between the two sides, its foreign minister said on Monday.",
    "The Organization of Turkic States held its summit in Astana, chaired by Kazakhstan.",
    "Президент Казахстана провёл переговоры в Астане.",
    "Türkiye Dışişleri Bakanı İstanbul'da görüşmelere ev sahipliği yaptı.",
    "Le ministre a accueilli à Genève les négociations de paix.",
)
KINDS = ("random_bytes", "cut_utf8", "code_page", "utf16", "tag_soup", "markdown_noise", "odd_name")
_CODECS = ("cp1251", "cp1254", "cp1252", "latin-1", "kz1048", "koi8_r", "cp1250", "mac_cyrillic")
_TAGS = ("p", "div", "article", "main", "script", "style", "h1", "title", "b", "i", "table", "td", "br", "img")


def _text(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(SENTENCES) for _ in range(n))


def _random_bytes(rnd: random.Random) -> bytes:
    return bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 3000)))


def _cut_utf8(rnd: random.Random) -> bytes:
    data = _text(rnd, rnd.randrange(1, 8)).encode("utf-8")
    cut = rnd.randrange(0, len(data) + 1)
    out = bytearray(data[:cut])
    for _ in range(rnd.randrange(0, 4)):  # a few bytes flipped
        if out:
            out[rnd.randrange(len(out))] = rnd.randrange(256)
    return bytes(out)


def _code_page(rnd: random.Random) -> bytes:
    codec = rnd.choice(_CODECS)
    return _text(rnd, rnd.randrange(1, 8)).encode(codec, errors="replace")


def _utf16(rnd: random.Random) -> bytes:
    codec = rnd.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32"))
    data = _text(rnd, rnd.randrange(1, 6)).encode(codec)
    if rnd.random() < 0.2:
        data = data[: rnd.randrange(len(data) + 1)]
    if rnd.random() < 0.2:
        data = codecs.BOM_UTF16_LE + data
    return data


def _tag_soup(rnd: random.Random) -> bytes:
    parts = []
    for _ in range(rnd.randrange(1, 40)):
        r = rnd.random()
        tag = rnd.choice(_TAGS)
        if r < 0.3:
            parts.append(f"<{tag}>")
        elif r < 0.5:
            parts.append(f"</{tag}>")
        elif r < 0.6:
            parts.append(f"<{tag} {rnd.choice(('class', 'src', 'onload'))}=\"{rnd.random()}")
        elif r < 0.65:
            parts.append("<!--" if rnd.random() < 0.5 else "]]>")
        else:
            parts.append(rnd.choice(SENTENCES))
    return "".join(parts).encode("utf-8")


def _markdown_noise(rnd: random.Random) -> bytes:
    marks = ("# ", "## ", "> ", "* ", "1. ", "```", "|a|b|", "---", "[link](http://127.0.0.1:9/x)", "![i](x.png)",
             "$x^2$", "<img src=x>", "**", "_", "\\", "&amp;", "&#0;", "&#xD800;")
    lines = [rnd.choice(marks) + (rnd.choice(SENTENCES) if rnd.random() < 0.7 else "") for _ in range(rnd.randrange(1, 20))]
    return "\n".join(lines).encode("utf-8")


def _odd_name(rnd: random.Random, i: int) -> bytes:
    pieces = ("new\nline", "tab\tbed", "ünïcode", "пример", "space d", "dot.dot", "emoji☃", "a" * 150, "%s", "{x}", "quote\"'")
    return f"{rnd.choice(pieces)}-{i}".encode("utf-8", "surrogateescape") + rnd.choice((b"", b"\xff", b"\xc3"))


def make_corpus(folder: Path, per_kind: int, seed: int = 0) -> int:
    """Write per_kind files of every kind into folder (made if needed); returns how many."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for kind in KINDS:
        for i in range(per_kind):
            suffix = rnd.choice((".txt", ".md", ".html", ".htm"))
            if kind == "odd_name":
                name = _odd_name(rnd, i) + suffix.encode()
                data = _text(rnd, rnd.randrange(1, 4)).encode("utf-8")
            else:
                name = f"{kind}-{i:04d}{suffix}".encode()
                data = {"random_bytes": _random_bytes, "cut_utf8": _cut_utf8, "code_page": _code_page, "utf16": _utf16,
                        "tag_soup": _tag_soup, "markdown_noise": _markdown_noise}[kind](rnd)
            with open(bytes(folder) + b"/" + name, "wb") as fh:
                fh.write(data)
            n += 1
    return n
