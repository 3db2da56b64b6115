"""HTML pages -> Article, with trafilatura for the main text and the page's metadata."""

from __future__ import annotations

import re

from dyad.errors import InputError
from dyad.ingest.article import make_article, parse_published, split_paragraphs, without_surrogates
from dyad.records import Article

#: Pages whose extracted body has fewer words than this hold no article (an index, a login wall).
MIN_ARTICLE_WORDS = 20

_META_AUTHOR = re.compile(
    r"<meta\s+[^>]*(?:name|property)=[\"'](?:author|article:author|dc\.creator)[\"'][^>]*content=[\"']([^\"']+)[\"']",
    re.I)


def read_html(page: str | bytes, *, origin: str, url: str | None = None,
              published: str | None = None) -> Article:
    """Extract the article of one HTML page; raise ``InputError`` when the page has none."""
    import trafilatura

    if isinstance(page, str):
        page = without_surrogates(page)
    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except (ValueError, TypeError, AttributeError) as exc:  # lxml/trafilatura on broken markup
        raise InputError(f"can't parse HTML ({exc})", path=origin) from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError("HTML page has no article text (an index page, an error page or a script-only page?)",
                         path=origin)
    paragraphs = split_paragraphs(doc.text)
    title = (doc.title or "").strip() or None
    if title and paragraphs and paragraphs[0].strip() == title:
        paragraphs = paragraphs[1:]  # trafilatura repeats the <h1> headline as the first line
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise InputError(f"HTML page has no article (fewer than {MIN_ARTICLE_WORDS} words of body text)",
                         path=origin)
    author = doc.author
    if not author:
        head = page[:20000].decode("utf-8", "replace") if isinstance(page, bytes) else page[:20000]
        if m := _META_AUTHOR.search(head):
            author = m[1].strip()
    sitename = doc.sitename if doc.sitename and " " in doc.sitename.strip() else None  # not a bare host
    return make_article(paragraphs, title=title, byline=author,
                        published=parse_published(doc.date) or published,
                        url=doc.url or url, source=sitename, origin=origin)
