"""The real pipeline into the store: differently-worded stories of one meeting, read by the
Reader, become one event per direction with several reports."""

from __future__ import annotations

from dyad.batch import ingest_items
from dyad.ingest import read_text
from dyad.store import open_store

#: Stories about the Biden-Xi meeting in Bali on Monday 14 November 2022, worded differently,
#: published that day or the next; and one about another happening between the two.
STORIES = [
    ("2022-11-14", "Biden and Xi meet in Bali",
     "U.S. President Joe Biden met Chinese President Xi Jinping in Bali on Monday, their first face-to-face "
     "meeting since Biden took office.\n\nThe two leaders shook hands at a luxury hotel before talks that "
     "lasted about three hours."),
    ("2022-11-15", "Xi, Biden pledge to keep talking",
     "Chinese President Xi Jinping met U.S. President Joe Biden on the Indonesian island of Bali on Monday, "
     "and both sides pledged to keep lines of communication open."),
    ("2022-11-15", "Biden, Xi hold talks",
     "Joe Biden and Xi Jinping held talks in Bali, Indonesia, on Monday, the White House said."),
    ("2022-11-14", "Leaders meet ahead of G20",
     "President Joe Biden sat down with Chinese leader Xi Jinping in Bali on Monday, on the eve of the "
     "Group of 20 summit."),
    ("2023-11-16", "Biden and Xi meet again",
     "Joe Biden met Xi Jinping at an estate near San Francisco on Wednesday, a year after their talks in Bali."),
]


def test_store_pipeline_merges_the_stories_of_one_meeting(tmp_path):
    from dyad.reader import default_reader

    articles = [read_text(text, origin=f"story-{i}", published=published, title=title)
                for i, (published, title, text) in enumerate(STORIES)]
    with open_store(tmp_path / "pipeline.db") as store:
        summary = ingest_items(articles, store, default_reader(), batch_size=2, progress=False)
        assert summary.failed == 0 and summary.added == len(STORIES)
        events = store.events(root="04", since="2022-11-14", until="2022-11-14")
        # a meeting has no direction: found as USAGOV -> CHNGOV whichever way most stories put it
        usa = store.events(root="04", since="2022-11-14", until="2022-11-14", source="USAGOV", target="CHNGOV",
                           modality="asserted")
        assert len(usa) == 1, usa  # one meeting, not one event per story
        assert usa.iloc[0].n_articles >= 2 and usa.iloc[0].n_reports >= 2
        later = store.events(since="2023")
        assert set(later.id).isdisjoint(events.id)  # a year later is another event
        reports = store.evidence(event_id=usa.iloc[0].id)
        assert set(reports.date) == {"2022-11-14"} and reports.sentence.str.contains("Xi Jinping").all()
