"""Issue 19 items 4 and 5: the published data are safe for analysts and the feeds are what
the systems that take them expect (JDIHN, Frictionless, JSON Schema, SQLite, Datasette).

Expected document values were read off the rendered default PDF: page 28 prints block
"3. Pengembangan Pegawai Berbasis Kompetensi / a." twice; page 35 prints the group row
"Penguatan Akuntabilitas" over area 7, whose Area cell is empty (Lampiran I's Tabel 3.1 lists
"Akuntabilitas" as area 6); page 27 names "Disarplus" as Penanggung Jawab of aksi d and e; the schedule
header of Lampiran II is 2019-2023."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from pipeline.models import CONTRACT_VERSION, AreaPerubahan, RencanaAksi
from pipeline.normalize.enrich import mark_repeats_and_areas
from pipeline.normalize.jdihn import JDIHN_KEYS, title_case, with_base_url
from pipeline.publish.katalog import CATALOG_METADATA, build_catalog, text_columns
from pipeline.publish.package import primary_key
from pipeline.publish.writer import stage
from pipeline.run import DocumentResult
from pipeline.validate.dataset import TABLES
from pipeline.version import pipeline_version
from tests.conftest import GOLDEN_DIR, ROOT

DOK = "perbup-magetan-14-2020"


def _json(name: str) -> list[dict[str, object]]:
    return json.loads((GOLDEN_DIR / f"{name}.json").read_text("utf-8"))


def _csv(name: str) -> list[dict[str, str]]:
    with (GOLDEN_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- item 4: data safe as published ------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("7", 7), ("07", 7), (" 3 ", 3), ("l", None), ("7a", None), ("٣", None), (None, None), (4, 4)],
)
def test_area_no_is_the_printed_number_as_an_integer(printed: object, expected: int | None) -> None:
    rows = _json("rencana_aksi")
    record = RencanaAksi.model_validate({**rows[0], "area_no": printed})
    assert record.area_no == expected


def test_area_no_is_an_integer_in_json_csv_and_workbook() -> None:
    rows = _json("rencana_aksi")
    assert {type(r["area_no"]) for r in rows} == {int, type(None)}
    assert sorted({r["area_no"] for r in rows if r["area_no"] is not None}) == list(range(1, 9))
    cells = {r["area_no"] for r in _csv("rencana_aksi")}
    assert cells == {"", *map(str, range(1, 9))}  # never "7.0"
    frame = pd.read_csv(GOLDEN_DIR / "rencana_aksi.csv", dtype={"area_no": "Int64"})
    assert frame["area_no"].dropna().tolist() == [r["area_no"] for r in rows if r["area_no"]]
    sheet = load_workbook(GOLDEN_DIR / f"{DOK}.xlsx", read_only=True)["rencana_aksi"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    column = header.index("area_no")
    values = [row[column].value for row in sheet.iter_rows(min_row=2)]
    assert {type(v) for v in values} == {int, type(None)}


def test_jadwal_is_keyed_by_record_and_year_and_merges_cleanly() -> None:
    rows = _csv("jadwal")
    assert list(rows[0]) == ["record_id", "tahun"]
    keys = [(r["record_id"], r["tahun"]) for r in rows]
    assert len(set(keys)) == len(keys)
    package = json.loads((GOLDEN_DIR / "datapackage.json").read_text("utf-8"))
    (jadwal,) = [r for r in package["resources"] if r["name"] == "jadwal"]
    assert jadwal["schema"]["primaryKey"] == ["record_id", "tahun"] == list(primary_key("jadwal"))
    ra = pd.read_csv(GOLDEN_DIR / "rencana_aksi.csv")
    merged = pd.read_csv(GOLDEN_DIR / "jadwal.csv").merge(ra, left_on="record_id", right_on="id")
    assert not [c for c in merged.columns if c.endswith(("_x", "_y"))]
    assert len(merged) == len(rows)


def test_block_printed_twice_points_at_its_first_printing(default_result: DocumentResult) -> None:
    flagged = {r.id: r.duplikat_dari for r in default_result.rencana_aksi if r.duplikat_dari}
    first = "lampiran_2__area_5__program_3__aksi_a__indikator_1"
    assert flagged == {f"{first}__ulang_2": first}


def test_nameless_area_falls_back_to_the_area_its_group_names(
    default_result: DocumentResult,
) -> None:
    area_7 = [r for r in default_result.rencana_aksi if r.area_no == 7]
    assert area_7 and all(r.area is None for r in area_7)
    assert {r.kelompok for r in area_7} == {"Penguatan Akuntabilitas"}
    assert {r.area_cadangan for r in area_7} == {"Akuntabilitas"}
    others = [r for r in default_result.rencana_aksi if r.area_no != 7]
    assert {r.area_cadangan for r in others} == {None}


def _plan(rid: str, kelompok: str | None, area: str | None) -> RencanaAksi:
    base = _json("rencana_aksi")[0]
    return RencanaAksi.model_validate({**base, "id": rid, "kelompok": kelompok, "area": area})


def _area(name: str) -> AreaPerubahan:
    return AreaPerubahan(
        id=f"a_{name}", dokumen_id="d", lampiran=1, tabel="t", no="1", area=name, hasil=None,
        halaman_awal=1, halaman_akhir=1,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("kelompok", "areas", "expected"),
    [
        ("Penguatan Akuntabilitas", ["Akuntabilitas", "Pengawasan"], "Akuntabilitas"),
        ("PENGUATAN AKUNTABILITAS", ["Akuntabilitas"], "Akuntabilitas"),
        ("Penguatan Akuntabilitasnya", ["Akuntabilitas"], None),  # whole words only
        ("Penguatan Tatalaksana", ["Akuntabilitas"], None),
        ("Akuntabilitas dan Pelayanan", ["Akuntabilitas", "Pelayanan"], None),  # two fit
        ("Penguatan Pengawasan", ["Pengawasan"], None),  # another record has that area
    ],
)
def test_area_fallback_rule(kelompok: str, areas: list[str], expected: str | None) -> None:
    records = [_plan("x", kelompok, None), _plan("y", "Lain", "Pengawasan")]
    out = mark_repeats_and_areas(records, [_area(a) for a in areas])
    assert out[0].area_cadangan == expected
    assert out[1].area_cadangan is None


def test_repeat_flag_needs_the_first_printing() -> None:
    records = [
        _plan("a__ulang_2", None, "X"),
        _plan("b", None, "X"),
        _plan("b__ulang_3", None, "X"),
    ]
    out = mark_repeats_and_areas(records, [])
    assert [r.duplikat_dari for r in out] == [None, None, "b"]


def test_suggested_unit_has_its_own_column(default_result: DocumentResult) -> None:
    suggested = {
        r.id: r.penanggung_jawab_saran
        for r in default_result.rencana_aksi
        if r.penanggung_jawab_saran
    }
    disarplus = {
        r.id for r in default_result.rencana_aksi if "Disarplus" in (r.penanggung_jawab_teks or "")
    }
    assert disarplus and set(suggested) == disarplus
    assert set(map(tuple, suggested.values())) == {("Dinas Arpus",)}
    # The same suggestion as the unit table's, never among the resolved units.
    by_record: dict[str, list[str]] = {}
    for p in default_result.penanggung_jawab:
        if p.unit is None and p.saran:
            by_record.setdefault(p.record_id, []).append(p.saran)
    assert by_record == suggested
    for r in default_result.rencana_aksi:
        if r.id in disarplus:
            assert r.penanggung_jawab == []  # a suggestion is not a resolved unit


def test_workbook_has_the_year_grid_and_a_column_guide() -> None:
    workbook = load_workbook(GOLDEN_DIR / f"{DOK}.xlsx", read_only=True)
    assert workbook.sheetnames[-2:] == ["jadwal_grid", "Panduan_kolom"]
    grid = list(workbook["jadwal_grid"].iter_rows(values_only=True))
    header = list(grid[0])
    years = [h for h in header if isinstance(h, str) and h.isdigit()]
    assert years == ["2019", "2020", "2021", "2022", "2023"]
    plans = {r["id"]: r for r in _json("rencana_aksi")}
    assert [row[0] for row in grid[1:]] == list(plans)
    for row in grid[1:]:
        marked = [int(y) for y in years if row[header.index(y)] == "✓"]
        assert marked == plans[row[0]]["tahun_pelaksanaan"], row[0]
        assert all(row[header.index(y)] in ("✓", None) for y in years)
    ticks = sum(1 for row in grid[1:] for y in years if row[header.index(y)] == "✓")
    assert ticks == len(_json("jadwal"))
    guide = list(workbook["Panduan_kolom"].iter_rows(values_only=True))
    assert guide[0] == ("lembar", "kolom", "tipe", "wajib", "keterangan")
    described = {(g[0], g[1]) for g in guide[1:] if g[4]}
    for name in [*workbook.sheetnames[:-1]]:
        sheet = workbook[name]
        columns = [c.value for c in next(sheet.iter_rows(max_row=1))]
        assert {(name, c) for c in columns} <= described, name


# --- item 5: integration ------------------------------------------------------------------

# The fields of a JDIHN /integrasi record (Pedoman integrasi JDIHN, the JSON member sites
# serve): written out here on purpose, not imported, so a renamed key fails.
JDIHN_FIELDS = [
    "idData", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "jenis",
    "noPeraturan", "judul", "singkatanJenis", "tempatTerbit", "sumber", "subjek", "status",
    "bahasa", "bidangHukum", "teuBadan", "noPanggil", "penerbit", "deskripsiFisik", "isbn",
    "nomorIndukBuku", "fileDownload", "urlDownload", "urlDetailPeraturan", "operasi",
    "display",
]  # fmt: skip


def test_jdihn_feed_is_an_array_of_records_as_member_sites_send() -> None:
    feed = json.loads((GOLDEN_DIR / "jdihn.json").read_text("utf-8"))
    assert isinstance(feed, list) and len(feed) == 1
    (record,) = feed
    assert list(record) == JDIHN_FIELDS == list(JDIHN_KEYS)
    assert all(isinstance(v, str) and v for v in record.values())
    assert (record["operasi"], record["display"]) == ("4", "1")
    assert record["idData"] == DOK
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["tanggal_pengundangan"])
    assert record["tahun_pengundangan"] == record["tanggal_pengundangan"][:4]
    assert record["judul"] == (
        "Peraturan Bupati Magetan Nomor 14 Tahun 2020 tentang Road Map Reformasi Birokrasi "
        "Pemerintah Kabupaten Magetan Tahun 2018-2023"
    )
    assert record["urlDownload"] == "-"  # no base URL given for the committed run


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (
            "TATA CARA PENGELOLAAN KEUANGAN DAN ASET DAERAH",
            "Tata Cara Pengelolaan Keuangan dan Aset Daerah",
        ),
        (
            "PERUBAHAN ATAS PERATURAN BUPATI NOMOR 33 TAHUN 2024",
            "Perubahan atas Peraturan Bupati Nomor 33 Tahun 2024",
        ),
        (
            "RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH (RPJMD) TAHAP II",
            "Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Tahap II",
        ),
        ("PERATURAN PERUNDANG-UNDANGAN DI DAERAH", "Peraturan Perundang-Undangan di Daerah"),
        ("DAN ATAU YANG", "Dan atau yang"),  # the first word is capitalised
        ("Pedoman Pelaksanaan dan Atas", "Pedoman Pelaksanaan dan Atas"),  # mixed case: as printed
    ],
)
def test_title_case_keeps_indonesian_small_words_lower(printed: str, expected: str) -> None:
    assert title_case(printed) == expected


def test_base_url_fills_url_download(default_result: DocumentResult, tmp_path: Path) -> None:
    folder = stage(default_result, tmp_path, [], "https://jdih.example.go.id/files/")
    (record,) = json.loads((folder / "jdihn.json").read_text("utf-8"))
    assert record["urlDownload"] == f"https://jdih.example.go.id/files/{DOK}.pdf"
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    assert package["sources"][0]["path"] == record["urlDownload"]
    assert (
        with_base_url({"fileDownload": "a b.pdf"}, "http://x/")["urlDownload"]
        == "http://x/a%20b.pdf"
    )
    assert with_base_url({"fileDownload": "-"}, "http://x")["fileDownload"] == "-"


def test_base_url_option_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.cli import BASE_URL_ENV, _parser

    monkeypatch.delenv(BASE_URL_ENV, raising=False)
    assert _parser().parse_args(["run"]).base_url is None
    assert _parser().parse_args(["run", "--base-url", "https://a/b"]).base_url == "https://a/b"
    monkeypatch.setenv(BASE_URL_ENV, "https://env/pdf")
    assert _parser().parse_args(["run"]).base_url == "https://env/pdf"
    assert _parser().parse_args(["run", "--base-url", "https://a"]).base_url == "https://a"
    help_text = _parser()._subparsers._group_actions[0].choices["run"].format_help()  # type: ignore[union-attr]
    assert "--base-url" in help_text and BASE_URL_ENV in help_text


def test_datapackage_has_license_version_created_and_sources() -> None:
    package = json.loads((GOLDEN_DIR / "datapackage.json").read_text("utf-8"))
    assert package["version"] == CONTRACT_VERSION
    assert [lic["name"] for lic in package["licenses"]] == ["CC0-1.0"]
    dokumen = json.loads((GOLDEN_DIR / "dokumen.json").read_text("utf-8"))
    # From the data (the promulgation date), never the clock: the run is 2026, this is 2020.
    assert package["created"] == f"{dokumen['tanggal_pengundangan']}T00:00:00Z"
    feed = json.loads((GOLDEN_DIR / "jdihn.json").read_text("utf-8"))[0]
    assert package["sources"] == [{"title": feed["judul"], "path": feed["fileDownload"]}]


def test_schemas_have_an_id_and_the_contract_version() -> None:
    ids = []
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text("utf-8"))
        assert schema["version"] == CONTRACT_VERSION, path.name
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        name = path.name.removesuffix(".schema.json")
        assert schema["$id"] == f"urn:perbup-pipeline:skema:{name}:{CONTRACT_VERSION}"
        ids.append(schema["$id"])
    assert len(ids) == len(set(ids)) == len(TABLES) + 3


def test_manifest_names_the_code_version() -> None:
    version = json.loads((GOLDEN_DIR / "manifest.json").read_text("utf-8"))["versi_pipeline"]
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{16}", version)
    assert pipeline_version() == pipeline_version.__wrapped__()  # deterministic


def test_code_version_follows_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.version as v

    copy = tmp_path / "pipeline"
    shutil.copytree(v.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    suites = tmp_path / "validations" / "expectations"
    shutil.copytree(v.SUITES_DIR, suites)
    monkeypatch.setattr(v, "PACKAGE_DIR", copy)
    monkeypatch.setattr(v, "SUITES_DIR", suites)
    before = v.pipeline_version.__wrapped__()
    assert before == v.pipeline_version.__wrapped__()
    (copy / "run.py").write_text((copy / "run.py").read_text("utf-8") + "\n# edit\n", "utf-8")
    assert v.pipeline_version.__wrapped__() != before


# --- the catalog ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("katalog")
    shutil.copytree(GOLDEN_DIR, out / DOK)
    db, _ = build_catalog(out)
    return db


def test_catalog_has_primary_and_foreign_keys(catalog: Path) -> None:
    with sqlite3.connect(catalog) as conn:
        for table in [*TABLES, "temuan"]:
            info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            pk = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
            assert pk == ["dokumen_id", *primary_key(table)], table
            fks = conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
            assert ("dokumen", "dokumen_id", "dokumen_id") in {(f[2], f[3], f[4]) for f in fks}
        record = {(f[2], f[3]) for f in conn.execute('PRAGMA foreign_key_list("jadwal")')}
        assert {("rencana_aksi", "dokumen_id"), ("rencana_aksi", "record_id")} <= record
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        types = {r[1]: r[2] for r in conn.execute('PRAGMA table_info("rencana_aksi")')}
        assert (types["keyakinan_ocr"], types["area_no"], types["target_nilai"]) == (
            "REAL", "INTEGER", "REAL",
        )  # fmt: skip
        assert types["indikator_target"] == "TEXT"
        # A broken reference is caught by SQLite itself.
        conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO jadwal VALUES (?, 'tidak_ada', 2020)", (DOK,))


def test_full_text_search_covers_every_text_column(catalog: Path) -> None:
    with sqlite3.connect(catalog) as conn:
        every = [*TABLES, "temuan"]
        assert [t for t in every if not text_columns(t)] == ["jadwal"]  # record_id, tahun only
        for table in every[:]:
            columns = text_columns(table)
            if not columns:
                assert not conn.execute(
                    "SELECT name FROM sqlite_master WHERE name = ?", (f"{table}_fts",)
                ).fetchall()
                continue
            fts = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}_fts")')]
            assert fts == columns, table
        assert "teks" in text_columns("perubahan_pasal")
        # A word found by FTS5 in exactly the rows whose text has it.
        for table, word in [("rencana_aksi", "inovasi"), ("penanggung_jawab", "Disarplus"),
                            ("pasal", "Reformasi"), ("temuan", "singkatan")]:  # fmt: skip
            found = {
                r[0]
                for r in conn.execute(
                    f'SELECT t.id FROM "{table}_fts" f JOIN "{table}" t ON t.rowid = f.rowid '
                    f'WHERE "{table}_fts" MATCH ?',
                    (word,),
                )  # fmt: skip
            }
            like = " OR ".join(f'"{c}" LIKE ?' for c in text_columns(table))
            rows = conn.execute(
                f'SELECT id, {", ".join(text_columns(table))} FROM "{table}" WHERE {like}',
                [f"%{word}%"] * len(text_columns(table)),
            ).fetchall()
            whole = {
                r[0] for r in rows
                if any(re.search(rf"\b{word}\b", str(v or ""), re.I) for v in r[1:])
            }  # fmt: skip
            assert found and found == whole, table


def test_views_answer_the_readme_questions(catalog: Path) -> None:
    with sqlite3.connect(catalog) as conn:
        per_unit = conn.execute(
            "SELECT COUNT(*) FROM target_per_unit WHERE unit = 'Badan Kepegawaian Daerah'"
        ).fetchone()[0]
        direct = conn.execute(
            "SELECT COUNT(*) FROM penanggung_jawab WHERE unit = 'Badan Kepegawaian Daerah'"
        ).fetchone()[0]
        assert per_unit == direct > 0
        levels = dict(conn.execute("SELECT tingkat, jumlah FROM temuan_per_tingkat").fetchall())
        temuan = _json("temuan")
        assert levels == {k: sum(1 for t in temuan if t["tingkat"] == k) for k in levels}
        per_year = conn.execute("SELECT tahun, SUM(aksi) FROM aksi_per_tahun_area GROUP BY tahun")
        jadwal = _json("jadwal")
        assert dict(per_year.fetchall()) == {
            y: sum(1 for j in jadwal if j["tahun"] == y) for y in {j["tahun"] for j in jadwal}
        }
        areas = set(conn.execute("SELECT kelompok, area FROM aksi_per_tahun_area").fetchall())
        assert ("Penguatan Akuntabilitas", "Akuntabilitas") in areas  # area 7's fallback
        groups = {r["kelompok"] for r in _json("rencana_aksi") if r["area_no"] is None}
        assert {k for k, a in areas if a is None} == groups == {"QuickWins Reformasi Birokasi"}


def test_datasette_metadata_describes_every_table(catalog: Path) -> None:
    meta = json.loads((catalog.parent / CATALOG_METADATA).read_text("utf-8"))
    tables = meta["databases"]["katalog"]["tables"]
    for table in [*TABLES, "temuan"]:
        assert tables[table].get("fts_table") == (f"{table}_fts" if table != "jadwal" else None)
        assert set(tables[table]["columns"]) == {
            f
            for f in json.loads((ROOT / "schemas" / f"{table}.schema.json").read_text("utf-8"))[
                "properties"
            ]
        } - ({"dokumen_id"} - set(tables[table]["columns"])), table
    assert meta["license"] == "CC0-1.0"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return str(response.read().decode("utf-8"))


def test_catalog_opens_in_datasette_with_links_between_tables(
    catalog: Path, tmp_path: Path
) -> None:
    datasette = Path(sys.executable).parent / "datasette"
    if not datasette.exists():
        pytest.fail("datasette is missing: run `make test` (it installs the pinned version)")
    port = _free_port()
    proc = subprocess.Popen(
        [str(datasette), "serve", str(catalog), "--metadata", str(catalog.parent / CATALOG_METADATA),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("datasette did not start")
        page = _get(f"{base}/katalog/jadwal?_size=5")
        link = f'href="/katalog/dokumen/{DOK}"'
        assert link in page  # a schedule row links to its document
        assert "Katalog peraturan" in _get(f"{base}/katalog")
        document = _get(f"{base}/katalog/dokumen/{DOK}")
        assert "ROAD MAP REFORMASI BIROKRASI" in document
        found = json.loads(_get(f"{base}/katalog/rencana_aksi.json?_search=Disarplus&_shape=array"))
        assert {r["penanggung_jawab_teks"] for r in found} == {"Disarplus"}
        # In a real browser: the table page renders its rows with the links.
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser:
            dom = subprocess.run(
                [browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profil'}",
                 "--dump-dom", f"{base}/katalog/penanggung_jawab?_size=3"],
                capture_output=True, text=True, timeout=120, check=True,
            ).stdout  # fmt: skip
            assert dom.count(link) == 3
            assert '<table class="rows-and-columns">' in dom
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_catalog_csv_still_one_row_per_document(catalog: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((catalog.parent / "katalog.csv").read_text("utf-8"))))
    assert [r["dokumen_id"] for r in rows] == [DOK]
