"""The relation stage: memberships the text states ("The SCO -- made up of China, India and
Russia", "NATO members Turkey and Hungary", "Finland joined NATO"), checked against the bloc
tables.

Per article: ``find_relations(doc, article, doc_actors, tables) -> tuple[Relation, ...]``.
The tables (``dyad.actors.load_blocs``) stay what analytics count; these relations are what the
article says, with ``confirmed`` telling whether the tables agree.
"""

from __future__ import annotations

from dyad.relations.members import find_relations

__all__ = ["find_relations"]
