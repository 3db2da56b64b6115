"""The dashboard's JSON API and pages over a small real database: every endpoint answers with
the data its page shows, bad parameters get 422 in the one error shape, stored text is escaped."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dyad.records import Reading
from dyad.store import open_store
from dyad.web import create_app

PUTIN = {"name": "Vladimir Putin", "code": "RUSGOV", "country": "RUS", "sector": "GOV", "id": "Q7747"}
XI = {"name": "Xi Jinping", "code": "CHNGOV", "country": "CHN", "sector": "GOV", "id": "Q15031"}
WANG = {"name": "Wang Wenbin", "code": "CHNGOV", "country": "CHN", "sector": "GOV", "id": "local-wang"}
LAVROV = {"name": "Sergei Lavrov", "code": "RUSGOV", "country": "RUS", "sector": "GOV", "id": "Q4157"}
UKRAINE = {"name": "Ukraine", "code": "UKR", "country": "UKR", "sector": None, "id": "Q212"}
RUSSIAN_FORCES = {"name": "Russian forces", "code": "RUSMIL", "country": "RUS", "sector": "MIL", "id": "local-rusmil"}

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '"><img src=x onerror="window.__pwned=1">'


def _at(text: str, part: str) -> dict[str, int]:
    start = text.index(part)
    return {"start": start, "end": start + len(part)}


def _mention(text: str, part: str) -> dict[str, Any]:
    return {"text": part, **_at(text, part)}


def _event(text: str, source: dict, target: dict, code: str, label: str, quad: int, goldstein: float, day: str,
           evidence: str, *, sentence: str | None = None, place: dict | None = None) -> dict[str, Any]:
    sentence = sentence or next(s for s in re.split(r"(?<=\.)\s+", text) if evidence in s)
    return {"source": source, "target": target, "code": code, "root": code[:2], "label": label, "plover": None,
            "quad_class": quad, "goldstein": goldstein, "date": day, "date_precision": "day", "location": place,
            "modality": "asserted", "sentence": sentence, "evidence": _at(text, evidence)}


def samarkand() -> Reading:
    text = ("Russian President Vladimir Putin met Chinese leader Xi Jinping in Samarkand on Thursday, their first "
            "talks since the invasion of Ukraine.\n\n"
            "\"China is willing to work with Russia to play a guiding role,\" Xi told Putin.")
    quote = "China is willing to work with Russia to play a guiding role,"
    samarkand_place = {"name": "Samarkand", "country": "UZB", "lat": 39.65, "lon": 66.96}
    return Reading.from_dict({
        "article": {"id": "samarkand-talks", "title": "Putin and Xi meet in Samarkand", "published": "2022-09-16",
                    "source": "Central Asia Wire", "url": "https://news.example/2022/09/16/samarkand", "text": text},
        "actors": [{**PUTIN, "role": "President of Russia",
                    "mentions": [_mention(text, "Russian President Vladimir Putin")]},
                   {**XI, "role": "President of China", "mentions": [_mention(text, "Chinese leader Xi Jinping")]}],
        "quotes": [{"text": quote, **_at(text, quote), "cue": "told", "kind": "direct",
                    "speaker": {"name": "Xi Jinping", "code": "CHNGOV"},
                    "addressee": {"name": "Vladimir Putin", "code": "RUSGOV"}}],
        "events": [_event(text, PUTIN, XI, "040", "Consult, not specified below", 1, 1.0, "2022-09-15",
                          "Vladimir Putin met Chinese leader Xi Jinping", place=samarkand_place),
                   _event(text, XI, PUTIN, "040", "Consult, not specified below", 1, 1.0, "2022-09-15",
                          "Vladimir Putin met Chinese leader Xi Jinping", place=samarkand_place)],
        "dates": [{"text": "on Thursday", **_at(text, "on Thursday"), "resolved": "2022-09-15", "precision": "day"}],
        "places": [{"text": "Samarkand", **_at(text, "Samarkand"), "name": "Samarkand", "country": "UZB",
                    "lat": 39.65, "lon": 66.96, "feature": "city"}],
    })


def beijing_rebuke() -> Reading:
    text = ("China's foreign ministry spokesman Wang Wenbin criticised Foreign Minister Sergei Lavrov on Tuesday "
            "over remarks about Taiwan.\n\nThe rebuke was unusually sharp, diplomats in Beijing said.")
    return Reading.from_dict({
        "article": {"id": "beijing-rebuke", "title": "Beijing rebukes Lavrov", "published": "2022-10-05",
                    "source": "Pacific Courier", "text": text},
        "actors": [{**WANG, "mentions": [_mention(text, "Wang Wenbin")]},
                   {**LAVROV, "mentions": [_mention(text, "Foreign Minister Sergei Lavrov")]}],
        "events": [_event(text, WANG, LAVROV, "111", "Criticize or denounce", 3, -2.0, "2022-10-04",
                          "Wang Wenbin criticised Foreign Minister Sergei Lavrov")],
        "dates": [{"text": "on Tuesday", **_at(text, "on Tuesday"), "resolved": "2022-10-04", "precision": "day"}],
        "places": [{"text": "Beijing", **_at(text, "Beijing"), "name": "Beijing", "country": "CHN", "feature": "city"}],
    })


def kharkiv_shelling() -> Reading:
    text = ("Russian forces shelled residential districts of Kharkiv overnight, regional officials said on "
            "Sunday.\n\nUkraine accused Russian forces of targeting civilians.")
    return Reading.from_dict({
        "article": {"id": "kharkiv-shelling", "title": "Kharkiv shelled overnight", "published": "2022-11-20",
                    "source": "Kyiv Dispatch", "text": text},
        "actors": [{**RUSSIAN_FORCES, "mentions": [_mention(text, "Russian forces")]},
                   {**UKRAINE, "mentions": [_mention(text, "Ukraine")]}],
        "events": [_event(text, RUSSIAN_FORCES, UKRAINE, "195", "Employ aerial weapons", 4, -10.0, "2022-11-19",
                          "Russian forces shelled residential districts of Kharkiv"),
                   _event(text, UKRAINE, RUSSIAN_FORCES, "112", "Accuse, not specified below", 3, -2.0, "2022-11-20",
                          "Ukraine accused Russian forces")],
        "places": [{"text": "Kharkiv", **_at(text, "Kharkiv"), "name": "Kharkiv", "country": "UKR", "feature": "city"}],
    })


def hostile() -> Reading:
    """An article whose every stored string tries to run a script in the reader's browser."""
    text = (f"Protesters in Minsk held signs reading {SCRIPT} outside the embassy.\n\n"
            f"\"Freedom now {IMG}\" the organiser said, and Belarusian police detained him.")
    quote = f"Freedom now {IMG}"
    bad_actor = {"name": f"Police {SCRIPT}", "code": "BLRCOP", "country": "BLR", "sector": "COP", "id": "local-x"}
    organiser = {"name": f"Organiser {IMG}", "code": "BLRCVL", "country": "BLR", "sector": "CVL", "id": "local-y"}
    return Reading.from_dict({
        "article": {"id": "hostile-1", "title": f"Minsk protest {SCRIPT}", "published": "2022-09-20",
                    "byline": IMG, "source": f"Outlet {SCRIPT}", "url": "javascript:window.__pwned=1", "text": text},
        "actors": [{**bad_actor, "role": IMG, "mentions": [_mention(text, "Belarusian police")]},
                   {**organiser, "mentions": [_mention(text, "the organiser")]}],
        "quotes": [{"text": quote, **_at(text, quote), "cue": "said", "kind": "direct",
                    "speaker": {"name": organiser["name"], "code": "BLRCVL"}}],
        "events": [_event(text, bad_actor, organiser, "173", f"Arrest, detain {SCRIPT}", 4, -5.0, "2022-09-19",
                          "Belarusian police detained him")],
        "places": [{"text": "Minsk", **_at(text, "Minsk"), "name": f"Minsk {IMG}", "country": "BLR"}],
    })


