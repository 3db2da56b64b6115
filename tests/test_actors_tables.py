"""Actor tables: loading, validation (file:line), user overrides, dated tenures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyad.actors import load_tables
from dyad.actors import tables as tables_module
from dyad.errors import DataError

FIXTURE = Path(__file__).parent / "fixtures" / "actors"
HEADER = "name\taliases\tcountry\tsector\trole\tvalid_from\tvalid_to\twikidata\n"


@pytest.fixture(scope="module")
def tables():
    return load_tables(FIXTURE)


def _people(folder: Path, name: str, rows: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("# test rows\n" + HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def own_tables(tmp_path, monkeypatch):
    """dyad's own data folder, copied without people files, so strict checks can be provoked."""
    folder = tmp_path / "shipped"
    folder.mkdir()
    for name in ("countries.tsv", "sectors.tsv", "igos.tsv", "media.tsv", "organizations.tsv"):
        shutil.copy(tables_module.DATA_DIR / name, folder / name)
    monkeypatch.setattr(tables_module, "DATA_DIR", folder)
    return folder


def test_actors_tables_shipped_files_load_without_warnings():
    tables = load_tables()
    assert tables.warnings == ()
    assert len(tables.countries) >= 249
    assert {"RUS", "CHN", "TWN", "PSE", "XKX"} <= set(tables.countries)
    assert tables.countries["ARE"].adjectives[0] == "Emirati"


def test_actors_tables_load_from_the_compiled_copy(tmp_path, monkeypatch):
    # with the converted dictionaries the indexes are built once and compiled to disk
    # (dyad.actors.compiled); a new process loads the compiled copy instead of building it.
    # (How fast that is lives in bench/bench_actors.py, not in a timed test.)
    monkeypatch.setenv("DYAD_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DYAD_NO_CACHE", raising=False)
    tables_module._load_cached.cache_clear()
    try:
        built = load_tables()
        assert list(tmp_path.glob("actor-tables-*.pickle"))
        tables_module._load_cached.cache_clear()

        def no_build(*args, **kwargs):
            raise AssertionError("the tables were built again instead of loaded from the compiled copy")

        monkeypatch.setattr(tables_module, "_load", no_build)
        loaded = load_tables()
        assert load_tables() is loaded
        assert len(loaded.people) == len(built.people)
        assert loaded.resolve("Vladimir Putin", "2010-06-01").code == "RUSGOV"
    finally:
        tables_module._load_cached.cache_clear()


def test_actors_tables_every_igo_codes_as_igo(tables):
    for body in tables.bodies.values():
        if body.kind == "igo":
            assert body.tenures[0].code == "IGO"
            assert body.tenures[0].country is None


@pytest.mark.parametrize("row, message", [
    ("Jane Roe\t\tXYZ\tGOV\tMinister\t2020-01-01\t\t", "unknown country code 'XYZ'"),
    ("Jane Roe\t\tGBR\tGOVT\tMinister\t2020-01-01\t\t", "unknown sector 'GOVT'"),
    ("Jane Roe\t\tGBR\tGOV\tMinister\t2020-13-01\t\t", "bad valid_from '2020-13-01'"),
    ("Jane Roe\t\tGBR\tGOV\tMinister\t2020-02-30\t\t", "bad valid_from"),
    ("Jane Roe\t\tGBR\tGOV\tMinister\t2021-01-01\t2020-01-01\t", "is before valid_from"),
    ("Jane Roe\t\tGBR\tGOV\tMinister\t2020-01-01\t\tQ12x", "bad wikidata id"),
    ("Jane Roe\t\t\tGOV\tMinister\t2020-01-01\t\t", "country is empty"),
    ("Jane Roe\t\tGBR\tGOV\tMinister\t2020-01-01\t\t\textra", "9 fields"),
])
def test_actors_tables_bad_row_in_own_files_raises_with_file_and_line(own_tables, row, message):
    path = _people(own_tables, "people-bad.tsv", ["Ann Doe\t\tGBR\tGOV\tMinister\t2019-01-01\t\t", row])
    with pytest.raises(DataError) as info:
        tables_module._load(())
    assert info.value.path == str(path)
    assert info.value.line == 4
    assert message in str(info.value)
    assert f"{path}:4" in str(info.value)


def test_actors_tables_overlapping_tenures_of_one_person_raise(own_tables):
    path = _people(own_tables, "people-bad.tsv", [
        "Ann Doe\t\tGBR\tGOV\tHome Secretary\t2019-01-01\t2021-06-01\t",
        "Ann Doe\t\tGBR\tGOV\tHome Secretary\t2021-01-01\t\t",
    ])
    with pytest.raises(DataError, match="overlaps") as info:
        tables_module._load(())
    assert (info.value.path, info.value.line) == (str(path), 4)


