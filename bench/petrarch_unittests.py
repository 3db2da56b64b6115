"""PETRARCH2's own unit tests as a compatibility check of dyad's pattern language.

    python bench/petrarch_unittests.py [--petrarch DIR] [--show N] [--category C] [--minimal-actors]

Converts the validation dictionaries (``PETR.Validate.verbs.txt`` with ``dyad.events.petrarch``,
the same converter as ``dyad lexicon import``; ``PETR.Validate.actors.txt`` and ``.agents.txt``
with dyad's Phoenix converter ``dyad.actors.phoenix``, the fictional countries named in a
``countries.tsv`` by the minimal converter below, which ``--minimal-actors`` uses for the
bodies too, and in a ``places/gazetteer.tsv``, as real countries are places of dyad's
gazetteer) into a temporary ``--data-dir``, codes the text of every
record of ``PETR.UnitTest.records.xml`` with dyad (its own parse, not the record's Treebank
parse), and counts a record as passed when dyad's set of (source, target, code) equals the
expected one. The fictional actors (Arnor, Gondor, ...) have 3-letter codes, which become
countries of the data dir; longer codes become bodies of their first three letters. Codes the
validation verbs give that CAMEO lacks (the suite's WEIS codes) are compared as dyad stores them
(their nearest CAMEO parent). These are stylised sentences: a check of the pattern language and
role linking, not of news. Prints the pass rate by category.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: dyad sectors the suite's actor codes may carry after their country (GONGOV, MORMIL).
SECTORS = ("GOV", "MIL", "REB", "OPP", "LEG", "JUD", "BUS", "MED", "CVL", "EDU", "ELI", "COP",
           "SPY", "LAB", "REF", "IGO", "NGO")


def _petrarch_dir(given: str | None) -> Path:
    for candidate in (given, ROOT.parent / "shared" / "data" / "petrarch2", "/work/shared/data/petrarch2"):
        if candidate and Path(candidate, "PETR.UnitTest.records.xml").is_file():
            return Path(candidate)
    raise SystemExit("no PETRARCH2 folder found: pass --petrarch DIR")


def convert_actors(text: str) -> tuple[dict[str, list[str]], list[tuple[str, str, str]]]:
    """PETRARCH actors -> ({country code: names}, [(name, country, sector)]) for dyad's tables.
    An entry is ``NAME [CODE]`` (``_`` joins words) followed by ``+ALIAS`` lines; names are
    written as the Phoenix converter writes them ("Prince of Dol Amroth", not "Prince Of")."""
    from dyad.actors.phoenix import display_name

    countries: dict[str, list[str]] = defaultdict(list)
    bodies: list[tuple[str, str, str]] = []
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"#[^\n]*", "", text)
    text = re.sub(r"\n\s+\[", " [", text)  # "ENT\n\t[ENT]"
    current: list[str] = []
    code: str | None = None

    def flush() -> None:
        if code is None or not current or code == "---":
            return
        names = [n for n in current if len(n) > 1]
        if len(code) == 3:
            countries[code].extend(names)
        else:
            sector = code[3:6] if code[3:6] in SECTORS else ""
            for name in names:
                bodies.append((name, code[:3], sector or "GOV"))

    for line in text.splitlines():
        line = line.split("#")[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            current.append(display_name(line[1:].strip().replace("_", " ").strip().upper()))
            continue
        flush()
        match = re.match(r"^([^\[]+?)\s*\[", line)
        codes = re.findall(r"\[\s*([^\]\s]+)\s*([^\]]*)\]", line)  # (code, date restriction)
        undated = [c.upper().lstrip("~") for c, when in codes if not when.strip() and c != "---"]
        roles = [c for c, when in codes if when.strip() and len(c) > 3 and c != "---"]
        if match and undated and not (roles and len(undated[0]) == 3):
            # a country name, unless its codes change over time as a person's roles do (those
            # are people of dyad.actors.phoenix: SAM_GAMGEE [HOB] [HOBMIL 20080120-20121109])
            current = [display_name(match.group(1).replace("_", " ").strip().upper())]
            code = undated[0]
        else:
            current, code = [], None
    flush()
    return countries, bodies


#: Gazetteer ids for the suite's fictional countries: above GeoNames' own (which stop near 13M).
FICTIONAL_ID = 990_000_000


def _places(folder: Path, countries: dict[str, list[str]]) -> None:
    """The fictional countries as places too (``places/gazetteer.tsv`` of the data dir), as the
    real ones are in dyad's gazetteer: "arrived in Gondor" names a place, as "in Ukraine" does."""
    places = folder / "places"
    places.mkdir()
    lines = ["# PETRARCH2 validation countries (MIT), converted for bench/petrarch_unittests.py\n",
             "id\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tn_alternates\tcapital\talternates\tdemonyms\n"]
    for n, (code, names) in enumerate(sorted(countries.items())):
        if re.fullmatch(r"[A-Z]{3}", code):
            others = "|".join(names[1:])
            cells = [FICTIONAL_ID + n, names[0], "country", code, "", 0, 0, 0, len(names) - 1, 0, others, ""]
            lines.append("\t".join(map(str, cells)) + "\n")
    (places / "gazetteer.tsv").write_text("".join(lines), encoding="utf-8")


