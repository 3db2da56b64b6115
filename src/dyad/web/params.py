"""Query and path parameters of the dashboard, typed and validated once (FastAPI answers 422
with the shared error shape when one is wrong).

Every free-text filter has a length bound, every code a pattern, every number a range: a request
can't make the server scan more than ``MAX_LIMIT`` rows or parse an unbounded string. Values
reach the database only as bound parameters of the store's queries.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from fastapi import Path, Query
from pydantic import AfterValidator

#: Most rows one list request returns: a browser table of 1,000 rows is already long, and the
#: bound keeps one request's work (and the JSON it makes) small.
MAX_LIMIT = 1000

#: Rows a list page shows when the request does not say.
DEFAULT_LIMIT = 100

#: Longest free-text filter (a name, words of a quote): longer strings are no real search.
MAX_TEXT = 200

#: Actor codes: CAMEO-style letters and digits ("RUS", "RUSGOV", "IGOUNO"); a prefix is enough.
CODE_PATTERN = r"^[A-Za-z0-9]{1,24}$"

Period = Literal["day", "week", "month", "year"]
Level = Literal["country", "code"]
ModalityName = Literal["asserted", "intended", "negated", "hypothetical"]

_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def iso_date(value: str | None) -> str | None:
    """Accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real date (not 2022-02-30)."""
    if value is None:
        return None
    match = _ISO_DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError(value)
        date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        raise ValueError("must be a date as YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


DateParam = Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)."),
                      AfterValidator(iso_date)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many rows (1-{MAX_LIMIT}).")]
CodePrefix = Annotated[str | None, Query(pattern=CODE_PATTERN, description="Actor code prefix (RUS matches RUSGOV).")]
Root = Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root code (04 = consult).")]
EventCode = Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO event code prefix (044).")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 country.")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
MinReports = Annotated[int | None, Query(ge=1, le=1_000_000, description="Only events reported this often or more.")]
Offset = Annotated[int | None, Query(ge=0, le=100_000_000)]

ActorPath = Annotated[str, Path(pattern=CODE_PATTERN, description="Actor code or code prefix (RUS, CHNGOV).")]
ArticleId = Annotated[str, Path(min_length=1, max_length=500, description="The article's id.")]
EventId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,100}$", description="The event's id.")]
