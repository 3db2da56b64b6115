"""Build ``Article`` records: ids, paragraph layout and repair, dates, outlet names."""

from __future__ import annotations

import csv
import functools
import hashlib
import html
import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from importlib import resources
from urllib.parse import urlsplit

from dyad.records import Article, Embed, Related, Span

#: A paragraph that ends in one of these is a finished paragraph, never joined to the next.
_TERMINAL = tuple('.!?:;"\u201d\u2019\')]\u2026')

#: Headings and section titles are short; a paragraph longer than this many words that stops
#: without terminal punctuation was broken by the scraper ("... Prime Minister Narendra" / "Modi.").
HEADING_MAX_WORDS = 8

#: A fragment this short that closes a sentence ("Modi.") finishes the paragraph before it.
FRAGMENT_MAX_WORDS = 4

_WS = re.compile(r"[ \t\u00a0]+")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")

# Lone surrogates (a "\ud800" escape in JSON, broken UTF-16) can't be encoded as UTF-8, which
# hashing, spaCy and the database all do; they become U+FFFD, one character for one.
_SURROGATES = re.compile("[\ud800-\udfff]")


# HTML character references left in text that was meant to be plain (``&ldquo;``, ``&#8217;``,
# ``&quot;``): only complete ones, with their semicolon, so "AT&T" and "R&D;" stay as they are
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """``text`` with HTML character references decoded (``&ldquo;Yes&rdquo;`` -> ``“Yes”``);
    unknown names are left as written."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def without_surrogates(value: object) -> object:
    """``value`` (a string, or JSON data holding strings) with lone surrogates replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATES.sub("\ufffd", value) if _SURROGATES.search(value) else value
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    return value


def article_id(text: str) -> str:
    """The contract's id: sha256 of the normalised text (NFC, whitespace folded), 16 hex chars."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def strip_markdown(line: str) -> str:
    """``By [AFP](#)`` -> ``By AFP``: drop link targets, images and emphasis markers."""
    line = _MD_IMAGE.sub(r"\1", line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPH.sub(r"\2", line)


def clean_line(line: str) -> str:
    return _WS.sub(" ", line).strip()


def needs_join(paragraph: str, following: str) -> bool:
    """Whether ``following`` continues ``paragraph`` (a line break the scraper put mid-sentence).

    Joined: ``...," Xi`` + ``told Putin at the talks.`` (the next starts in lower case), and
    ``... Prime Minister Narendra`` + ``Modi.`` (a long paragraph stopping without punctuation, or
    one followed by a short sentence-closing fragment). Never joined: a paragraph ending in
    terminal punctuation, or a short heading followed by an ordinary paragraph.
    """
    if not paragraph or not following or paragraph.endswith(_TERMINAL):
        return False
    if paragraph.endswith((",", "\u2014", "-", "\u2013")):
        return True
    first = following.lstrip("\"'\u201c\u2018")[:1]
    if first.islower():
        return True
    words = len(paragraph.split())
    if words > HEADING_MAX_WORDS:
        return True
    return len(following.split()) <= FRAGMENT_MAX_WORDS and following.endswith(_TERMINAL) and words > 2


def repair_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join paragraphs that a scraper split in mid-sentence; keep real paragraphs apart."""
    out: list[str] = []
    for para in paragraphs:
        if out and needs_join(out[-1], para):
            out[-1] = f"{out[-1]} {para}"
        else:
            out.append(para)
    return out


def layout(paragraphs: list[str]) -> tuple[str, tuple[Span, ...]]:
    """Join paragraphs with a blank line; return the text and each paragraph's span."""
    spans, pos = [], 0
    for para in paragraphs:
        spans.append(Span(pos, pos + len(para)))
        pos += len(para) + 2
    return "\n\n".join(paragraphs), tuple(spans)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank-line separated, or line separated when no blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    out = []
    for block in blocks:
        para = clean_line(" ".join(block.split("\n")))
        if para:
            out.append(para)
    return out


_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_MDY = re.compile(rf"^(?:[a-z]+,?\s+)?{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DATE_DMY = re.compile(rf"^(?:[a-z]+,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+(\d{{4}})\b", re.I)
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?)?")


def parse_published(value: str | None) -> str | None:
    """An ISO date (``2022-09-16``) or datetime from a dateline/metadata string, else ``None``.

    Recognises ISO 8601, ``September 16, 2022``, ``16 Sept. 2022``, optionally after a weekday and
    followed by a time; impossible dates give ``None``.
    """
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DATE_ISO.match(value):
            date(int(m[1]), int(m[2]), int(m[3]))
            if m[4]:
                return value[: m.end()].replace(" ", "T")
            return m[0][:10]
        if m := _DATE_MDY.match(value):
            return date(int(m[3]), _MONTHS[m[1].lower()], int(m[2])).isoformat()
        if m := _DATE_DMY.match(value):
            return date(int(m[3]), _MONTHS[m[2].lower()], int(m[1])).isoformat()
    except (ValueError, KeyError):
        return None
    return None


def is_dateline(line: str) -> bool:
    """A header line that is just a date (possibly with a time), not a sentence."""
    return parse_published(line) is not None and len(line.split()) <= 8


@functools.lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    table: dict[str, str] = {}
    with resources.files("dyad.data").joinpath("ingest/outlets.tsv").open(encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        next(rows, None)  # column header
        for row in rows:
            if len(row) >= 2:
                table[row[0].strip().lower()] = row[1].strip()
    return table


def outlet_name(url: str | None) -> str | None:
    """The outlet behind a URL: a known name (data/ingest/outlets.tsv) or the bare host."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    host = host.removeprefix("www.")
    outlets = _outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = outlets.get(".".join(parts[i:]))
        if name:
            return name
    return host


def make_article(paragraphs: list[str], *, title: str | None = None, byline: str | None = None,
                 published: str | None = None, url: str | None = None, source: str | None = None,
                 photo_credit: str | None = None, embeds: tuple[Embed, ...] = (),
                 related: tuple[Related, ...] = (), article_id_: str | None = None,
                 origin: str | None = None, language: str = "en") -> Article:
    """Assemble an Article from cleaned body paragraphs (repaired here) and metadata."""
    text, spans = layout(repair_paragraphs(paragraphs))
    return Article(
        id=article_id_ or article_id(text), text=text, title=title or None, byline=byline or None,
        published=published or None, url=url or None, source=source or outlet_name(url),
        photo_credit=photo_credit or None, language=language, paragraphs=spans, embeds=embeds,
        related=related, origin=origin)


def with_published(article: Article, published: str | None) -> Article:
    """Fill in ``published`` for an article that carries none (the ``--published`` option)."""
    if article.published or not published:
        return article
    return replace(article, published=published)


def today_iso() -> str:
    return datetime.now().date().isoformat()