def _phoenix_tables(actors: Path, petrarch: Path, countries: dict[str, list[str]]) -> None:
    """The suite's actors and agents through dyad's own Phoenix converter (``dyad.actors.phoenix``),
    into ``actors/generated/``; the fictional countries are known to it for this run."""
    from dyad.actors import phoenix

    fictional = {code for code in countries if re.fullmatch(r"[A-Z]{3}", code)}
    names = {phoenix.word_key(n) for code in fictional for n in countries[code]}
    hand = phoenix._hand_countries

    def with_fictional() -> tuple[set[str], set[str]]:
        codes, known = hand()
        return codes | fictional, known | names

    phoenix._hand_countries = with_fictional
    try:
        converted = phoenix.convert([petrarch / "PETR.Validate.actors.txt"],
                                    [petrarch / "PETR.Validate.agents.txt"])
    finally:
        phoenix._hand_countries = hand
    phoenix.write(converted, actors / "generated")


def write_data_dir(folder: Path, petrarch: Path, *, phoenix: bool = True) -> None:
    from dyad.events.lexicon import cameo_codes
    from dyad.events.petrarch import convert, convert_discards, render, render_discards

    events = folder / "events"
    events.mkdir(parents=True)
    verbs = (petrarch / "PETR.Validate.verbs.txt").read_text(encoding="utf-8", errors="replace")
    rows = convert(verbs, "PETR.Validate.verbs.txt", known=cameo_codes())
    (events / "verbs-petrarch.tsv").write_text(
        render(rows, source="PETR.Validate.verbs.txt", commit="676801cd", licence="MIT", date="2014"),
        encoding="utf-8")
    discards = (petrarch / "PETR.Validate.discards.txt").read_text(encoding="utf-8", errors="replace")
    (events / "discards.tsv").write_text(
        render_discards(convert_discards(discards), source="PETR.Validate.discards.txt", commit="676801cd",
                        licence="MIT", date="2014"), encoding="utf-8")
    countries, bodies = convert_actors((petrarch / "PETR.Validate.actors.txt").read_text(
        encoding="utf-8", errors="replace"))
    actors = folder / "actors"
    actors.mkdir()
    head = "# PETRARCH2 validation actors (MIT), converted for bench/petrarch_unittests.py\n"
    lines = [head, "iso3\tname\taliases\tadjectives\tcapital\tmetonyms\n"]
    for code, names in sorted(countries.items()):
        if re.fullmatch(r"[A-Z]{3}", code):
            lines.append(f"{code}\t{names[0]}\t{'|'.join(names[1:])}\t\t\t\n")
    (actors / "countries.tsv").write_text("".join(lines), encoding="utf-8")
    _places(folder, countries)
    if phoenix:
        _phoenix_tables(actors, petrarch, countries)
        return
    orgs = [head, "name\taliases\tcountry\tsector\tvalid_from\tvalid_to\tnotes\n"]
    seen = set()
    for name, country, sector in bodies:
        if name.lower() not in seen and re.fullmatch(r"[A-Z]{3}", country):
            seen.add(name.lower())
            orgs.append(f"{name}\t\t{country}\t{sector}\t\t\t\n")
    (actors / "organizations.tsv").write_text("".join(orgs), encoding="utf-8")


def _only_the_validation_verbs() -> None:
    """Code with the suite's verbs alone: dyad's own verb rows (hand and imported) are left out
    for this run, as PETRARCH codes its unit tests with PETR.Validate.verbs.txt alone."""
    from dyad.events import lexicon

    original = lexicon._data_files

    def files(name: str, data_dir: Path | None) -> list[tuple[str, str]]:
        found = original(name, data_dir)
        if name in lexicon.VERB_FILES:
            return [f for f in found if not f[0].startswith("dyad/data/")]
        return found

    lexicon._data_files = files
    lexicon.load_lexicon.cache_clear()


