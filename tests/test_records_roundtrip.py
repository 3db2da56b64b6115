"""Records round-trip through their dict form (the JSON contract) unchanged."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.records import (Actor, ActorRef, Article, DateRef, Embed, Event, Location, Mention, Place, Quote,
                          Reading, Related, Span)

text = st.text(max_size=40)
opt = st.none() | text
span = st.builds(Span, st.integers(0, 10_000), st.integers(0, 10_000))
mention = st.builds(Mention, text, st.integers(0, 999), st.integers(0, 999))
ref = st.builds(ActorRef, name=text, code=opt, country=opt, sector=opt, id=opt, mention=st.none() | mention)
article = st.builds(Article, id=text, text=text, title=opt, byline=opt, published=opt, url=opt,
                    source=opt, photo_credit=opt, paragraphs=st.lists(span, max_size=3).map(tuple),
                    embeds=st.lists(st.builds(Embed, kind=text, text=text, author=opt, handle=opt, date=opt),
                                    max_size=2).map(tuple),
                    related=st.lists(st.builds(Related, title=text, url=opt), max_size=2).map(tuple))
actor = st.builds(Actor, id=text, name=text, code=opt, country=opt, sector=opt, role=opt,
                  mentions=st.lists(mention, max_size=3).map(tuple))
quote = st.builds(Quote, text=text, start=st.integers(0, 99), end=st.integers(0, 99), speaker=st.none() | ref,
                  cue=opt, kind=st.sampled_from(["direct", "partial", "embedded"]),
                  addressee=st.none() | ref, reported_by=st.none() | ref)
event = st.builds(Event, source=ref, target=st.none() | ref, code=text, root=text, label=text, plover=opt,
                  quad_class=st.integers(1, 4), goldstein=st.none() | st.floats(-10, 10),
                  date=opt, location=st.none() | st.builds(Location, name=text, country=opt,
                                                           lat=st.none() | st.floats(-90, 90),
                                                           lon=st.none() | st.floats(-180, 180)),
                  modality=st.sampled_from(["asserted", "intended", "negated", "hypothetical"]),
                  sentence=text, evidence=span)
reading = st.builds(Reading, article=article, actors=st.lists(actor, max_size=2).map(tuple),
                    quotes=st.lists(quote, max_size=2).map(tuple), events=st.lists(event, max_size=2).map(tuple),
                    dates=st.lists(st.builds(DateRef, text=text, start=st.integers(0, 9), end=st.integers(0, 9),
                                             resolved=opt), max_size=2).map(tuple),
                    places=st.lists(st.builds(Place, text=text, start=st.integers(0, 9), end=st.integers(0, 9),
                                              name=text, country=opt), max_size=2).map(tuple))


@settings(max_examples=150, deadline=None)
@given(reading)
def test_records_roundtrip_through_json(r):
    data = json.loads(json.dumps(r.to_dict()))
    assert Reading.from_dict(data) == r