READINGS = (samarkand, beijing_rebuke, kharkiv_shelling, hostile)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("web") / "web.db"
    with open_store(path) as store:
        store.add(*(make() for make in READINGS))
    return str(path)


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(db_path), base_url="http://127.0.0.1") as c:
        yield c


def _ok(client: TestClient, url: str) -> Any:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:500])
    return r.json() if r.headers["content-type"].startswith("application/json") else r.text


# -- every API endpoint ------------------------------------------------------------------------------
def test_web_api_overview(client):
    data = _ok(client, "/api/overview")
    assert data["counts"]["articles"] == 4
    assert data["counts"]["events"] >= 5  # Putin-Xi in Samarkand, both ways round, is one meeting
    assert [a["id"] for a in data["latest_articles"]][:2] == ["kharkiv-shelling", "beijing-rebuke"]
    pairs = {(d["source"], d["target"]) for d in data["top_dyads"]}
    # the Samarkand meeting (one report each way) is counted once, as CHN -> RUS: a tie goes to sorted codes
    assert {("CHN", "RUS"), ("RUS", "UKR"), ("UKR", "RUS")} <= pairs and ("RUS", "CHN") not in pairs
    nodes = {n["id"] for n in data["network"]["nodes"]}
    assert {"RUS", "CHN", "UKR"} <= nodes
    assert any(e["source"] == "RUS" and e["target"] == "UKR" and e["conflict"] == 1 for e in data["network"]["edges"])
    assert data["network"] == _ok(client, "/api/network")  # one pass over the events, the same network


