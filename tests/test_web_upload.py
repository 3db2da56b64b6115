"""The upload/paste box: codes a text or HTML article on the spot (stores nothing), refuses what
is too large, of another type, empty or not UTF-8 — with a clear message in the one error shape."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dyad.store import open_store
from dyad.web import create_app
from dyad.web.upload import MAX_UPLOAD_BYTES

ARTICLE = ("Japan and Australia sign security pact\n\n"
           "TOKYO (Reuters) - Japanese Prime Minister Fumio Kishida met Australian Prime Minister Anthony Albanese "
           "in Perth on Saturday and signed a new security agreement, the two governments said.\n\n"
           "\"This is a landmark for our partnership,\" Kishida told reporters after the talks.")

PAGE = ("<!doctype html><html><head><title>Seoul protests</title></head><body><article>"
        "<h1>South Korea protests Japanese textbook claims</h1>"
        "<p>South Korea summoned a senior Japanese diplomat in Seoul on Tuesday to protest against new school "
        "textbooks that repeat Tokyo's claim to disputed islands, the foreign ministry said.</p>"
        "<p>The ministry said the textbooks distort history and demanded that Japan correct them at once, and "
        "officials in Seoul said they would raise the matter again at talks next month.</p>"
        "</article></body></html>")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("upload") / "upload.db"
    open_store(path).close()
    return str(path)


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(db_path), base_url="http://127.0.0.1") as c:
        yield c


def _error(r, status: int, kind: str) -> str:
    assert r.status_code == status, r.text[:300]
    error = r.json()["error"]
    assert error["status"] == status and error["type"] == kind
    return error["message"]


# -- refused before any coding -------------------------------------------------------------------------
def test_web_upload_refuses_a_body_over_the_limit(client):
    big = b"Moscow and Beijing held talks. " * (MAX_UPLOAD_BYTES // 30 + 1000)
    message = _error(client.post("/api/code", content=big, headers={"content-type": "text/plain"}), 413, "too_large")
    assert "1024 KiB" in message and "dyad ingest" in message


def test_web_upload_refuses_a_chunked_body_over_the_limit(client):
    def chunks():
        for _ in range(40):
            yield b"x" * 65536

    r = client.post("/api/code", content=chunks(), headers={"content-type": "text/plain"})
    _error(r, 413, "too_large")


def test_web_upload_refuses_a_big_file_in_a_form(client):
    big = b"a" * (MAX_UPLOAD_BYTES + 10)
    r = client.post("/api/code", files={"file": ("big.txt", big, "text/plain")})
    _error(r, 413, "too_large")


@pytest.mark.parametrize(("content_type", "body"), [
    ("application/pdf", b"%PDF-1.7"), ("image/png", b"\x89PNG\r\n"), ("application/json", b'{"text": "hi"}'),
    ("", b"text without a type")])
def test_web_upload_refuses_other_types(client, content_type, body):
    message = _error(client.post("/api/code", content=body, headers={"content-type": content_type}), 415,
                     "unsupported_type")
    assert "text/plain" in message and "text/html" in message


def test_web_upload_refuses_other_file_types_in_a_form(client):
    r = client.post("/api/code", files={"file": ("photo.png", b"\x89PNG\r\n\x1a\n", "image/png")})
    assert "image/png" in _error(r, 415, "unsupported_type")
    r = client.post("/api/code", data={"text": "Some words here.", "type": "application/x-sh"})
    _error(r, 415, "unsupported_type")


def test_web_upload_refuses_binary_and_non_utf8(client):
    r = client.post("/api/code", content=b"Talks\x00in Geneva", headers={"content-type": "text/plain"})
    assert "binary" in _error(r, 415, "unsupported_type")
    r = client.post("/api/code", content="Gespräche in Genf".encode("latin-1"), headers={"content-type": "text/plain"})
    assert "UTF-8" in _error(r, 415, "unsupported_type")


def test_web_upload_refuses_empty_input(client):
    _error(client.post("/api/code", data={"text": "   "}), 400, "unreadable_input")
    _error(client.post("/api/code", content=b"", headers={"content-type": "text/plain"}), 400, "unreadable_input")


def test_web_upload_refuses_a_bad_date(client):
    r = client.post("/api/code", data={"text": ARTICLE, "published": "2022-02-30"})
    _error(r, 422, "invalid_request")


def test_web_upload_page_shows_errors_as_a_page(client):
    r = client.post("/code", files={"file": ("photo.png", b"\x89PNG", "image/png")})
    assert r.status_code == 415 and r.headers["content-type"].startswith("text/html")
    assert "can&#39;t code image/png" in r.text


# -- coded on the spot -------------------------------------------------------------------------------
def test_web_upload_codes_plain_text(client, db_path):
    r = client.post("/api/code?published=2023-04-15", content=ARTICLE.encode(),
                    headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200, r.text[:500]
    body = r.json()
    assert body["stored"] is False
    reading = body["reading"]
    assert reading["article"]["title"] == "Japan and Australia sign security pact"
    assert reading["article"]["published"] == "2023-04-15"
    names = {a["name"] for a in reading["actors"]}
    assert any("Kishida" in n for n in names) and any("Albanese" in n for n in names)
    text = reading["article"]["text"]
    for actor in reading["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    with open_store(db_path) as store:
        assert store.counts()["articles"] == 0  # nothing stored


def test_web_upload_codes_an_html_file(client):
    r = client.post("/api/code", files={"file": ("seoul.html", PAGE.encode(), "text/html")},
                    data={"published": "2023-03-28"})
    assert r.status_code == 200, r.text[:500]
    reading = r.json()["reading"]
    assert "summoned a senior Japanese diplomat" in reading["article"]["text"]
    assert "<p>" not in reading["article"]["text"]
    assert any(p["name"] == "Seoul" for p in reading["places"])


def test_web_upload_page_shows_the_reading(client):
    hostile = ARTICLE + "\n\nProtesters chanted <script>window.__pwned=1</script> outside."
    r = client.post("/code", data={"text": hostile, "type": "text/plain", "published": "2023-04-15"})
    assert r.status_code == 200
    assert "not stored" in r.text and "Japan and Australia sign security pact" in r.text
    assert "hl-actor" in r.text
    assert "<script>window" not in r.text and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in r.text
