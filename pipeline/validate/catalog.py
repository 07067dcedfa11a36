"""Every finding code, its severity and its message templates (Bahasa Indonesia) in one
table. Rules refer to codes only; wording lives here."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.vocabulary import SEVERITIES, Severity

GALAT, PERINGATAN, INFO = SEVERITIES


@dataclass(frozen=True, slots=True)
class Aturan:
    tingkat: Severity
    pesan: str
    saran: str | None = None


# A correction derivable from the printed text itself (validate/suggest.py), appended to a
# finding's saran through its {usulan} field.
USULAN = " Usulan penulisan: \u201c{teks}\u201d."

# One advice for findings that are one problem seen from two sides (validate/links.py);
# {terkait} lists the other findings' ids.
TAUTAN: dict[str, str] = {
    "istilah-dipakai-dengan-nama-lain": (
        "Istilah ini dipakai pada Rencana Aksi dengan nama lain ({nama}); definisinya jangan "
        "dihapus: tulis \u201c{istilah}\u201d di tabel itu. Temuan terkait: {terkait}."
    ),
    "nama-lain-istilah": (
        "Ganti \u201c{nama}\u201d dengan istilah yang didefinisikan di Pasal 1, "
        "\u201c{istilah}\u201d. Temuan terkait: {terkait}."
    ),
    "area-tanpa-nama-cadangan": (
        "Isi nama area \u201c{area}\u201d (area tabel area perubahan yang tidak ditemukan "
        "pada Rencana Aksi karena baris ini tanpa nama). Temuan terkait: {terkait}."
    ),
    "area-tidak-cocok-tanpa-nama": (
        "Area ini kemungkinan adalah area tanpa nama pada Rencana Aksi: isi nama "
        "\u201c{area}\u201d di sana. Temuan terkait: {terkait}."
    ),
}

CATALOG: dict[str, Aturan] = {
    # Targets
    "target-placeholder": Aturan(
        GALAT, "Target masih berupa isian kosong: {kutipan}.",
        "Isi angka dan terbilang target yang sebenarnya."),
    "target-kosong": Aturan(
        PERINGATAN, "Indikator tidak memuat target berupa angka.",
        "Tambahkan target terukur, misalnya \"(1 (satu) dokumen/tahun)\"."),
    "target-tidak-konsisten": Aturan(
        GALAT, "Angka dan terbilang target tidak sama: {nilai} ditulis \"{terbilang}\".",
        "Samakan angka dengan terbilangnya."),
    "target-format-rusak": Aturan(
        PERINGATAN, "Penulisan target tidak lengkap atau rusak (tanda kurung tidak seimbang, "
        "atau terbilang tanpa angka).", "Perbaiki penulisan target menjadi \"angka (terbilang) satuan\".{usulan}"),
    "target-persen-lebih-100": Aturan(
        GALAT, "Target persentase melebihi 100%: {nilai}%.", "Periksa kembali nilai persentase."),
    "satuan-tidak-dikenal": Aturan(
        INFO, "Satuan target tidak dikenali: \"{catatan}\".",
        "Gunakan satuan baku (dokumen, kegiatan, kali, Peraturan Bupati, ...)."),
    # Numbering
    "nomor-terlewat": Aturan(
        PERINGATAN, "Penomoran {tingkat_nomor} melompat: setelah \"{sebelum}\" langsung \"{sesudah}\".",
        "Periksa apakah ada butir yang hilang atau nomor yang salah ketik."),
    "nomor-ganda": Aturan(
        PERINGATAN, "Nomor {tingkat_nomor} \"{nomor}\" dipakai lebih dari sekali.",
        "Beri nomor yang berbeda pada butir yang berbeda."),
    "blok-tercetak-dua-kali": Aturan(
        GALAT, "Blok bernomor yang sama tercetak dua kali: {kutipan}.",
        "Hapus salah satu blok yang berulang."),
    "nomor-tanpa-titik": Aturan(
        INFO, "Nomor {tingkat_nomor} \"{nomor}\" tercetak tanpa titik, berbeda dengan nomor lain.",
        "Tulis \"{nomor}.\" agar seragam."),
    # Schedule
    "tanpa-tahun": Aturan(
        PERINGATAN, "Rencana aksi tidak memiliki tahun pelaksanaan yang dicentang.",
        "Centang tahun pelaksanaan pada kolom Waktu Pelaksanaan."),
    "tahun-di-luar-periode": Aturan(
        GALAT, "Tahun pelaksanaan {tahun} di luar periode peraturan {awal}-{akhir}.", None),
    "periode-tabel-berbeda": Aturan(
        PERINGATAN, "Kolom tahun tabel ({tahun_tabel}) berbeda dengan periode pada judul ({awal}-{akhir}).",
        "Samakan kolom Waktu Pelaksanaan dengan periode peraturan."),
    # Responsible units
    "unit-tidak-dikenal": Aturan(
        PERINGATAN, "Penanggung jawab \"{kutipan}\" tidak ada dalam ketentuan umum (definisi).",
        "{saran_unit}"),
    "singkatan-tidak-didefinisikan": Aturan(
        INFO, "Singkatan \"{kutipan}\" dipakai tetapi tidak didefinisikan dalam peraturan ini.",
        "Tambahkan definisinya di Pasal 1 atau tulis nama lengkapnya."),
    # Cross-table
    "jumlah-teks-vs-tabel": Aturan(
        GALAT, "Teks menyebut {disebut} {objek}, tetapi tabel memuat {dihitung}.",
        "Samakan jumlah dalam teks dengan isi tabel."),
    "area-tidak-cocok": Aturan(
        PERINGATAN, "Area \"{kutipan}\" pada {sumber} tidak ditemukan pada {pembanding}.",
        "Samakan nama area perubahan pada kedua lampiran."),
    "area-tanpa-nama": Aturan(
        GALAT, "Baris area nomor {nomor} tidak memuat nama area.", "Isi nama area perubahan."),
    "sistematika-tidak-cocok": Aturan(
        PERINGATAN, "Sistematika dalam batang tubuh menyebut \"{kutipan}\", tetapi Lampiran "
        "memuat \"{lampiran}\".", "Samakan sistematika dengan judul BAB lampiran."),
    # Dasar hukum
    "urutan-hierarki": Aturan(
        PERINGATAN, "Dasar hukum tidak urut menurut hierarki: {jenis} disebut setelah {sebelumnya}.",
        "Urutkan: UU, PP, Perpres, Permen, Perda, Perkada."),
    "urutan-kronologis": Aturan(
        INFO, "Dasar hukum {jenis} tidak urut menurut tahun: {kutipan} setelah tahun {sebelumnya}.",
        "Urutkan peraturan yang setingkat dari yang terlama."),
    "tahun-publikasi-sebelum-peraturan": Aturan(
        GALAT, "{publikasi} Tahun {tahun_publikasi} lebih awal dari tahun peraturannya ({tahun}).",
        "Periksa tahun Lembaran/Berita yang dikutip."),
    "perubahan-sitasi-tidak-konsisten": Aturan(
        GALAT, "Peraturan yang diubah dikutip sebagai Nomor {nomor} Tahun {tahun}{catatan}, "
        "sedangkan judul menyebut Nomor {nomor_judul} Tahun {tahun_judul}.",
        "Samakan nomor dan tahun peraturan yang diubah di seluruh naskah."),
    "sitasi-tidak-terurai": Aturan(
        GALAT, "Butir dasar hukum tidak dapat diurai: {alasan}.",
        "Tulis dengan pola \"Jenis Nomor .. Tahun .. tentang ..\"."),
    # Definitions
    "istilah-tidak-digunakan": Aturan(
        INFO, "Istilah \"{kutipan}\" didefinisikan tetapi tidak dipakai di bagian lain.",
        "Hapus definisi yang tidak dipakai, atau periksa penulisannya."),
    # Scans
    "ocr-butir-tergabung": Aturan(
        PERINGATAN, "OCR membaca butir {tingkat_nomor} sesudah \"{sebelum}\" ke dalam teks "
        "ini, sehingga data melompat dari \"{sebelum}\" ke \"{sesudah}\".",
        "Pisahkan butir yang tergabung sesuai pindaian halaman sebelum data dipakai."),
    "ocr-perlu-diperiksa": Aturan(
        PERINGATAN, "Menurut bacaan OCR, {temuan}, tetapi bacaan ini belum pasti: {alasan}.",
        "Periksa sel ini terhadap pindaian halaman; bila halaman memang demikian, perbaiki "
        "dokumennya."),
    "ocr-keyakinan-rendah": Aturan(
        PERINGATAN, "Teks ini berasal dari OCR dengan keyakinan rendah ({keyakinan}).",
        "Periksa teks ini terhadap pindaian halaman sebelum dipakai."),
    # Generic lampiran tables
    "tabel-tipe-tidak-cocok": Aturan(
        PERINGATAN, "Nilai \"{kutipan}\" pada kolom {kolom} tidak sesuai tipe kolom ({tipe}).",
        "Periksa penulisan nilai (huruf di kolom angka, format angka)."),
    "tabel-jumlah-tidak-cocok": Aturan(
        GALAT, "Baris jumlah pada kolom {kolom} tertulis {tertulis}, sedangkan penjumlahan barisnya {dihitung}.",
        "Periksa kembali angka baris jumlah atau baris-baris yang dijumlahkan."),
    "tabel-nomor-terlewat": Aturan(
        PERINGATAN, "Penomoran kolom {kolom} melompat: setelah \"{sebelum}\" langsung \"{sesudah}\".",
        "Periksa apakah ada baris yang hilang."),
    "tabel-nomor-ganda": Aturan(
        PERINGATAN, "Nomor \"{kutipan}\" pada kolom {kolom} dipakai lebih dari sekali.", None),
    "tabel-baris-berulang": Aturan(
        PERINGATAN, "{jumlah} baris mulai dari \"{kutipan}\" tercetak dua kali berturut-turut: "
        "isinya sama persis dengan {jumlah} baris tepat di atasnya.",
        "Hapus salah satu blok yang berulang, atau isi dengan data yang seharusnya."),
    "tabel-sel-kosong": Aturan(
        INFO, "Sel kolom {kolom} kosong, padahal kolom ini terisi pada baris lain.",
        "Lengkapi isi sel atau beri tanda \"-\" bila memang tidak ada."),
    # Schemas and expectations
    # Integrity of a published folder (manifest.json)
    "berkas-tidak-cocok": Aturan(
        GALAT, "Berkas terbitan {berkas} {masalah}; isinya tidak lagi dijamin sama dengan "
        "hasil pipeline.", "Jalankan ulang pipeline pada PDF sumbernya untuk memulihkan folder."),
    "skema-tidak-valid": Aturan(
        GALAT, "Baris {baris} tabel {tabel} tidak sesuai skema: {alasan}.", None),
    "ekspektasi-gagal": Aturan(
        GALAT, "Pemeriksaan \"{ekspektasi}\" gagal pada kolom {kolom}: nilai {kutipan}.", None),
}  # fmt: skip
