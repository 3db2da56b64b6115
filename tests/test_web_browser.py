"""The dashboard in a real browser: ``dyad serve`` runs as a subprocess on a free loopback port
over a database ingested from the example and some dev articles; headless Chromium (Debian's
``chromium``, driven by Playwright) walks overview -> dyad page -> article reader, codes a pasted
article, and loads hostile stored text, which must stay inert. Screenshots go to
``artifacts/web/``.

Run as a script to remake the README's screenshots from a database of your own:

    python tests/test_web_browser.py --db dyad.db --out docs/img
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "samarkand-2022-09-16.txt"
DEV = ROOT.parent / "shared" / "dev" / "polnear-dev-quotes.jsonl"
ARTIFACTS = ROOT / "artifacts" / "web"

#: Dev articles ingested beside the example: enough for several dyads, few enough to stay fast.
DEV_ARTICLES = 6

#: Flags known to work for headless Chromium as root in CI (no sandbox, nothing fetched).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '"><img src=x onerror="window.__pwned=1">'


def find_chromium() -> str | None:
    for candidate in (os.environ.get("DYAD_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _skip_reason() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install 'dyad-events[test]')"
    if find_chromium() is None:
        return "no chromium found (run scripts/ci-chromium.sh, or set DYAD_CHROMIUM to a Chromium binary)"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: str, *, token: str | None = None) -> Iterator[str]:
    """``dyad serve`` on a free loopback port, as a real process; yields its base URL."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DYAD_TOKEN", None)
    if token:
        env["DYAD_TOKEN"] = token
    proc = subprocess.Popen([sys.executable, "-m", "dyad", "serve", "--db", db, "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"dyad serve exited with {proc.returncode}: {proc.stderr.read()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("dyad serve did not start within 60 s") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def browser(user_data_dir: Path, *, width: int = 1280, height: int = 900):  # noqa: ANN201 - a BrowserContext
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(user_data_dir), executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": width, "height": height})
        try:
            yield context
        finally:
            context.close()


# -- the test database ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    """The example, a few dev articles and a hostile article, ingested as `dyad ingest` does."""
    from dyad.batch import ingest
    from dyad.reader import Reader
    from dyad.store import open_store
    from test_web_api import hostile

    folder = tmp_path_factory.mktemp("browser")
    inputs = [str(EXAMPLE)]
    if DEV.is_file():
        lines = DEV.read_text(encoding="utf-8").splitlines()[:DEV_ARTICLES]
        (folder / "dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        inputs.append(str(folder / "dev.jsonl"))
    hostile_article = {
        "id": "xss-article", "title": f"Minsk rally {SCRIPT}", "date": "2022-09-20", "source": f"Wire {IMG}",
        "text": (f"Opposition supporters rallied in Minsk on Saturday, some holding placards reading {SCRIPT}.\n\n"
                 f"\"We will not be silenced {IMG},\" opposition leader Sviatlana Tsikhanouskaya said in a "
                 "statement from Vilnius. Belarusian police detained dozens of protesters, rights groups said.")}
    (folder / "hostile.jsonl").write_text(json.dumps(hostile_article) + "\n", encoding="utf-8")
    inputs.append(str(folder / "hostile.jsonl"))
    path = folder / "browser.db"
    with open_store(path) as store:
        summary = ingest(inputs, store, Reader(), progress=False)
        assert summary.failed == 0, summary.failures
        store.add(hostile())  # payloads in actor names, roles, labels and places too
    return str(path)


@pytest.fixture(scope="module")
def server(database) -> Iterator[str]:
    with serving(database) as base:
        yield base


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    with browser(tmp_path_factory.mktemp("chromium-profile")) as ctx:
        yield ctx


@pytest.fixture()
def page(context):
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda exc: page.problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: page.problems.append(f"console {msg.type}: {msg.text}")
            if msg.type in ("error", "warning") else None)
    yield page
    page.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


# -- the walk -------------------------------------------------------------------------------------------
def test_web_browser_overview_dyad_article(server, page):
    page.goto(server + "/")
    assert page.inner_text("h1") == "Overview"
    counts = page.inner_text("section.counts")
    assert f"{1 + (DEV_ARTICLES if DEV.is_file() else 0) + 2}\narticles" in counts
    assert page.locator("svg.network circle.node").count() >= 3
    assert page.locator("text=Putin, Xi Hail 'Great Power' Ties at Talks Defying West").count() >= 1
    shot(page, "1-overview")

    page.locator('table.rows a[href="/dyad/RUS/CHN"]').first.click()
    page.wait_for_url("**/dyad/RUS/CHN")
    assert "RUS" in page.inner_text("h1") and "CHN" in page.inner_text("h1")
    assert page.locator("figure.chart svg rect.coop").count() >= 1
    assert page.locator("li.event").count() >= 2
    page.locator('figure.chart a.bar[href*="period=2022-09"]').click()  # the month of the example's talks
    page.wait_for_url("**period=2022-09**")
    assert "Events in 2022-09" in page.inner_text("#events h2")
    first = page.locator("li.event").first
    first.locator("summary").click()
    sentence = first.locator("blockquote").first.inner_text()
    assert "Putin" in sentence or "Xi" in sentence
    shot(page, "2-dyad")

    first.locator("a.read").first.click()
    page.wait_for_url("**/article/**")
    assert "start=" in page.url and page.url.endswith("#focus")
    assert page.inner_text("h1") == "Putin, Xi Hail 'Great Power' Ties at Talks Defying West"
    for kind in ("actor", "event", "quote", "date", "place"):
        assert page.locator(f"#text mark.hl-{kind}").count() > 0, kind
    focus = "".join(page.locator("#text mark.hl-focus").all_inner_texts())
    assert focus and focus.strip() in sentence
    panel = page.inner_text("aside.panel")
    assert "Vladimir Putin" in panel and "Xi Jinping" in panel and "RUSGOV" in panel
    shot(page, "3-article")

    page.locator("aside.panel ol.records li[data-key^='quote-']").first.click()
    assert page.locator("#text mark.hl.on").count() >= 1  # the script outlines a record's text
    weight = "getComputedStyle(document.querySelector('#text mark.hl-actor')).fontWeight"
    assert page.evaluate(weight) == "700"
    page.uncheck("#show-actor")  # CSS alone hides a kind of highlight
    assert page.evaluate(weight) == "400"
    assert page.problems == []  # no script errors, no CSP violations, no missing files


def test_web_browser_codes_a_pasted_article(server, page):
    page.goto(server + "/code")
    page.fill("textarea[name=text]",
              "Turkey and Sweden agree on NATO talks\n\n"
              "ANKARA - Turkish President Recep Tayyip Erdogan met Swedish Prime Minister Ulf Kristersson in "
              "Ankara on Tuesday and agreed to continue talks on Sweden's NATO membership.\n\n"
              f"\"We want concrete steps {SCRIPT},\" Erdogan told reporters after the meeting.")
    page.fill("input[name=published]", "2022-11-08")
    page.click("form.coder button[type=submit]")
    page.wait_for_selector("p.notice")
    assert "not stored" in page.inner_text("p.notice")
    assert page.inner_text("h1") == "Turkey and Sweden agree on NATO talks"
    assert page.locator("#text mark.hl-actor").count() >= 2
    assert SCRIPT in page.inner_text("#text")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "4-coded")
    assert page.problems == []


# -- stored text stays text ----------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/article/xss-article", "/article/hostile-1", "/", "/articles",
                                  "/quotes?contains=silenced", "/quotes?speaker=Organiser", "/events?source=BLR",
                                  "/actors?country=BLR", "/dyad/BLR/BLR"])
