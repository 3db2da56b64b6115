"""The actor stage: who is who in an article, coded as of the article's date.

Loads once: ``load_tables(data_dir=None) -> ActorTables`` (countries, IGOs, media, named bodies,
people with dated roles, sector vocabulary; see ``dyad/data/actors/README.md``).
Per article: ``find_actors(doc, article, tables) -> DocActors`` (actors with grouped mentions).
Free strings: ``ActorTables.resolve(text, date=None) -> Actor | None``.
"""

from __future__ import annotations

from dyad.actors.document import DocActors, find_actors
from dyad.actors.tables import ActorTables, load_tables
from dyad.actors.wikidata import import_wikidata, write_people

__all__ = ["ActorTables", "DocActors", "find_actors", "import_wikidata", "load_tables", "write_people"]
