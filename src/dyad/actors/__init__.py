"""The actor stage: who is who in an article, coded as of the article's date.

Loads once: ``load_tables(data_dir=None) -> ActorTables`` (countries, IGOs, media, named bodies,
people with dated roles, sector vocabulary; see ``dyad/data/actors/README.md``).
Per article: ``find_actors(doc, article, tables) -> DocActors`` (actors with grouped mentions;
roles and groups of no country, "police", "protesters", kept apart: ``DocActors.agent_at``, code
``UNKNOWN_COUNTRY`` + sector, "---COP").
Free strings: ``ActorTables.resolve(text, date=None) -> Actor | None``.
Blocs: ``load_blocs(data_dir=None) -> BlocTables`` (memberships over time) and
``find_blocs(doc, article, doc_actors, blocs) -> DocActors`` ("the West", "NATO allies").
"""

from __future__ import annotations

from dyad.actors.blocs import BlocTables, find_blocs, load_blocs  # issue 17: blocs and memberships
from dyad.actors.document import UNKNOWN_COUNTRY, DocActors, agent_code, find_actors
from dyad.actors.tables import ActorTables, load_tables
from dyad.actors.wikidata import import_wikidata, write_people

__all__ = ["UNKNOWN_COUNTRY", "ActorTables", "agent_code", "BlocTables", "DocActors", "find_actors", "find_blocs", "import_wikidata",
           "load_blocs", "load_tables", "write_people"]
