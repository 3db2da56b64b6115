"""The bloc pages in a real browser (issue 17): ``dyad serve`` over the example plus a few dated
readings; headless Chromium walks /blocs -> /bloc/SCO -> a partner bloc -> NATO on either side
of Finland's accession. Screenshots go to ``artifacts/web/``."""

from __future__ import annotations

import pytest

# server (over this module's database), context and page are the walk's fixtures, shared.
from test_web_browser import EXAMPLE, _skip_reason, context, page, server, shot  # noqa: F401

pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    from dyad.batch import ingest
    from dyad.reader import Reader
    from dyad.records import ActorRef, Article, Event, Reading, Span
    from dyad.store import open_store

    def event(src: ActorRef, tgt: ActorRef, date: str, sentence: str) -> Event:
        return Event(source=src, target=tgt, code="111", root="11", label="Criticize or denounce", plover=None,
                     quad_class=3, goldstein=-2.0, date=date, location=None, modality="asserted",
                     sentence=sentence, evidence=Span(0, len(sentence)))

    fin = ActorRef(name="Finland", code="FIN", country="FIN")
    rus = ActorRef(name="Russia", code="RUS", country="RUS")
    path = tmp_path_factory.mktemp("browser-blocs") / "blocs.db"
    with open_store(path) as store:
        summary = ingest([str(EXAMPLE)], store, Reader(), progress=False)
        assert summary.failed == 0, summary.failures
        for aid, day, sentence in (("fin-1", "2023-03-20", "Finland criticised Russia's drills."),
                                   ("fin-2", "2023-04-20", "Finland denounced Russia's threats.")):
            store.add(Reading(article=Article(id=aid, text=sentence, published=day),
                              events=(event(fin, rus, day, sentence),)))
    return str(path)


def test_web_browser_bloc_page(server, page):
    page.goto(server + "/blocs?on=2022-09-16")
    assert page.inner_text("h1") == "Blocs"
    row = page.locator("table.blocs tr", has=page.locator('a[href="/bloc/SCO"]'))
    assert row.locator("td.num").inner_text() == "8"  # before Iran (2023) and Belarus (2024)
    shot(page, "6-blocs")

    row.locator('a[href="/bloc/SCO"]').click()
    page.wait_for_url("**/bloc/SCO")
    assert page.inner_text("h1").startswith("Shanghai Cooperation Organization")
    assert page.locator("figure.timeline svg g.spell").count() == 10  # every member's spell
    titles = page.locator("figure.timeline g.spell title").all_text_contents()
    assert any(t.startswith("IRN: 2023-07-04") for t in titles) and any(t.startswith("BLR: 2024-07-04") for t in titles)
    assert page.locator("figure.chart svg rect").count() >= 1
    assert "2022-09" in page.inner_text("table.series")
    partners = page.inner_text("#partners table")
    assert "NATO" in partners and "WEST" in partners
    assert page.locator("li.event .scope.internal").count() >= 1
    shot(page, "7-bloc-sco")

    page.locator('#partners a[href="/bloc/NATO"]').click()
    page.wait_for_url("**/bloc/NATO")
    page.fill("input[name=on]", "2023-04-03")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**on=2023-04-03**")
    assert "FIN" not in page.inner_text("p.members-on") and "TUR" in page.inner_text("p.members-on")
    page.goto(server + "/bloc/NATO?on=2023-04-04")
    assert "FIN" in page.inner_text("p.members-on")
    dates = page.locator("#events li.event .date").all_inner_texts()
    assert "2023-04-20" in dates and "2023-03-20" not in dates  # Finland's events count from its accession
    page.click("details.changes summary")
    assert "2023-04-04 FIN joined" in page.inner_text("ul.changes")
    shot(page, "8-bloc-nato")
    assert page.problems == []


def test_web_browser_article_lists_memberships(server, page):
    page.goto(server + "/articles")
    page.locator("a", has_text="Putin, Xi Hail").first.click()
    page.wait_for_url("**/article/**")
    memberships = page.inner_text("section.relations")
    assert "member of SCO" in memberships and "Kazakhstan" in memberships
    page.locator('section.relations a[href="/bloc/SCO"]').first.click()
    page.wait_for_url("**/bloc/SCO")
    assert page.problems == []
