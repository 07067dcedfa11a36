"""Amendments in the real regulations: Pasal I instructions (checked on the pages) and the
inconsistent citation of the amended regulation (Banjarnegara p2-3)."""

from __future__ import annotations

from tests.conftest import RealCorpus

DONGGALA = "perbup_donggala_2025_24_alokasi_dana_desa"
BANJARNEGARA = "perda_kab_banjarnegara_2025_08_pajak_retribusi"


def test_donggala_pasal_i_instructions(real_corpus: RealCorpus) -> None:
    # p2: "1. Di antara ayat (3 dan ayat (4), Pasal 2 disisip 2 (dua) ayat yakni ayat (3)a
    # dan (3)b"; p3: "2. Diantara Pasal 2 dan Pasal 3 disisipkan 1 (satu) pasal, yakni
    # Pasal 2A".
    result, _ = real_corpus.get(DONGGALA)
    got = [(r.no, r.tindakan, r.sasaran, r.sasaran_pasal, r.sasaran_ayat)
           for r in result.perubahan_pasal]  # fmt: skip
    assert got == [("1", "disisipkan", "ayat", "2", "3a"), ("2", "disisipkan", "pasal", "2A", None)]


def test_banjarnegara_pasal_i_instructions(real_corpus: RealCorpus) -> None:
    # p3-p9: twelve numbered instructions; e.g. 4. "Ketentuan ayat (2) Pasal 45 dihapus",
    # 8. "Diantara Pasal 81 dan Pasal 82 disisipi 1 (satu) Pasal baru yakni Pasal 81A",
    # 12. "Ketentuan Lampiran II ... diubah".
    result, _ = real_corpus.get(BANJARNEGARA)
    rows = {r.no: r for r in result.perubahan_pasal}
    assert sorted(rows, key=int) == [str(n) for n in range(1, 13)]
    assert (rows["4"].tindakan, rows["4"].sasaran_pasal, rows["4"].sasaran_ayat) == (
        "dihapus", "45", "2")  # fmt: skip
    assert (rows["8"].tindakan, rows["8"].sasaran_pasal) == ("disisipkan", "81A")
    assert (rows["12"].tindakan, rows["12"].sasaran, rows["12"].sasaran_lampiran) == (
        "diubah", "lampiran", "II")  # fmt: skip


def test_banjarnegara_cites_itself_as_the_amended_perda(real_corpus: RealCorpus) -> None:
    # Title and Menetapkan: "Peraturan Daerah Nomor 8 Tahun 2023"; Mengingat 11 (p3) and
    # Pasal I (p3): "Peraturan Daerah Kabupaten Banjarnegara Nomor 8 Tahun 2025".
    _, temuan = real_corpus.get(BANJARNEGARA)
    hits = sorted(t.record_id or "" for t in temuan if t.kode == "perubahan-sitasi-tidak-konsisten")
    assert hits == ["mengingat__angka_11", "pasal_i"]


def test_donggala_cites_the_amended_perbup_consistently(real_corpus: RealCorpus) -> None:
    _, temuan = real_corpus.get(DONGGALA)
    assert not [t for t in temuan if t.kode == "perubahan-sitasi-tidak-konsisten"]
