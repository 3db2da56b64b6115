"""Event records: fields from the tables, evidence, dates, modality, merging, quotes as events."""

from __future__ import annotations

import pytest

from dyad.events import find_events, load_lexicon, merge
from dyad.ingest import read_text
from dyad.records import DateRef, Event, Quote

PUBLISHED = "2023-03-10"  # a Friday


@pytest.fixture(scope="module")
def tables():
    from dyad import actors

    return actors.load_tables()


@pytest.fixture(scope="module")
def run(nlp, tables):
    """text -> events with the real actors, and dates/quotes given by the test."""
    from dyad import actors

    def code(text: str, dates: dict[str, str] | None = None, quotes=None) -> tuple[Event, ...]:  # noqa: ANN001
        article = read_text(text, published=PUBLISHED)
        doc = nlp(article.text)
        doc_actors = actors.find_actors(doc, article, tables)
        refs = []
        for phrase, resolved in (dates or {}).items():
            start = article.text.index(phrase)
            refs.append(DateRef(phrase, start, start + len(phrase), resolved,
                                {4: "year", 7: "month"}.get(len(resolved), "day")))
        made = quotes(article.text, doc_actors) if quotes else ()
        return find_events(doc, article, doc_actors, tuple(refs), (), made, load_lexicon())

    return code


def only(events, code_prefix: str) -> Event:  # noqa: ANN001
    found = [e for e in events if e.code.startswith(code_prefix)]
    assert found, [(e.code, e.trigger) for e in events]
    return found[0]


def test_events_fields_come_from_the_tables(run):
    event = only(run("The European Union imposed sanctions on Russia."), "163")
    assert (event.root, event.quad_class, event.goldstein) == ("16", 4, -8.0)
    assert event.label.startswith("Impose embargo")
    assert (event.plover, event.plover_mode) == ("COERCE", "restrict")
    assert event.trigger == "imposed sanctions"
    assert event.modality == "asserted"


def test_events_evidence_is_a_span_of_the_sentence(run):
    text = "Markets fell. Later, China condemned the visit of the US speaker to Taiwan on Friday."
    event = only(run(text), "111")
    piece = text[event.evidence.start:event.evidence.end]
    assert piece.startswith("China condemned") and "US" in piece
    assert event.sentence == "Later, China condemned the visit of the US speaker to Taiwan on Friday."


def test_events_date_from_the_governing_expression(run):
    event = only(run("Scholz met Xi in Beijing last November.", {"last November": "2022-11"}), "04")
    assert (event.date, event.date_precision) == ("2022-11", "month")


def test_events_past_reports_take_the_reference_time(run):
    text = ("Erdogan met Putin in Sochi on Thursday. "
            "Erdogan said Turkey was ready to work with Moscow on grain exports.")
    events = run(text, {"on Thursday": "2023-03-09"})
    assert only(events, "04").date == "2023-03-09"
    assert only(events, "030").date == "2023-03-09"


def test_events_old_dates_are_no_reference_time(run):
    text = "Russia annexed Ukraine's Crimea peninsula in 2014. Germany condemned Russia."
    events = run(text, {"2014": "2014"})
    assert only(events, "192").date == "2014"
    assert only(events, "111").date == PUBLISHED


def test_events_present_tense_takes_the_article_date(run):
    text = "Biden met Xi on Monday. China is willing to cooperate with Vietnam, Beijing says."
    events = run(text, {"on Monday": "2023-03-06"})
    assert only(events, "030").date == PUBLISHED


@pytest.mark.parametrize("text, code, modality", [
    ("Blinken was set to hold talks with Wang Yi.", "036", "intended"),
    ("Japan plans to provide military aid to the Philippines.", "0332", "intended"),
    ("The European Union is prepared to ease sanctions on Venezuela.", "0354", "intended"),
    ("Putin has not met Zelensky since the war began.", "04", "negated"),
    ("Moscow refused to release the American journalist.", "1243", "asserted"),
    ("China threatened to impose sanctions on Lithuania.", "1312", "asserted"),
    ("Turkey might send drones to Ukraine.", "072", "hypothetical"),
    ("Iran warned that Iranian forces could attack Israel.", "190", "hypothetical"),
])
def test_events_modality_and_intent_codes(run, text, code, modality):
    event = only(run(text), code)
    assert event.modality == modality


def test_events_merge_keeps_the_first_evidence(run):
    text = "Germany criticized Hungary on Monday. Germany also criticized Hungary over its veto on Monday."
    events = run(text, {"on Monday": "2023-03-06"})
    criticisms = [e for e in events if e.code == "111"]
    assert len(criticisms) == 1
    assert criticisms[0].evidence.start < text.index("Germany also")
    assert merge(events + events) == events


def _quote(phrase: str, speaker: str, cue: str = "said"):  # noqa: ANN202
    def make(text, doc_actors):  # noqa: ANN001, ANN202
        start = text.index(phrase)
        who = text.index(speaker)
        actor = doc_actors.actor_at(who, who + len(speaker))
        assert actor is not None, speaker
        return (Quote(text=phrase, start=start, end=start + len(phrase), speaker=actor.ref(), cue=cue),)
    return make


def test_events_first_person_in_a_quote_is_the_speaker(run):
    text = 'The Kremlin was blunt. "We condemn the provocations of Washington," Lavrov said on Thursday.'
    events = run(text, {"on Thursday": "2023-03-09"},
                 _quote("We condemn the provocations of Washington,", "Lavrov"))
    event = only(events, "111")
    assert (event.source.code[:3], event.target.code[:3]) == ("RUS", "USA")


def test_events_critical_quote_about_an_actor(run):
    text = ('"The Americans are wrong about Iran and their policy is a failure," Iranian President '
            'Ebrahim Raisi said.')
    events = run(text, quotes=_quote("The Americans are wrong about Iran and their policy is a failure,",
                                     "Ebrahim Raisi"))
    event = only(events, "111")
    assert (event.source.code[:3], event.target.country) == ("IRN", "USA")


def test_events_praise_in_a_quote(run):
    text = '"We are grateful to Japan and we thank Japan for its help," Zelensky told reporters.'
    events = run(text, quotes=_quote("We are grateful to Japan and we thank Japan for its help,",
                                     "Zelensky", "told"))
    event = only(events, "051")
    assert (event.source.code[:3], event.target.country) == ("UKR", "JPN")


def test_events_reported_evaluation_needs_a_speaker(run):
    assert not [e for e in run("The plan was wrong and dangerous.") if e.code.startswith("11")]


def test_events_round_trip_through_dicts(run):
    for event in run("Washington sent military aid to Israel on Friday.", {"on Friday": "2023-03-10"}):
        assert Event.from_dict(event.to_dict()) == event


def test_events_none_in_text_without_actors_or_triggers(run):
    assert run("Nothing much happened on Tuesday, and the weather stayed mild.") == ()
    assert run("Officials met and talked for hours.") == ()  # no actors: no event data


def test_events_embedded_quotes_do_not_leak_into_the_body(run):
    def embedded(text, doc_actors):  # noqa: ANN001, ANN202
        who = text.index("Putin")
        speaker = doc_actors.actor_at(who, who + 5).ref()
        return (Quote(text="we", start=0, end=40, speaker=speaker, kind="embedded"),)

    events = run("We condemn Japan, the Chinese foreign ministry said. Putin was silent.", quotes=embedded)
    assert all(e.source.country != "RUS" for e in events)