def test_actors_tables_consecutive_terms_and_different_roles_are_fine(own_tables):
    _people(own_tables, "people-ok.tsv", [
        "Ann Doe\t\tGBR\tGOV\tHome Secretary\t2019-01-01\t2021-06-01\t",
        "Ann Doe\t\tGBR\tGOV\tHome Secretary\t2021-06-01\t2022-05\t",
        "Ann Doe\t\tGBR\tGOV\tHome Secretary\t2022-05-20\t\t",
        "Ann Doe\t\tGBR\tGOV\tDeputy Prime Minister\t2020-01-01\t\t",
    ])
    tables = tables_module._load(())
    (ann,) = [p for p in tables.people if p.name == "Ann Doe"]
    assert len(ann.tenures) == 4


def test_actors_tables_two_own_files_disagreeing_raise(own_tables):
    _people(own_tables, "people-a.tsv", ["Ann Doe\t\tGBR\tGOV\tHome Secretary\t2019-01-01\t2020-01-01\t"])
    _people(own_tables, "people-b.tsv", ["Ann Doe\t\tGBR\tGOV\tHome Secretary\t2019-01-01\t2021-01-01\t"])
    with pytest.raises(DataError, match="conflicts with"):
        tables_module._load(())


def test_actors_tables_user_bad_rows_are_skipped_with_warnings(tmp_path):
    user = tmp_path / "mine"
    path = _people(user / "actors", "people-mine.tsv", [
        "Jane Roe\t\tGBR\tGOV\tHome Secretary\t2031-01-02\t\t",
        "Bad Row\t\tXYZ\tGOV\tMinister\t2031-01-01\t\t",
        "Late Row\t\tGBR\tGOV\tMinister\t2031-05-01\t2031-01-01\t",
    ])
    tables = tables_module._load((user,))
    assert len(tables.warnings) == 2
    assert f"{path}:4" in tables.warnings[0] and "XYZ" in tables.warnings[0]
    assert f"{path}:5" in tables.warnings[1]
    actor = tables.resolve("Jane Roe", "2031-06-01")
    assert (actor.name, actor.code, actor.role) == ("Jane Roe", "GBRGOV", "Home Secretary")
    assert tables.resolve("Bad Row") is None


def test_actors_tables_user_bad_header_is_a_warning(tmp_path):
    user = tmp_path / "mine"
    user.mkdir()
    (user / "media.tsv").write_text("title\tcountry\nFoo\tGBR\n", encoding="utf-8")
    tables = tables_module._load((user,))
    assert any("bad header" in w and "media.tsv:1" in w for w in tables.warnings)


def test_actors_tables_user_rows_override_by_key(tmp_path):
    user = tmp_path / "mine"
    user.mkdir()
    (user / "organizations.tsv").write_text(
        "# my corrections\nname\taliases\tcountry\tsector\tvalid_from\tvalid_to\tnotes\n"
        "Hamas\t\tPSE\tGOV\t\t\tcoded as the government of Gaza in my project\n"
        "Gaza Health Ministry\t\tPSE\tGOV\t\t\t\n", encoding="utf-8")
    tables = tables_module._load((user,))
    assert tables.resolve("Hamas").code == "PSEGOV"
    assert tables.resolve("Gaza Health Ministry").code == "PSEGOV"
    assert load_tables().resolve("Hamas").code == "PSEREB"  # dyad's own choice is untouched


def test_actors_tables_person_code_follows_the_date(tables):
    assert tables.resolve("Imran Khan", "2020-06-01").code == "PAKGOV"
    assert tables.resolve("Imran Khan", "2023-05-10").code == "PAKOPP"
    before = tables.resolve("Imran Khan", "1995-01-01")   # before his first seat (Phoenix: MNA from 2002)
    assert (before.code, before.sector) == ("PAK", None)
    between = tables.resolve("Imran Khan", "2010-01-01")  # a former MNA, not yet in office again
    assert (between.code, between.sector) == ("PAKELI", "ELI")


def test_actors_tables_former_officials_are_elites(tables):
    actor = tables.resolve("Theresa May", "2022-01-01")
    assert actor.code == "GBRELI"
    assert actor.role.startswith("former Prime Minister")


def test_actors_tables_boundary_day_belongs_to_the_successor(tables):
    assert tables.resolve("the Russian president", "2012-05-06").name == "Dmitry Medvedev"
    assert tables.resolve("the Russian president", "2012-05-07").name == "Vladimir Putin"


def test_actors_tables_canonical_role_of_titles(tables):
    assert tables.canonical_role("Minister of Foreign Affairs of Russia").canonical == "foreign minister"
    assert tables.canonical_role("Premier of the State Council").canonical == "prime minister"
    assert tables.canonical_role("Secretary of State").canonical == "foreign minister"
    assert tables.canonical_role("Chairman of the Board") is None