def test_web_api_counts(client):
    counts = _ok(client, "/api/counts")
    assert counts["articles"] == 4 and counts["quotes"] == 2


def test_web_api_dyad_series_and_drill_down(client, db_path):
    data = _ok(client, "/api/dyad/RUS/CHN")
    assert (data["a"], data["b"], data["by"]) == ("RUS", "CHN", "month")
    series = {r["period"]: r for r in data["series"]}
    # the Samarkand meeting, coded both ways round from one sentence, is one event with two reports
    assert series["2022-09"]["cooperation"] == 1 and series["2022-09"]["conflict"] == 0
    assert series["2022-09"]["reports"] == 2
    assert series["2022-10"]["conflict"] == 1 and series["2022-10"]["verbal_conflict"] == 1
    assert data["n_events"] == 2
    from dyad.analysis import dyad_series
    from dyad.web.data import records

    with open_store(db_path) as store:
        assert data["series"] == records(dyad_series(store, "RUS", "CHN", by="month"))

    october = _ok(client, "/api/dyad/rus/chn?period=2022-10")
    assert october["n_events"] == 1
    (event,) = october["events"]
    assert event["code"] == "111" and event["direction"] == "CHN->RUS"
    (report,) = event["evidence"]
    article = _ok(client, f"/api/articles/{report['article_id']}")
    assert article["article"]["text"][report["start_char"]:report["end_char"]] == \
        "Wang Wenbin criticised Foreign Minister Sergei Lavrov"


def test_web_api_dyad_by_day_and_range(client):
    data = _ok(client, "/api/dyad/RUS/UKR?by=day&since=2022-11-20&until=2022-11-20")
    assert [r["period"] for r in data["series"]] == ["2022-11-20"]
    assert data["series"][0]["conflict"] == 1


def test_web_api_dyads(client):
    rows = _ok(client, "/api/dyads?n=2")["dyads"]
    assert len(rows) == 2
    by_code = _ok(client, "/api/dyads?level=code&include_self=true")["dyads"]
    assert any(d["source"] == "RUSMIL" and d["target"] == "UKR" for d in by_code)


def test_web_api_network(client):
    data = _ok(client, "/api/network?min_events=1&since=2022-11")
    assert {n["id"] for n in data["nodes"]} == {"RUS", "UKR"}