def test_web_browser_hostile_text_is_inert(server, page, path):
    page.goto(server + path)
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # our own app.js, nothing from the data
    body = page.inner_text("body")
    assert SCRIPT in body or IMG.strip('">') in body or "onerror" in body
    if path == "/article/xss-article":
        text = page.inner_text("#text")
        assert SCRIPT in text and "img src=x onerror" in text
        assert f"Minsk rally {SCRIPT}" == page.inner_text("h1")
        shot(page, "5-hostile-article")
    assert [p for p in page.problems if "favicon" not in p] == []


# -- remaking the README's screenshots --------------------------------------------------------------------
def docs_screenshots(db: str, out: Path, dyad: tuple[str, str] = ("RUS", "CHN"), by: str = "month",
                     article: str | None = None) -> list[Path]:
    """Screenshots of the dyad page (1200x960 CSS pixels) and the article reader (1200x760), PNG."""
    import tempfile

    out.mkdir(parents=True, exist_ok=True)
    made = []
    with serving(db) as base, tempfile.TemporaryDirectory() as profile, \
            browser(Path(profile), width=1200, height=760) as ctx:
        page = ctx.new_page()
        page.set_viewport_size({"width": 1200, "height": 960})  # the chart and the first event's sentences
        page.goto(f"{base}/dyad/{dyad[0]}/{dyad[1]}?by={by}")
        page.locator("li.event summary").first.click()
        page.screenshot(path=str(out / "dyad-page.png"))
        made.append(out / "dyad-page.png")
        link = page.locator("li.event a.read").first.get_attribute("href") if article is None else \
            f"/article/{article}"
        page.set_viewport_size({"width": 1200, "height": 760})
        page.goto(base + link.split("?")[0])
        page.locator("aside.panel ol.records li[data-key^='event-']").first.click()
        page.wait_for_timeout(600)  # the smooth scroll
        page.screenshot(path=str(out / "article-reader.png"))
        made.append(out / "article-reader.png")
    return made


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Screenshots of the dyad page and the article reader.")
    parser.add_argument("--db", required=True, help="an event database (dyad ingest ... --db FILE)")
    parser.add_argument("--out", default="docs/img", type=Path, help="folder for the PNG files")
    parser.add_argument("--dyad", nargs=2, default=("RUS", "CHN"), metavar=("A", "B"))
    parser.add_argument("--by", default="month", choices=["day", "week", "month", "year"])
    parser.add_argument("--article", help="article id for the reader (default: the dyad's first event's)")
    args = parser.parse_args()
    for made in docs_screenshots(args.db, args.out, tuple(args.dyad), args.by, args.article):
        print(made, made.stat().st_size, "bytes", file=sys.stderr)
