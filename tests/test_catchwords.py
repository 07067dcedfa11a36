"""Catchwords: a typeset regulation prints the first words of the next page at the foot of
a page, then an ellipsis ("3. Peraturan Pemerintah . . ."), and may print its page number
between dashes ("- 2 -") below the top margin band. Both are page furniture, not text of the
item they interrupt. Expected values from PP 56/2014 p1-2, read on the rendered pages."""

from __future__ import annotations

from tests.conftest import RealCorpus

PP_BAPETEN = "pp_2014_56_tarif_pnbp_bapeten"


def test_a_catchword_does_not_cut_the_citation_it_announces(real_corpus: RealCorpus) -> None:
    result, _ = real_corpus.get(PP_BAPETEN)
    cited = {d.id: d for d in result.dasar_hukum}
    # p1 foot: "3. Peraturan Pemerintah . . ."; p2 prints item 3 whole under "- 2 -".
    third = cited["mengingat__angka_3"]
    assert (third.jenis, third.nomor, third.tahun) == ("Peraturan Pemerintah", "22", 1997)
    assert (third.lembaran_negara_tahun, third.lembaran_negara_nomor) == (1997, "57")
    assert third.tambahan_lembaran_negara_nomor == "3694"
    amended = cited["mengingat__angka_3__perubahan_1"]
    assert (amended.nomor, amended.tahun, amended.lembaran_negara_nomor) == ("52", 1998, "85")


def test_no_catchword_or_dashed_page_number_in_the_body(real_corpus: RealCorpus) -> None:
    result, _ = real_corpus.get(PP_BAPETEN)
    texts = [node.teks or "" for node in result.pasal]
    assert not [t for t in texts if ". . ." in t]
    assert not [t for t in texts if "- 2 -" in t or "- 3 -" in t]