def _records(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8", errors="replace")
    root = ET.fromstring(text)
    out = []
    for sentence in root.iter("Sentence"):
        body = sentence.findtext("Text") or ""
        expected = {(e.get("sourcecode"), e.get("targetcode"), e.get("eventcode"))
                    for e in sentence.iter("EventCoding") if e.get("eventcode")}
        out.append({"id": sentence.get("id"), "category": sentence.get("category"),
                    "date": sentence.get("date"), "text": " ".join(body.split()), "expected": expected})
    return out


def _known(code: str, known: frozenset[str]) -> str:
    from dyad.events.petrarch import _known as nearest

    return nearest(code, known)


def _expressible(code: str, countries: set[str]) -> bool:
    """Whether dyad can give ``code`` at all: a country of its tables, or one and a sector of
    dyad's (not the suite's own agent codes, "GONMOP", "ARNGOVFRM", nor "---GOV" or "###")."""
    from dyad.actors.phoenix import SECTORS as DYAD_SECTORS

    if len(code) == 3:
        return code in countries
    return len(code) == 6 and code[:3] in countries and code[3:] in DYAD_SECTORS


def score(petrarch: Path, categories: set[str] | None = None, *, minimal_actors: bool = False,
          show: int = 0, expressible: Counter[str] | None = None) -> tuple[Counter[str], Counter[str]]:
    """(passed, total) by category over the records of ``categories`` (all if None); prints
    the first ``show`` failing records (sentence, expected, dyad's events). ``expressible``, if
    given, counts the records whose expected actor codes dyad can give, and "+" those passed."""
    import dyad
    from dyad.events import lexicon
    from dyad.events.lexicon import cameo_codes
    from dyad.ingest import read_text

    known = cameo_codes()
    records = [r for r in _records(petrarch / "PETR.UnitTest.records.xml")
               if not categories or r["category"] in categories]
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    shown = 0
    original = lexicon._data_files
    with tempfile.TemporaryDirectory() as tmp:
        write_data_dir(Path(tmp), petrarch, phoenix=not minimal_actors)
        _only_the_validation_verbs()
        try:
            reader = dyad.Reader(dyad.Options(data_dir=Path(tmp)))
            countries = set(reader.tables.actors.countries)
            articles = [read_text(r["text"] or ".", published=f"{r['date'][:4]}-{r['date'][4:6]}-{r['date'][6:8]}")
                        for r in records]
            for record, reading in zip(records, reader.read_articles(articles), strict=True):
                got = {((e.source.code or ""), e.target.code or "", e.code)
                       for e in reading.events if e.target is not None}  # PETRARCH codes dyads only
                want = {(s, t if t and t != "---" else "---", _known(c, known)) for s, t, c in record["expected"]}
                want = {w for w in want if w[2] and w[2] != "---"}
                ok = got == want
                if expressible is not None and all(_expressible(side, countries) for w in want for side in w[:2]):
                    expressible[record["category"]] += 1
                    expressible[record["category"] + "+"] += ok
                total[record["category"]] += 1
                passed[record["category"]] += ok
                if not ok and shown < show:
                    shown += 1
                    print(f"{record['id']}: {record['text'][:110]}\n   want {sorted(want)}\n   got  {sorted(got)}")
        finally:  # the suite's verbs alone were for this run
            lexicon._data_files = original
            lexicon.load_lexicon.cache_clear()
    return passed, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", default=None)
    parser.add_argument("--show", type=int, default=0, help="print N failing records")
    parser.add_argument("--category", default=None)
    parser.add_argument("--minimal-actors", action="store_true",
                        help="convert the suite's actors with the bench's minimal converter, not dyad.actors.phoenix")
    args = parser.parse_args(argv)
    expressible: Counter[str] = Counter()
    passed, total = score(_petrarch_dir(args.petrarch), {args.category} if args.category else None,
                          minimal_actors=args.minimal_actors, show=args.show, expressible=expressible)
    print(f"PETRARCH2 unit tests: {sum(passed.values())}/{sum(total.values())} = "
          f"{sum(passed.values()) / max(1, sum(total.values())):.1%} exactly as expected")
    print("  category   passed       of the records whose expected actor codes dyad can give")
    for category in sorted(total):
        print(f"  {category:10s} {passed[category]:3d}/{total[category]:3d}     "
              f"{expressible[category + '+']:3d}/{expressible[category]:3d}")
    can = sum(expressible[c] for c in total)
    print(f"  all        {sum(passed.values()):3d}/{sum(total.values()):3d}     "
          f"{sum(expressible[c + '+'] for c in total):3d}/{can:3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