@pytest.mark.parametrize(("query", "expected"), [
    ("source=RUS", {"040", "195"}),
    ("target=RUS", {"040", "111", "112"}),
    ("root=11", {"111", "112"}),
    ("code=19", {"195"}),
    ("since=2022-10&until=2022-10-31", {"111"}),
    ("actor=Lavrov", {"111"}),
    ("country=UZB", {"040"}),
    ("modality=asserted&source=UKR", {"112"}),
    ("min_reports=2", {"040"}),  # the meeting: its sentence gives both directions, two reports
])
def test_web_api_events_filters(client, query, expected):
    data = _ok(client, f"/api/events?{query}")
    assert {e["code"] for e in data["events"]} == expected
    assert data["count"] == len(data["events"])


def test_web_api_events_limit(client):
    data = _ok(client, "/api/events?limit=2")
    assert data["count"] == 2 and data["limit"] == 2


def test_web_api_event_detail(client):
    first = _ok(client, "/api/events?code=195")["events"][0]
    detail = _ok(client, f"/api/events/{first['id']}")
    assert detail["event"]["id"] == first["id"]
    assert detail["evidence"][0]["article_id"] == "kharkiv-shelling"
    assert client.get("/api/events/0123456789abcdef").status_code == 404


def test_web_api_quotes(client):
    rows = _ok(client, "/api/quotes?speaker=Xi")["quotes"]
    assert [q["speaker_code"] for q in rows] == ["CHNGOV"]
    assert _ok(client, "/api/quotes?contains=GUIDING%20role")["count"] == 1
    assert _ok(client, "/api/quotes?speaker=CHNGOV&until=2022-09-01")["count"] == 0


def test_web_api_articles(client):
    rows = _ok(client, "/api/articles?since=2022-10&contains=rebuke")["articles"]
    assert [a["id"] for a in rows] == ["beijing-rebuke"]
    assert _ok(client, "/api/articles?source=Kyiv")["articles"][0]["id"] == "kharkiv-shelling"


def test_web_api_article_reading_is_the_contract(client, db_path):
    data = _ok(client, "/api/articles/samarkand-talks")
    with open_store(db_path) as store:
        assert data == store.reading("samarkand-talks").to_dict()
    assert client.get("/api/articles/no-such-article").status_code == 404


def test_web_api_actors_and_profile(client):
    rows = _ok(client, "/api/actors?country=RUS")["actors"]
    assert {a["code"] for a in rows} == {"RUSGOV", "RUSMIL"}
    assert _ok(client, "/api/actors?name=xi")["actors"][0]["name"] == "Xi Jinping"
    profile = _ok(client, "/api/actors/RUSGOV")
    assert profile["actor"] == "RUSGOV"
    assert [p["partner"] for p in profile["partners"]] == ["CHNGOV"]


