"""Scraped plain text -> Article.

The layout this reads (as produced by common scrapers and the bundled example)::

    Title line
    By [AFP](#)                      <- byline, markdown removed
    September 16, 2022               <- dateline
    Pool / TASS                      <- photo credit (a short line before the body)
    Body paragraphs, blank-line separated, sometimes broken mid-sentence ...
    Embed:                           <- an embedded post: its text, then
    — max seddon (@maxseddon) [September 15, 2022](#)
    Related article: [Title](#)      <- related links
    Original url:
    <https://...>                    <- the canonical URL

Plain text without a header (one or more paragraphs) is read as body only. HTML character
references left in the text (``&ldquo;``, ``&#8217;``) are decoded.
"""

from __future__ import annotations

import re

from dyad.ingest.article import (clean_line, decode_entities, is_dateline, make_article, parse_published,
                                 strip_markdown, without_surrogates)
from dyad.records import Article, Embed, Related

_BYLINE = re.compile(r"^by\s+(.+)$", re.I)
_RELATED = re.compile(r"^related(?: article| story| articles)?\s*:\s*(.*)$", re.I)
_EMBED = re.compile(r"^embed(?:ded)?(?: \w+)?\s*:\s*(.*)$", re.I)
_URL_LABEL = re.compile(r"^(?:original|source|canonical)\s+url\s*:\s*(.*)$", re.I)
_URL = re.compile(r"<?(https?://[^\s>]+)>?")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")
#: ``— max seddon (@maxseddon) [September 15, 2022](#)`` closes an embedded tweet.
_TWEET_SIGNATURE = re.compile(
    r"^[\u2014\u2013-]+\s*(?P<author>[^(@]+?)?\s*\((?P<handle>@\w+)\)\s*(?P<date>.*)$")

#: A header line longer than this many words is body text, not a credit or a dateline.
CREDIT_MAX_WORDS = 8

#: Headlines are rarely longer than this; a longer first line is body text.
TITLE_MAX_WORDS = 30

#: An embed with no signature line takes at most this many paragraphs.
EMBED_MAX_PARAGRAPHS = 3


def _link(text: str) -> tuple[str, str | None]:
    """``[title](url)`` -> (title, url or None for placeholder targets like ``#``)."""
    m = _MD_LINK.search(text)
    if not m:
        return clean_line(text), None
    url = m[2] if m[2].startswith(("http://", "https://")) else None
    return clean_line(m[1]), url


def _blocks(raw: str) -> list[str]:
    """Blank-line separated blocks, each folded to one line."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for block in re.split(r"\n[ \t\u00a0]*\n", raw):
        line = clean_line(" ".join(block.split("\n")))
        if line:
            out.append(line)
    return out


def _looks_like_body(line: str) -> bool:
    return len(line.split()) > CREDIT_MAX_WORDS or line.endswith((".", "?", "!", '"', "\u201d"))


def _looks_like_title(line: str) -> bool:
    """A headline: not too long and not closed like a sentence of body text."""
    return len(line.split()) <= TITLE_MAX_WORDS and not line.endswith((".", ",", ";", ":"))


def read_text(raw: str, *, origin: str | None = None, published: str | None = None,
              url: str | None = None, title: str | None = None) -> Article:
    """Read one scraped plain-text article (see the module docstring for the layout)."""
    blocks = _blocks(decode_entities(without_surrogates(raw)))
    head: dict[str, str | None] = {"title": title, "byline": None, "published": None,
                                   "photo_credit": None}
    i = 0
    # Header: title, byline, dateline, credit; stops at the first line that reads as body.
    if len(blocks) > 1 and title is None and _looks_like_title(blocks[0]):
        head["title"] = strip_markdown(blocks[0])
        i = 1
    while i < len(blocks) and i < 6:
        line = blocks[i]
        if m := _BYLINE.match(line):
            if len(line.split()) > CREDIT_MAX_WORDS + 4:
                break
            head["byline"] = clean_line(strip_markdown(m[1]))
        elif is_dateline(strip_markdown(line)) and not head["published"]:
            head["published"] = parse_published(strip_markdown(line))
        elif (head["byline"] or head["published"]) and not _looks_like_body(line) \
                and not _EMBED.match(line) and not _RELATED.match(line) and not head["photo_credit"]:
            head["photo_credit"] = clean_line(strip_markdown(line))
        else:
            break
        i += 1

    body: list[str] = []
    embeds: list[Embed] = []
    related: list[Related] = []
    while i < len(blocks):
        line = blocks[i]
        if m := _URL_LABEL.match(line):
            target = m[1] or (blocks[i + 1] if i + 1 < len(blocks) else "")
            if not m[1]:
                i += 1
            if u := _URL.search(target):
                url = url or u[1]
        elif m := _RELATED.match(line):
            r_title, r_url = _link(m[1])
            if r_title:
                related.append(Related(title=r_title, url=r_url))
        elif m := _EMBED.match(line):
            i = _read_embed(blocks, i, m[1], embeds)
        else:
            body.append(strip_markdown(line))
        i += 1

    return make_article(body, title=head["title"], byline=head["byline"],
                        published=head["published"] or published, url=url,
                        photo_credit=head["photo_credit"], embeds=tuple(embeds),
                        related=tuple(related), origin=origin)


def _read_embed(blocks: list[str], i: int, inline: str, embeds: list[Embed]) -> int:
    """Read an ``Embed:`` block starting at ``blocks[i]``; return the index of its last block."""
    parts = [inline] if inline else []
    j = i + 1
    while j < len(blocks) and j <= i + EMBED_MAX_PARAGRAPHS + 1:
        sig = _TWEET_SIGNATURE.match(blocks[j])
        if sig:
            date_text, _ = _link(sig["date"])
            embeds.append(Embed(kind="tweet", text=" ".join(parts), author=clean_line(sig["author"] or "") or None,
                                handle=sig["handle"], date=parse_published(date_text),
                                url=_link(sig["date"])[1]))
            return j
        parts.append(strip_markdown(blocks[j]))
        j += 1
    # No signature: the embed is the next paragraph only.
    if not inline and i + 1 < len(blocks):
        embeds.append(Embed(kind="embed", text=strip_markdown(blocks[i + 1])))
        return i + 1
    embeds.append(Embed(kind="embed", text=inline))
    return i
