"""The registry of every dataset under data/: its file, columns, keys and description.

The common datasets are declared here; an indicator kind's own datasets are declared in its
module of `lakip_lib.rumus` and joined here (`DATASETS`), so the loader, the data appendix, the
data package and the generated row types (`python -m lakip_lib.schema`) see them all. The
declaration language (`Tipe`, `Kolom`, `Dataset`) is `lakip_lib.dataset`; the YAML records are
`lakip_lib.rekaman`.
"""

from __future__ import annotations

from lakip_lib import rumus
from lakip_lib.dataset import Dataset, Kolom, Tipe

ARAH = ("naik", "turun")
PENILAIAN = ("tingkat", "perubahan")  # perhitungan.Penilaian
PANDUAN_NARASI = ("*Tuliskan di sini dengan kata-kata sendiri; jangan mencantumkan angka (angka "
                  "dihitung dari data).*")  # the placeholder `lakip new-year` leaves in narratives
NARASI_TETAP = ("kata_pengantar", "latar_belakang", "kendala_utama", "penutup")  # + one per sasaran
LEVEL = ("program", "kegiatan", "subkegiatan")

_DESIMAL = Tipe.DESIMAL


_k = Kolom


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        "kecamatan", "kecamatan.csv", "Daftar kecamatan di wilayah kerja instansi.",
        (_k("kecamatan"),), ("kecamatan",),
    ),
    Dataset(
        "tujuan", "tujuan.csv", "Tujuan jangka menengah dalam Renstra.",
        (_k("kode"), _k("uraian")), ("kode",),
    ),
    Dataset(
        "sasaran", "sasaran.csv", "Sasaran strategis Renstra beserta tujuan yang didukungnya.",
        (_k("kode", nama_berkas=True), _k("tujuan", acuan=("tujuan", "kode")), _k("uraian")),
        ("kode",),
    ),
    Dataset(
        "indikator", "indikator.csv",
        "Definisi indikator: IKU, indikator tujuan, dan indikator pendukung, termasuk arah "
        "(naik = makin tinggi makin baik, turun = makin rendah makin baik), rumus perhitungannya, "
        "dan cara membaca capaiannya (penilaian: tingkat, atau perubahan dari tahun sebelumnya).",
        (
            _k("kode"), _k("jenis", pilihan=("iku", "tujuan", "pendukung")), _k("induk"),
            _k("nama"), _k("satuan"), _k("arah", pilihan=ARAH), _k("desimal", Tipe.BULAT),
            _k("rumus"),  # the indicator's kind: its choices are lakip_lib.rumus's
            _k("penilaian", pilihan=PENILAIAN, wajib=False, keterangan=(
                "Cara membaca capaian: tingkat (kosong: nilai suatu keadaan, rumus arah apa "
                "adanya) atau perubahan (perubahan dari tahun sebelumnya, misalnya persentase "
                "penurunan kasus: capaian paling rendah 0%, karena perubahan yang berlawanan "
                "arah dengan target tidak memenuhi bagian mana pun dari target).")),
            _k("definisi", wajib=False), _k("alasan", wajib=False),
            _k("penanggung_jawab", wajib=False), _k("sumber_data", wajib=False),
        ),
        ("kode",),
    ),
    Dataset(
        "renstra_target", "renstra_target.csv",
        "Target tahunan indikator tujuan dan sasaran selama periode Renstra (Tabel 2.1 dan 2.2).",
        (
            _k("indikator", acuan=("indikator", "kode")),
            _k("tahun", Tipe.TAHUN, dalam_renstra=True), _k("target", _DESIMAL),
        ),
        ("indikator", "tahun"),
    ),
    Dataset(
        "realisasi", "realisasi.csv",
        "Realisasi indikator yang diukur langsung (bukan dihitung), untuk tahun berjalan dan "
        "tahun-tahun sebelumnya.",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("tahun", Tipe.TAHUN),
            _k("realisasi", _DESIMAL), _k("keterangan", wajib=False),
        ),
        ("indikator", "tahun"),
        riwayat=True,
    ),
    *(ds for ds in rumus.datasets() if not ds.per_tahun),  # the kinds' own, multi-year
    Dataset(
        "pembanding", "pembanding.csv",
        "Angka pembanding dari wilayah lain, provinsi, dan nasional.",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("wilayah"), _k("tahun", Tipe.TAHUN),
            _k("jenis", pilihan=("realisasi", "target")), _k("nilai", _DESIMAL), _k("satuan"),
            _k("sumber"),
        ),
        ("indikator", "wilayah", "tahun", "jenis"),
        riwayat=True, riwayat_kecuali=("jenis", "target"),  # a later year's target is known now
    ),
    Dataset(
        "skala_kategori", "{tahun}/skala_kategori.csv",
        "Skala ordinal kategori capaian: batas bawah tidak termasuk, batas atas termasuk.",
        (
            _k("batas_bawah", _DESIMAL, wajib=False), _k("batas_atas", _DESIMAL, wajib=False),
            _k("kategori"),
        ),
        ("kategori",),
    ),
    Dataset(
        "target", "{tahun}/target.csv",
        "Target tahun berjalan: IKU menurut Perjanjian Kinerja (pk) atau, sebelum PK "
        "ditandatangani, menurut Renstra (renstra); indikator pendukung menurut dokumen "
        "perencanaan (renja).",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("target", _DESIMAL),
            _k("dasar", pilihan=("pk", "renstra", "renja")),
        ),
        ("indikator",),
    ),
    Dataset(
        "pk_anggaran", "{tahun}/pk_anggaran.csv",
        "Anggaran per sasaran yang dicantumkan dalam Perjanjian Kinerja.",
        (
            _k("sasaran", acuan=("sasaran", "kode")),
            _k("anggaran", Tipe.RUPIAH, boleh_negatif=False),
        ),
        ("sasaran",),
    ),
    *(ds for ds in rumus.datasets() if ds.per_tahun),  # the kinds' own, per year
    Dataset(
        "anggaran", "{tahun}/anggaran.csv",
        "Anggaran dan realisasi per program, kegiatan, dan sub kegiatan. Anggaran dan realisasi "
        "diisi pada baris rincian terbawah; total program dan kegiatan dihitung.",
        (
            _k("kode"), _k("level", pilihan=LEVEL),
            _k("sasaran", wajib=False, acuan=("sasaran", "kode")), _k("nama"),
            _k("anggaran", Tipe.RUPIAH, wajib=False, boleh_negatif=False),
            _k("realisasi", Tipe.RUPIAH, wajib=False, boleh_negatif=False),
            _k("anggaran_dilaporkan", Tipe.RUPIAH, wajib=False, dilaporkan=True),
            _k("realisasi_dilaporkan", Tipe.RUPIAH, wajib=False, dilaporkan=True),
            _k("penyerapan_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
        ),
        ("kode",),
    ),
    Dataset(
        "efisiensi", "{tahun}/efisiensi.csv",
        "Capaian kinerja program, kegiatan, dan sub kegiatan untuk analisis efisiensi.",
        (
            _k("kode_anggaran", wajib=False, acuan=("anggaran", "kode")), _k("nama"),
            _k("indikator"), _k("capaian_kinerja", _DESIMAL, wajib=False),
            _k("penyerapan_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("efisiensi_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("kode_indikator", wajib=False, acuan=("indikator", "kode"),
               keterangan="indikator buku ini yang capaiannya dihitung (kosongkan "
                          "capaian_kinerja)"),
            _k("capaian_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("kode_program", wajib=False, acuan=("program_kinerja", "kode"),
               keterangan="baris tabel program pendukung sasaran yang capaiannya dihitung "
                          "(kosongkan capaian_kinerja)"),
        ),
        ("nama", "indikator"),
    ),
    Dataset(
        "program_kinerja", "{tahun}/program_kinerja.csv",
        "Program, kegiatan, dan sub kegiatan pendukung tiap sasaran beserta indikator, target, "
        "dan realisasinya.",
        (
            _k("sasaran", acuan=("sasaran", "kode")), _k("kode"), _k("level", pilihan=LEVEL),
            _k("nama"), _k("indikator"), _k("satuan", wajib=False),
            _k("target", _DESIMAL, wajib=False), _k("realisasi", _DESIMAL, wajib=False),
            _k("arah", pilihan=ARAH),
            _k("capaian_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("tabel_sumber", wajib=False),
            _k("kode_indikator", wajib=False, acuan=("indikator", "kode"),
               keterangan="indikator buku ini yang target dan realisasinya dipakai (kosongkan "
                          "target dan realisasi)"),
            _k("target_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("realisasi_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
        ),
        ("kode",),
    ),
    Dataset(
        "aspek_strategis", "{tahun}/aspek_strategis.csv",
        "Aspek strategis organisasi: kondisi, standar, faktor yang memengaruhi, dan permasalahan. "
        "Kondisi aspek yang merupakan indikator buku ini dihitung dari datanya (kolom indikator "
        "dan ukuran), bukan diisi.",
        (
            _k("aspek"), _k("kondisi", _DESIMAL, wajib=False), _k("satuan", wajib=False),
            _k("standar", wajib=False), _k("faktor_internal", wajib=False),
            _k("faktor_eksternal", wajib=False), _k("permasalahan", wajib=False),
            _k("indikator", wajib=False, acuan=("indikator", "kode"),
               keterangan="indikator yang kondisinya dihitung (kosongkan kolom kondisi)"),
            _k("ukuran", wajib=False, pilihan=("realisasi", "capaian"),
               keterangan="angka indikator yang ditampilkan sebagai kondisi"),
            _k("kode_program", wajib=False, acuan=("program_kinerja", "kode"),
               keterangan="baris tabel program pendukung sasaran yang realisasinya menjadi "
                          "kondisi (kosongkan kolom kondisi)"),
            _k("kondisi_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
        ),
        ("aspek",),
    ),
    Dataset(
        "iku_dilaporkan", "{tahun}/iku_dilaporkan.csv",
        "Angka IKU sebagaimana tercetak di dokumen sumber, untuk pemeriksaan konsistensi.",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("lokasi"),
            _k("dasar_target", wajib=False, pilihan=("pk", "akhir_renstra")),
            _k("target", _DESIMAL, wajib=False, dilaporkan=True),
            _k("realisasi", _DESIMAL, wajib=False, dilaporkan=True),
            _k("capaian", _DESIMAL, wajib=False, dilaporkan=True),
            _k("kategori", wajib=False, dilaporkan=True),
        ),
        ("indikator", "lokasi"),
        wajib_ada=False,
    ),
    Dataset(
        "dilaporkan", "{tahun}/dilaporkan.csv",
        "Angka turunan lain sebagaimana tercetak di dokumen sumber (total, persentase, jumlah "
        "kategori, terbilang), untuk pemeriksaan konsistensi.",
        (_k("kunci"), _k("nilai", dilaporkan=True), _k("lokasi")),
        ("kunci", "lokasi"),
        wajib_ada=False,
    ),
)

DATASETS = (*DATASETS, Dataset(
    "catatan_sumber", "{tahun}/catatan_sumber.csv",
    "Catatan konsistensi dokumen sumber yang bukan hitungan (ditulis oleh penyusun data).",
    (_k("lokasi"), _k("catatan")), (), wajib_ada=False,
), Dataset(
    "dokumentasi", "{tahun}/dokumentasi/keterangan.csv",
    "Foto dokumentasi kegiatan dan keterangannya; berkas fotonya (PNG atau JPEG, paling besar "
    "2 MB) ada di folder yang sama.",
    (_k("berkas"), _k("keterangan")), ("berkas",), wajib_ada=False,
), Dataset(
    "konfirmasi", "{tahun}/konfirmasi.csv",
    "Angka yang tampak janggal (jauh dari tahun lalu atau dari satuannya) tetapi sudah diperiksa "
    "dan dinyatakan benar oleh analis, dengan alasannya.",
    (_k("tabel", pilihan=("realisasi", "target", *rumus.dikonfirmasi(), "pembanding")),
     _k("kunci"), _k("alasan")),
    ("tabel", "kunci"), wajib_ada=False,
))

BY_NAME: dict[str, Dataset] = {d.nama: d for d in DATASETS}


# --- Titles and descriptions of the columns (the data package's fields) ----------------------

JUDUL_KOLOM = {  # a column's title, with its unit: the workbook's header
    # (the import accepts it or the name) and the data package's field title
    "indikator": "Kode indikator", "tahun": "Tahun", "realisasi": "Realisasi",
    "keterangan": "Keterangan", "target": "Target", "dasar": "Dasar target",
    "kecamatan": "Kecamatan", "sasaran": "Kode sasaran", "anggaran": "Anggaran (Rp)",
    "kode": "Kode", "level": "Level", "nama": "Nama", "satuan": "Satuan", "arah": "Arah",
    "kode_anggaran": "Kode anggaran", "capaian_kinerja": "Capaian kinerja (%)",
    "kode_indikator": "Indikator buku (capaian dihitung)",
    "aspek": "Aspek strategis", "kondisi": "Kondisi (angka)", "standar": "Standar",
    "faktor_internal": "Faktor internal", "faktor_eksternal": "Faktor eksternal",
    "permasalahan": "Permasalahan", "wilayah": "Wilayah", "jenis": "Jenis angka",
    "nilai": "Nilai", "sumber": "Sumber data", "batas_bawah": "Capaian di atas (%)",
    "batas_atas": "Capaian sampai dengan (%)", "kategori": "Kategori",
    "konfirmasi": "Konfirmasi angka janggal (alasan)",
    "nama_indikator": "Nama indikator", "satuan_indikator": "Satuan",
}
JUDUL_KHUSUS = {
    ("anggaran", "realisasi"): "Realisasi (Rp)",
    ("realisasi", "realisasi"): "Realisasi (satuan indikator)",
    ("target", "target"): "Target (satuan indikator)",
    ("pembanding", "nilai"): "Nilai (satuan di kolom Satuan)",
    ("program_kinerja", "target"): "Target (satuan di kolom Satuan)",
    ("program_kinerja", "realisasi"): "Realisasi (satuan di kolom Satuan)",
}
_JUDUL_LAIN = {  # titles of columns the workbook does not show (or shows by name)
    "uraian": "Uraian", "tujuan": "Kode tujuan", "jenis": "Jenis indikator", "induk": "Induk",
    "desimal": "Jumlah desimal", "rumus": "Rumus (jenis indikator)", "definisi": "Definisi",
    "alasan": "Alasan", "penanggung_jawab": "Penanggung jawab", "sumber_data": "Sumber data",
    "lokasi": "Lokasi di dokumen sumber", "dasar_target": "Dasar target", "kunci": "Kunci",
    "catatan": "Catatan", "berkas": "Berkas foto", "tabel": "Tabel data",
    "ukuran": "Ukuran indikator", "tabel_sumber": "Tabel di dokumen sumber",
    "capaian": "Capaian (%)", "penyerapan": "Penyerapan (%)", "efisiensi": "Efisiensi (%)",
    "tingkat": "Tingkat", "sisa": "Sisa (Rp)", "nama_indikator": "Indikator",
}
_JUDUL_KHUSUS_LAIN = {
    ("pembanding", "jenis"): "Jenis angka", ("konfirmasi", "alasan"): "Alasan konfirmasi",
    ("indikator", "jenis"): "Jenis indikator", ("dilaporkan", "nilai"): "Nilai tercetak",
    ("program_kinerja", "indikator"): "Indikator", ("efisiensi", "indikator"): "Indikator",
    ("hasil_kinerja_program", "indikator"): "Indikator", ("hasil_efisiensi", "indikator"):
    "Indikator", ("hasil_capaian_indikator", "target"): "Target (satuan di kolom Satuan)",
    ("hasil_capaian_indikator", "realisasi"): "Realisasi (satuan di kolom Satuan)",
    ("hasil_kinerja_program", "target"): "Target (satuan di kolom Satuan)",
    ("hasil_kinerja_program", "realisasi"): "Realisasi (satuan di kolom Satuan)",
    **{(f"hasil_anggaran_{t}", "realisasi"): "Realisasi (Rp)" for t in LEVEL},
}
_DILAPORKAN = "Angka sebagaimana tercetak di dokumen sumber (bukan masukan; untuk pemeriksaan)."


def judul_kolom(ds: Dataset, k: Kolom) -> str:
    """A column's title for a reader: the workbook's header where it has one, with its unit."""
    khusus = JUDUL_KHUSUS.get((ds.nama, k.nama)) or _JUDUL_KHUSUS_LAIN.get((ds.nama, k.nama))
    if khusus or k.judul:
        return khusus or k.judul
    if k.dilaporkan and k.nama.endswith("_dilaporkan"):
        dasar = k.nama.removesuffix("_dilaporkan")
        return f"{judul_kolom(ds, Kolom(dasar, k.tipe))} tercetak"
    if k.dilaporkan:
        return f"{JUDUL_KOLOM.get(k.nama) or _JUDUL_LAIN.get(k.nama, k.nama)} tercetak"
    return JUDUL_KOLOM.get(k.nama) or _JUDUL_LAIN.get(k.nama) or k.nama.replace("_", " ").capitalize()


def keterangan_kolom(ds: Dataset, k: Kolom) -> str:
    """A column's description (Indonesian): its own `keterangan`, else the schema's by
    dataset and column or by column; an as-reported column says so."""
    teks = (k.keterangan[:1].upper() + k.keterangan[1:] if k.keterangan else
            KETERANGAN_KHUSUS.get((ds.nama, k.nama))
            or KETERANGAN_KOLOM.get(k.nama.removesuffix("_dilaporkan"), ""))
    if teks and not teks.endswith("."):
        teks += "."
    return f"{teks} {_DILAPORKAN}".strip() if k.dilaporkan else teks


KETERANGAN_KOLOM = {  # by column name, wherever the column means the same
    "kecamatan": "Nama kecamatan di wilayah kerja instansi",
    "kode": "Kode baris, unik dalam berkas",
    "uraian": "Rumusan lengkapnya sebagaimana dalam Renstra",
    "tujuan": "Kode tujuan Renstra yang didukung (kolom kode di tujuan.csv)",
    "induk": "Kode sasaran atau tujuan yang diukur indikator ini",
    "nama": "Nama sebagaimana dalam dokumen perencanaan",
    "satuan": "Satuan angka (kosong bila angka berupa indeks tanpa satuan)",
    "arah": "Arah indikator: naik (makin tinggi makin baik) atau turun (makin rendah makin baik)",
    "desimal": "Jumlah angka di belakang koma saat angka indikator ditampilkan",
    "rumus": "Cara realisasi indikator diperoleh: diukur langsung atau dihitung dari data lain",
    "definisi": "Definisi indikator dan rumus perhitungannya",
    "alasan": "Alasan indikator ini dipilih",
    "penanggung_jawab": "Jabatan yang bertanggung jawab atas indikator",
    "sumber_data": "Asal data realisasi indikator",
    "indikator": "Kode indikator (kolom kode di indikator.csv)",
    "tahun": "Tahun data",
    "target": "Target dalam satuan indikator",
    "realisasi": "Realisasi dalam satuan indikator",
    "keterangan": "Keterangan tambahan",
    "wilayah": "Wilayah pembanding (kabupaten lain, provinsi, atau nasional)",
    "nilai": "Nilai angka pembanding dalam satuan di kolom satuan",
    "sumber": "Sumber angka",
    "batas_bawah": "Batas bawah capaian (%), tidak termasuk; kosong untuk pita terendah",
    "batas_atas": "Batas atas capaian (%), termasuk; kosong untuk pita tertinggi",
    "kategori": "Nama kategori capaian",
    "dasar": "Dasar target: pk (Perjanjian Kinerja), renstra, atau renja",
    "sasaran": "Kode sasaran strategis (kolom kode di sasaran.csv)",
    "anggaran": "Anggaran dalam rupiah",
    "level": "Tingkat baris: program, kegiatan, atau subkegiatan",
    "tingkat": "Tingkat baris: program, kegiatan, atau subkegiatan",
    "sisa": "Sisa anggaran: anggaran − realisasi (Rp)",
    "penyerapan": "Penyerapan anggaran: realisasi ÷ anggaran × 100 (%)",
    "kode_anggaran": "Kode program, kegiatan, atau sub kegiatan (kolom kode di anggaran.csv)",
    "capaian_kinerja": "Capaian kinerja (%) menurut evaluasi Renja",
    "efisiensi": "Efisiensi: capaian kinerja ÷ penyerapan anggaran × 100 (%)",
    "capaian": "Capaian (%)",
    "tabel_sumber": "Tabel dokumen sumber tempat baris ini tercetak",
    "aspek": "Aspek strategis yang dikaji",
    "kondisi": "Kondisi aspek, dalam satuan di kolom satuan",
    "standar": "Standar atau acuan aspek",
    "faktor_internal": "Faktor internal yang memengaruhi",
    "faktor_eksternal": "Faktor eksternal yang memengaruhi",
    "permasalahan": "Permasalahan yang dihadapi",
    "lokasi": "Tempat di dokumen sumber (bab, tabel, atau paragraf)",
    "dasar_target": "Target yang dipakai dokumen sumber: pk (Perjanjian Kinerja) atau "
                    "akhir_renstra",
    "kunci": "Nama angka yang dimaksud",
    "catatan": "Isi catatan",
    "berkas": "Nama berkas foto di folder yang sama",
    "tabel": "Tabel data tempat angka yang dikonfirmasi",
}
# columns of the programme, kegiatan and sub kegiatan rows, in several datasets
_INDIKATOR_PROGRAM = "Indikator program, kegiatan, atau sub kegiatan"
_NAMA_PROGRAM = "Nama program, kegiatan, atau sub kegiatan"
_KODE_PROGRAM = "Kode program, kegiatan, atau sub kegiatan"
KETERANGAN_KHUSUS = {  # where a column name means something else in one dataset
    ("tujuan", "kode"): "Kode tujuan", ("sasaran", "kode"): "Kode sasaran strategis",
    ("indikator", "kode"): "Kode indikator",
    ("indikator", "jenis"): "Jenis indikator: iku (Indikator Kinerja Utama), tujuan, atau "
                            "pendukung",
    ("indikator", "nama"): "Nama indikator",
    ("pembanding", "jenis"): "Jenis angka pembanding: realisasi atau target",
    ("anggaran", "kode"): "Kode program (P..), kegiatan (P...K..), atau sub kegiatan "
                          "(P...K...S..); kode kegiatan diawali kode programnya",
    ("anggaran", "anggaran"): "Anggaran (Rp), diisi hanya pada baris sub kegiatan; total "
                              "program dan kegiatan dihitung dari rinciannya",
    ("anggaran", "realisasi"): "Realisasi anggaran (Rp), diisi hanya pada baris sub kegiatan",
    ("anggaran", "sasaran"): "Kode sasaran yang didukung program",
    ("anggaran", "anggaran_dilaporkan"): "Anggaran (Rp) pada setiap tingkat; baris program dan "
                                         "kegiatan memuat total rinciannya, jadi jangan "
                                         "dijumlahkan lintas tingkat",
    ("anggaran", "realisasi_dilaporkan"): "Realisasi (Rp) pada setiap tingkat; jangan "
                                          "dijumlahkan lintas tingkat",
    ("program_kinerja", "indikator"): _INDIKATOR_PROGRAM,
    ("program_kinerja", "kode"): _KODE_PROGRAM,
    ("efisiensi", "indikator"): _INDIKATOR_PROGRAM,
    ("efisiensi", "nama"): _NAMA_PROGRAM,
    ("iku_dilaporkan", "kategori"): "Kategori capaian",
    ("dilaporkan", "nilai"): "Nilai yang tercetak: angka, persen, atau jumlah dalam kata",
    ("dokumentasi", "keterangan"): "Keterangan foto",
    ("konfirmasi", "alasan"): "Alasan analis menyatakan angka itu benar",
    ("konfirmasi", "kunci"): "Kunci baris angka yang dikonfirmasi",
    ("pk_anggaran", "anggaran"): "Anggaran (Rp) sasaran dalam Perjanjian Kinerja",
    ("hasil_capaian_indikator", "jenis"): "Jenis indikator: iku (Indikator Kinerja Utama), "
                                          "tujuan, atau pendukung",
    ("hasil_capaian_indikator", "nama"): "Nama indikator",
    ("hasil_capaian_indikator", "capaian"): "Capaian (%) menurut arah indikator: naik, "
                                            "realisasi ÷ target × 100; turun, (2 × target − "
                                            "realisasi) ÷ target × 100; dua desimal",
    ("hasil_capaian_indikator", "kategori"): "Kategori capaian menurut skala kategori edisi ini",
    ("hasil_capaian_indikator", "dasar_target"): "Dasar target: pk (Perjanjian Kinerja), renstra, "
                                                 "atau renja",
    ("hasil_kinerja_program", "indikator"): _INDIKATOR_PROGRAM,
    ("hasil_kinerja_program", "capaian"): "Capaian (%) menurut arah indikator, dua desimal",
    ("hasil_kinerja_program", "kode"): _KODE_PROGRAM,
    ("hasil_efisiensi", "indikator"): _INDIKATOR_PROGRAM,
    ("hasil_efisiensi", "nama"): _NAMA_PROGRAM,
    ("hasil_efisiensi", "capaian_kinerja"): "Capaian kinerja (%): capaian indikator buku ini "
                                            "bila terhubung, selain itu menurut evaluasi Renja",
    **{(f"hasil_anggaran_{t}", "kode"): _KODE_PROGRAM
       for t in LEVEL},
    **{(f"hasil_anggaran_{t}", "anggaran"): "Anggaran (Rp), jumlah dari baris sub kegiatan"
       for t in LEVEL},
    **{(f"hasil_anggaran_{t}", "realisasi"): "Realisasi anggaran (Rp), jumlah dari baris sub "
                                             "kegiatan" for t in LEVEL},
}


# --- The book's results in the data package (computed by lakip_lib.hasil_terbit, never input) --

_TINGKAT = _k("tingkat", pilihan=("program", "kegiatan", "subkegiatan"))
_KOLOM_ANGGARAN = (
    _TINGKAT, _k("kode"), _k("nama"), _k("sasaran", wajib=False),
    _k("anggaran", Tipe.RUPIAH, wajib=False), _k("realisasi", Tipe.RUPIAH, wajib=False),
    _k("sisa", Tipe.RUPIAH, wajib=False), _k("penyerapan", _DESIMAL, wajib=False),
)
HASIL: tuple[Dataset, ...] = (
    Dataset(
        "hasil_capaian_indikator", "{tahun}/hasil/capaian_indikator.csv",
        "Hasil buku ini: target, realisasi, capaian, dan kategori setiap indikator per tahun, "
        "dihitung dari data masukan. Tahun edisi memakai target tahun itu (target.csv); tahun "
        "sebelumnya memakai target Renstra. Angka dibulatkan seperti tercetak di buku.",
        (_k("indikator"), _k("nama"), _k("jenis"), _k("tahun", Tipe.TAHUN),
         _k("dasar_target", wajib=False, pilihan=("pk", "renstra", "renja")),
         _k("satuan", wajib=False), _k("arah", pilihan=ARAH),
         _k("target", _DESIMAL, wajib=False), _k("realisasi", _DESIMAL, wajib=False),
         _k("capaian", _DESIMAL, wajib=False), _k("kategori", wajib=False)),
        ("indikator", "tahun"),
    ),
    *(Dataset(
        f"hasil_anggaran_{tingkat}", f"{{tahun}}/hasil/anggaran_{tingkat}.csv",
        f"Hasil buku ini: anggaran, realisasi, sisa, dan penyerapan setiap {nama}, dijumlahkan "
        "dari baris sub kegiatan. Satu berkas per tingkat, sehingga setiap kolom rupiah dapat "
        "dijumlahkan langsung menjadi total anggaran instansi.",
        _KOLOM_ANGGARAN, ("kode",),
    ) for tingkat, nama in (("program", "program"), ("kegiatan", "kegiatan"),
                            ("subkegiatan", "sub kegiatan"))),
    Dataset(
        "hasil_kinerja_program", "{tahun}/hasil/kinerja_program.csv",
        "Hasil buku ini: target, realisasi, dan capaian indikator program, kegiatan, dan sub "
        "kegiatan pendukung setiap sasaran (kolom tingkat menyebut tingkat barisnya).",
        (_k("sasaran"), _TINGKAT, _k("kode"), _k("nama"), _k("indikator"),
         _k("satuan", wajib=False), _k("arah", pilihan=ARAH),
         _k("target", _DESIMAL, wajib=False), _k("realisasi", _DESIMAL, wajib=False),
         _k("capaian", _DESIMAL, wajib=False)),
        ("kode", "indikator"),
    ),
    Dataset(
        "hasil_efisiensi", "{tahun}/hasil/efisiensi.csv",
        "Hasil buku ini: capaian kinerja, penyerapan anggaran, dan efisiensi program, kegiatan, "
        "dan sub kegiatan (kolom tingkat menyebut tingkat barisnya).",
        (_k("tingkat", wajib=False, pilihan=("program", "kegiatan", "subkegiatan")),
         _k("kode_anggaran", wajib=False), _k("nama"), _k("indikator"),
         _k("capaian_kinerja", _DESIMAL, wajib=False), _k("penyerapan", _DESIMAL, wajib=False),
         _k("efisiensi", _DESIMAL, wajib=False)),
        ("nama", "indikator"),
    ),
)


if __name__ == "__main__":  # writes lakip_lib/baris.py and syarat.py (lakip_lib.pembuat_tipe)
    from lakip_lib import pembuat_tipe

    pembuat_tipe.tulis(DATASETS)