def test_web_api_openapi_documents_every_endpoint(client):
    schema = _ok(client, "/openapi.json")
    paths = set(schema["paths"])
    assert {"/api/overview", "/api/counts", "/api/events", "/api/events/{event_id}", "/api/quotes", "/api/articles",
            "/api/articles/{article_id}", "/api/actors", "/api/actors/{code}", "/api/dyads", "/api/dyad/{a}/{b}",
            "/api/network", "/api/code"} <= paths
    assert not any(p.startswith(("/article/", "/dyad/")) for p in paths)  # pages are not API
    limit = next(p for p in schema["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 1000
    assert "ErrorResponse" in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


# -- pages and their JSON twins -------------------------------------------------------------------------
@pytest.mark.parametrize(("url", "twin", "shown"), [
    ("/", "/api/overview", ["Top dyads", "Putin and Xi meet in Samarkand", 'href="/dyad/RUS/UKR"', "<svg"]),
    ("/dyad/RUS/CHN", "/api/dyad/RUS/CHN?by=month", ["RUS", "Wang Wenbin criticised", 'class="coop"',
                                                      "/article/beijing-rebuke?start="]),
    ("/dyad/RUS/CHN?period=2022-09", "/api/dyad/RUS/CHN?by=month&period=2022-09", ["Events in 2022-09"]),
    ("/article/samarkand-talks", "/api/articles/samarkand-talks", ["hl-actor", "hl-event", "hl-quote", "hl-date",
                                                                   "hl-place", "Xi Jinping"]),
    ("/events?source=RUS", "/api/events?source=RUS&limit=100", ["Employ aerial weapons"]),
    ("/event/x", None, []),
    ("/quotes?speaker=Xi", "/api/quotes?speaker=Xi&limit=100", ["guiding role"]),
    ("/articles", "/api/articles?limit=100", ["Kharkiv shelled overnight"]),
    ("/actors?country=CHN", "/api/actors?country=CHN&limit=100", ["Wang Wenbin"]),
    ("/actor/RUS", "/api/actors/RUS", ["CHNGOV"]),
    ("/dyads", "/api/dyads?n=50&level=country", ["RUS"]),
    ("/code", None, ["Code an article", 'enctype="multipart/form-data"']),
    ("/api", "/openapi.json", ["/api/dyad/{a}/{b}"]),
])
def test_web_pages_render_with_their_json_twin(client, url, twin, shown):
    if url == "/event/x":
        event_id = _ok(client, "/api/events?code=111")["events"][0]["id"]
        url, twin, shown = f"/event/{event_id}", f"/api/events/{event_id}", ["Wang Wenbin criticised"]
    html = _ok(client, url)
    assert html.startswith("<!doctype html>")
    for text in shown:
        assert text in html, text
    if twin:
        assert f'href="{twin.replace("&", "&amp;")}"' in html
        assert client.get(twin).status_code == 200


def test_web_article_reader_focus_and_highlights(client):
    html = _ok(client, "/article/samarkand-talks?start=18&end=32")
    text = html.split('<div class="text" id="text">', 1)[1].split("</div>", 1)[0]
    focus = re.findall(r'<mark class="hl [^"]*hl-focus[^"]*"[^>]*>([^<]*)</mark>', text)
    assert "".join(focus) == "Vladimir Putin"
    assert '<span class="anchor" id="focus">' in html
    assert re.search(r'<mark class="hl hl-actor hl-event" data-keys="event-0 event-1 actor-1" title="[^"<>]*">'
                     r"Chinese leader Xi Jinping</mark>", html)
    assert "Central Asia Wire" in html and 'href="https://news.example/2022/09/16/samarkand"' in html


def test_web_article_ids_with_reserved_characters(tmp_path):
    odd = "feeds/world 2022?page=1#top"
    path = tmp_path / "odd.db"
    with open_store(path) as store:
        store.add(Reading.from_dict({"article": {"id": odd, "title": "Odd id", "text": "Talks in Doha resumed.",
                                                 "published": "2022-12-01"}}))
    with TestClient(create_app(str(path)), base_url="http://127.0.0.1") as c:
        listing = c.get("/articles").text
        link = re.search(r'<a href="(/article/[^"]+)">Odd id</a>', listing)[1]
        assert link == "/article/feeds%2Fworld%202022%3Fpage%3D1%23top"
        assert "Talks in Doha resumed." in c.get(link).text
        assert c.get(link.replace("/article/", "/api/articles/")).json()["article"]["id"] == odd


def test_web_pages_errors_are_pages(client):
    r = client.get("/events?limit=5000")
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "limit" in r.text
    r = client.get("/article/nope")
    assert r.status_code == 404 and "no article with this id" in r.text


# -- validation: 422 or empty, never a 500 ---------------------------------------------------------------
INJECTION = "' OR 1=1 --"


@pytest.mark.parametrize("query", [
    "/api/events?since=2022-13-01", "/api/events?since=2022-02-30", "/api/events?until=22-01-01",
    "/api/events?since=2022-09-15T00:00", f"/api/events?since={INJECTION}", "/api/events?limit=0",
    "/api/events?limit=100000", "/api/events?limit=99999999999999999999999", "/api/events?limit=ten",
    f"/api/events?source={INJECTION}", "/api/events?root=04;DROP%20TABLE%20events", "/api/events?code=04x",
    "/api/events?country=RUSS", "/api/events?modality=maybe", "/api/events?min_reports=-1",
    f"/api/events?actor={'x' * 500}", "/api/quotes?since=yesterday", f"/api/quotes?limit={INJECTION}",
    "/api/articles?until=2022-02-29", "/api/actors?country=1;2", f"/api/actors/{INJECTION}",
    "/api/dyad/RUS/CHN?by=decade", f"/api/dyad/RUS/CHN?period={INJECTION}", "/api/dyad/RUS/C%20N",
    "/api/dyads?n=0", "/api/dyads?level=planet", "/api/network?min_events=0", "/api/events/a%20b",
])
def test_web_api_rejects_bad_parameters(client, query):
    r = client.get(query)
    assert r.status_code == 422, (query, r.text[:300])
    error = r.json()["error"]
    assert error["status"] == 422 and error["type"] == "invalid_request"
    assert error["message"] and error["details"] and all({"loc", "msg"} <= set(d) for d in error["details"])


@pytest.mark.parametrize("query", [
    f"/api/events?actor={INJECTION}", f"/api/quotes?speaker={INJECTION}", f"/api/quotes?contains={INJECTION}",
    "/api/quotes?contains=%25", "/api/quotes?contains=%5C", f"/api/articles?contains={INJECTION}",
    f"/api/articles?source={INJECTION}", f"/api/actors?name={INJECTION}", "/api/actors?name=%27%3B--",
    "/api/articles/' OR '1'='1", "/api/events?actor=x%27)%20UNION%20SELECT%20*%20FROM%20articles--",
])
def test_web_api_injection_strings_find_nothing(client, query):
    r = client.get(query)
    assert r.status_code in (200, 404), (query, r.text[:300])
    if r.status_code == 200:
        body = r.json()
        rows = next(v for k, v in body.items() if isinstance(v, list))
        assert rows == []
    assert client.get("/api/counts").json()["articles"] == 4  # nothing dropped


def test_web_api_never_500_on_random_text(client):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    names = ["source", "target", "root", "code", "since", "until", "actor", "country", "modality", "min_reports",
             "limit"]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(names), st.text(max_size=40), st.sampled_from(["/api/events", "/events"]))
    def check(name, value, path):
        r = client.get(path, params={name: value})
        assert r.status_code in (200, 422), (name, value, r.status_code)

    check()


def test_web_api_unknown_path_has_the_error_shape(client):
    r = client.get("/api/nothing-here")
    assert r.status_code == 404
    assert r.json() == {"error": {"status": 404, "type": "not_found", "message": "nothing at /api/nothing-here",
                                  "details": []}}


# -- escaping -----------------------------------------------------------------------------------------
HOSTILE_PAGES = ["/", "/article/hostile-1", "/events?source=BLR", "/quotes?speaker=Organiser", "/articles",
                 "/actors?country=BLR", "/actor/BLR", "/dyad/BLR/BLR", "/event/hostile"]


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_web_pages_escape_stored_text(client, url):
    if url == "/event/hostile":
        url = "/event/" + _ok(client, "/api/events?source=BLR")["events"][0]["id"]
    html = _ok(client, url)
    assert "<script>window" not in html and "<img src=x" not in html and "onerror=\"window" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html or "&lt;img src=x" in html


def test_web_article_reader_shows_hostile_url_as_text(client):
    html = _ok(client, "/article/hostile-1")
    assert 'href="javascript:' not in html
    assert '<span class="url">javascript:window.__pwned=1</span>' in html


def test_web_templates_never_mark_stored_text_safe():
    from importlib import resources

    from dyad.web.pages import environment

    assert environment().autoescape is True
    for item in (resources.files("dyad.web") / "templates").iterdir():
        source = item.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|Markup\(", source), item.name


def test_web_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


# -- host check and token ------------------------------------------------------------------------------
def test_web_refuses_foreign_host_names_without_token(db_path):
    app = create_app(db_path)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/counts").status_code == 200
        assert c.get("/api/counts", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/api/counts", headers={"host": "[::1]:8000"}).status_code == 200
        r = c.get("/api/counts", headers={"host": "attacker.example:8000"})
        assert r.status_code == 400 and r.json()["error"]["type"] == "invalid_request"


TOKEN = "s3cret-Token_for.tests~0123456789"


@pytest.fixture(scope="module")
def guarded(db_path):
    with TestClient(create_app(db_path, token=TOKEN), base_url="http://dyad.example") as c:
        yield c


@pytest.mark.parametrize("url", ["/", "/api/counts", "/static/style.css", "/openapi.json", "/article/samarkand-talks"])
def test_web_token_required_everywhere(guarded, url):
    r = guarded.get(url)
    assert r.status_code == 401
    assert r.json()["error"]["type"] == "unauthorized"
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert guarded.get(url, headers={"authorization": "Bearer wrong-token-0123456789"}).status_code == 401
    assert guarded.get(url, headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_web_token_query_sets_cookie_and_redirects(db_path):
    with TestClient(create_app(db_path, token=TOKEN), base_url="http://dyad.example") as c:
        r = c.get(f"/events?source=RUS&token={TOKEN}", follow_redirects=False)
        assert r.status_code == 303
        assert r.headers["location"] == "/events?source=RUS"
        assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
        assert c.get("/events?source=RUS").status_code == 200  # the cookie now carries it
        c.cookies.clear()
        assert c.get("/events?source=RUS").status_code == 401
        assert c.get("/events?token=nearly-" + TOKEN[7:], follow_redirects=False).status_code == 401


def test_web_token_must_be_strong(db_path):
    for bad in ("short", "has spaces in it 0123456789", "semi;colon0123456789"):
        with pytest.raises(ValueError, match="URL-safe"):
            create_app(db_path, token=bad)


def test_web_token_comparison_is_constant_time():
    from dyad.web.security import token_matches

    assert token_matches(TOKEN, TOKEN) and not token_matches(TOKEN[:-1], TOKEN) and not token_matches(None, TOKEN)


def test_web_loopback_hosts():
    from dyad.web.security import is_loopback_host

    assert all(map(is_loopback_host, ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:80", "[::1]:8000",
                                      "::1", "127.8.9.10"]))
    assert not any(map(is_loopback_host, ["10.0.0.1", "0.0.0.0", "example.com", "localhost.evil.com", "[::]:80",
                                          "", "127.0.0.1.nip.io"]))


# -- opening databases ----------------------------------------------------------------------------------
def test_web_create_app_refuses_missing_or_memory_db(tmp_path):
    from dyad.errors import StoreError

    with pytest.raises(StoreError, match="no database"):
        create_app(str(tmp_path / "missing.db"))
    with pytest.raises(ValueError, match="memory"):
        create_app(":memory:")
    assert not (tmp_path / "missing.db").exists()


def test_web_reads_while_another_connection_writes(db_path, tmp_path):
    """The dashboard sees a batch written after it started (WAL readers don't block writers)."""
    import shutil

    copy = tmp_path / "live.db"
    shutil.copy(db_path, copy)
    with TestClient(create_app(str(copy)), base_url="http://127.0.0.1") as c:
        before = c.get("/api/counts").json()["articles"]
        with open_store(copy) as writer:
            writer.add(Reading.from_dict({"article": {"id": "late-news", "text": "Late news from Riga.",
                                                      "published": "2022-12-01"}}))
        assert c.get("/api/counts").json()["articles"] == before + 1
        assert c.get("/api/articles/late-news").status_code == 200
