"""Cross-row rules (`lakip_lib.aturan`): for each rule a case it accepts (often the edge it just
allows) and a case it refuses, with the problem at its file, row and column and the message the
analyst reads. Built on the small in-memory year of `tests.tahun_kecil` (rows count as in a
spreadsheet: the header is row 1)."""

from __future__ import annotations

from lakip_lib.masalah import GALAT, PERINGATAN, Masalah
from lakip_lib.schema import PANDUAN_NARASI

from .tahun_kecil import TahunKecil

ANGGARAN = "data/2024/anggaran.csv"
SKALA = "data/2024/skala_kategori.csv"
TARGET = "data/2024/target.csv"


def di(masalah: list[Masalah], berkas: str, baris: int | None, kolom: str | None) -> Masalah:
    """The one problem reported at this place."""
    cocok = [m for m in masalah if (m.berkas, m.baris, m.kolom) == (berkas, baris, kolom)]
    assert len(cocok) == 1, "\n".join(map(str, masalah))
    return cocok[0]


def tanpa_masalah(t: TahunKecil) -> None:
    assert t.muat().peringatan == []


def dengan_iku3(rumus: str) -> TahunKecil:
    return (TahunKecil()
            .tambah("indikator", kode="IKU3", jenis="iku", induk="S1", nama="Indikator Tiga",
                    satuan="%", arah="naik", desimal=2, rumus=rumus)
            .target("IKU3", 50))


def test_a_problem_reads_file_row_column_then_message():
    m = di(TahunKecil().ubah("cpr_kecamatan", {"kecamatan": "JUAI"}, kb_aktif=1001).masalah(),
           "data/2024/cpr_kecamatan.csv", 2, "kb_aktif")
    assert str(m) == ('data/2024/cpr_kecamatan.csv, baris 2, kolom "kb_aktif": peserta KB aktif '
                      "(1001) melebihi jumlah PUS (1000); CPR tidak mungkin lebih dari 100%.")


# --- the category scale -------------------------------------------------------------------------

def test_a_scale_of_one_open_band_covers_everything():
    tanpa_masalah(TahunKecil().hapus("skala_kategori").tambah("skala_kategori", kategori="Semua"))


def test_a_gap_between_bands_is_refused():
    m = di(TahunKecil().ubah("skala_kategori", {"kategori": "Sedang"}, batas_bawah=66).masalah(),
           SKALA, 4, "batas_bawah")
    assert m.pesan == ('nilai "66" harus sama dengan batas atas kategori sebelumnya (65) agar tidak '
                       "ada celah atau tumpang tindih.")


def test_the_outer_bands_must_be_open():
    masalah = (TahunKecil().ubah("skala_kategori", {"kategori": "Sangat Rendah"}, batas_bawah=0)
               .ubah("skala_kategori", {"kategori": "Sangat Tinggi"}, batas_atas=1000).masalah())
    assert di(masalah, SKALA, 2, "batas_bawah").pesan.startswith(
        "kategori pertama harus tanpa batas bawah")
    assert di(masalah, SKALA, 6, "batas_atas").pesan.startswith(
        "kategori terakhir harus tanpa batas atas")


def test_a_band_whose_upper_limit_is_not_above_its_lower_is_refused():
    masalah = TahunKecil().ubah("skala_kategori", {"kategori": "Sedang"}, batas_atas=65).masalah()
    assert di(masalah, SKALA, 4, "batas_atas").pesan == (
        "batas atas (65) harus lebih besar dari batas bawah (65).")


def test_an_empty_scale_is_refused():
    m = di(TahunKecil().hapus("skala_kategori").masalah(), SKALA, None, None)
    assert m.pesan == "skala kategori kosong; isi paling sedikit satu kategori."


# --- the budget hierarchy -----------------------------------------------------------------------

def test_a_sub_kegiatan_may_hang_directly_under_its_programme():
    tanpa_masalah(TahunKecil().tambah("anggaran", kode="P02", level="program", nama="PENUNJANG")
                  .tambah("anggaran", kode="P02.S01", level="subkegiatan", nama="Gaji",
                          anggaran=0, realisasi=0))


def test_a_code_without_parent_must_be_a_programme():
    masalah = TahunKecil().tambah("anggaran", kode="P02", level="kegiatan", nama="X",
                                  anggaran=0, realisasi=0).masalah()
    assert di(masalah, ANGGARAN, 6, "level").pesan == (
        'kode "P02" tanpa induk harus berlevel "program", bukan "kegiatan".')


def test_a_code_whose_parent_is_missing_is_refused():
    masalah = TahunKecil().tambah("anggaran", kode="P01.K02.S01", level="subkegiatan", nama="X",
                                  anggaran=0, realisasi=0).masalah()
    assert di(masalah, ANGGARAN, 6, "kode").pesan == (
        'kode "P01.K02.S01" menunjuk induk "P01.K02" yang tidak ada di berkas ini.')


def test_a_level_must_lie_below_its_parent():
    masalah = TahunKecil().tambah("anggaran", kode="P01.K02", level="program", nama="X",
                                  anggaran=0, realisasi=0).masalah()
    assert di(masalah, ANGGARAN, 6, "level").pesan == (
        'level "program" tidak boleh berada di bawah "P01" yang berlevel "program".')


def test_a_declared_total_equal_to_its_parts_is_accepted():
    tanpa_masalah(TahunKecil().ubah("anggaran", {"kode": "P01.K01"}, anggaran=1_000_000_000))


def test_a_declared_total_other_than_its_parts_is_refused():
    masalah = TahunKecil().ubah("anggaran", {"kode": "P01.K01"}, anggaran=999_999_999).masalah()
    assert di(masalah, ANGGARAN, 3, "anggaran").pesan == (
        "total yang dituliskan Rp999.999.999 berbeda dari jumlah rinciannya Rp1.000.000.000 "
        "(selisih -Rp1). Kosongkan sel ini agar total dihitung otomatis, atau perbaiki "
        "rinciannya.")


def test_spending_equal_to_the_budget_is_accepted_and_above_it_refused():
    tanpa_masalah(TahunKecil().ubah("anggaran", {"kode": "P01.K01.S01"}, realisasi=600_000_000))
    masalah = TahunKecil().ubah("anggaran", {"kode": "P01.K01.S01"},
                                realisasi=600_000_001).masalah()
    assert di(masalah, ANGGARAN, 4, "realisasi").pesan == (
        "realisasi Rp600.000.001 melebihi anggaran Rp600.000.000. Periksa kembali kedua angka.")


def test_an_empty_sub_kegiatan_is_an_error_in_a_final_edition_and_listed_in_a_draft():
    t = TahunKecil().ubah("anggaran", {"kode": "P01.K01.S02"}, realisasi=None)
    m = di(t.masalah(), ANGGARAN, 5, "realisasi")
    assert (m.tingkat, m.pesan) == (GALAT, "rincian terbawah wajib diisi (rupiah bulat, misalnya "
                                           "156590000).")
    m = di(t.edisi(status="draf").muat().peringatan, ANGGARAN, None, "realisasi")
    assert (m.tingkat, m.pesan) == (PERINGATAN, '1 rincian belum diisi (baris 5); buku draf '
                                                'menandainya "belum tersedia".')


def test_the_budget_ceiling_must_equal_the_sum_of_the_sub_kegiatan():
    m = di(TahunKecil().edisi(pagu_anggaran=999).masalah(), "data/2024/edisi.yaml", None,
           "pagu_anggaran")
    assert m.pesan == ("pagu Rp999 berbeda dari jumlah anggaran seluruh rincian di "
                       "data/2024/anggaran.csv (Rp1.000.000.000; selisih -Rp999.999.001).")


def test_a_draft_may_leave_the_budget_ceiling_out():
    tanpa_masalah(TahunKecil().edisi(status="draf", pagu_anggaran=None))


# --- CPR, programme performance, IDM ------------------------------------------------------------

def test_kb_aktif_may_equal_pus_and_a_zero_pus_is_refused():
    tanpa_masalah(TahunKecil().ubah("cpr_kecamatan", {"kecamatan": "JUAI"}, kb_aktif=1000))
    masalah = TahunKecil().ubah("cpr_kecamatan", {"kecamatan": "HALONG"}, pus=0,
                                kb_aktif=0).masalah()
    assert di(masalah, "data/2024/cpr_kecamatan.csv", 3, "pus").pesan == (
        "jumlah PUS 0: CPR kecamatan ini tidak dapat dihitung.")


def test_a_programme_performance_code_starts_with_its_sasaran():
    baris = dict(sasaran="S1", nama="X", indikator="Y", arah="naik")
    tanpa_masalah(TahunKecil().tambah("program_kinerja", kode="S1.P1.K1", level="kegiatan",
                                      **baris))
    masalah = TahunKecil().tambah("program_kinerja", kode="S1X.P2", level="program",
                                  **baris).masalah()
    assert di(masalah, "data/2024/program_kinerja.csv", 3, "kode").pesan == (
        'kode "S1X.P2" harus diawali kode sasarannya "S1.".')


def test_the_idm_recap_of_the_year_must_match_the_village_list():
    idm = dict(tahun=2024, mandiri=1, berkembang=1, tertinggal=0, sangat_tertinggal=0)
    tanpa_masalah(TahunKecil().tambah("idm_status", maju=1, **idm))
    masalah = TahunKecil().tambah("idm_status", maju=2, **idm).masalah()
    assert di(masalah, "data/idm_status.csv", 3, "maju").pesan == (
        'nilai "2" berbeda dari jumlah desa berstatus Maju di data/2024/desa.csv (1). Samakan '
        "keduanya.")


# --- targets and realisasi ------------------------------------------------------------------------

def test_an_iku_without_a_target_is_an_error_in_a_final_edition_and_a_warning_in_a_draft():
    t = TahunKecil().hapus("target", indikator="IKU2")
    m = di(t.masalah(), TARGET, None, "indikator")
    assert (m.tingkat, m.pesan) == (GALAT, "IKU IKU2 belum memiliki target tahun 2024. Tambahkan "
                                           "barisnya dengan target dari Perjanjian Kinerja "
                                           "(dasar: pk).")
    assert di(t.edisi(status="draf").muat().peringatan, TARGET, None, "indikator").tingkat == \
        PERINGATAN


def test_a_final_edition_uses_the_signed_agreement_targets():
    t = TahunKecil().target("IKU2", "2.5", dasar="renstra")
    assert di(t.masalah(), TARGET, 3, "dasar").pesan == (
        "target IKU IKU2 masih dari Renstra; edisi final memakai target Perjanjian Kinerja: isi "
        "target PK dan ubah dasar menjadi pk.")
    m = di(t.edisi(status="draf").muat().peringatan, TARGET, 3, "dasar")
    assert m.pesan.endswith("ganti dengan target Perjanjian Kinerja setelah ditandatangani "
                            "(dasar: pk).")


def test_a_missing_realisasi_is_only_a_warning():
    m = di(TahunKecil().realisasi("IKU1", 2024, None).muat().peringatan, "data/realisasi.csv",
           None, "realisasi")
    assert (m.tingkat, m.pesan) == (PERINGATAN, "realisasi IKU1 tahun 2024 belum tersedia; buku "
                                                'akan menandainya "belum tersedia".')


def test_a_computed_iku_warns_about_the_inputs_it_lacks():
    tanpa_masalah(dengan_iku3("penurunan_kasus"))
    t = dengan_iku3("penurunan_kasus").hapus("kasus_kekerasan", tahun=2023)
    m = di(t.muat().peringatan, "data/kasus_kekerasan.csv", None, "tahun")
    assert m.pesan == ("jumlah kasus tahun 2023 belum tersedia; realisasi IKU3 tidak dapat "
                       "dihitung.")
    draf = dengan_iku3("desa_maju").edisi(status="draf").ubah(
        "desa", {"desa": "DESA TIGA"}, status_idm=None)
    assert di(draf.muat().peringatan, "data/2024/desa.csv", None, "status_idm").pesan == (
        "status IDM tahun 2024 belum lengkap; realisasi IKU3 belum dapat dihitung.")


# --- plausibility ---------------------------------------------------------------------------------

def test_a_value_nineteen_times_last_year_passes_and_twenty_times_is_questioned():
    tanpa_masalah(TahunKecil().realisasi("IKU1", 2024, 1330))  # 19 × 70
    m = di(TahunKecil().realisasi("IKU1", 2024, 1400).masalah(), "data/realisasi.csv", 5,
           "realisasi")
    assert m.pesan == ("nilai 1.400 sekitar 20 kali lebih besar daripada 70 (realisasi tahun "
                       "2023); mungkin salah satuan, misalnya persen yang diketik sebagai pecahan "
                       "(0,7412 untuk 74,12). Bila angka ini memang benar, tulis alasannya di "
                       "kolom konfirmasi.")


def test_a_confirmed_implausible_value_is_accepted():
    tanpa_masalah(TahunKecil().realisasi("IKU1", 2024, 1400).tambah(
        "konfirmasi", tabel="realisasi", kunci="IKU1/2024", alasan="Metode BPS berubah"))


def test_a_target_is_compared_with_the_renstra_target_of_the_year():
    m = di(TahunKecil().target("IKU1", 4).masalah(), TARGET, 2, "target")
    assert m.pesan.startswith("nilai 4 sekitar 20 kali lebih kecil daripada 80 (target Renstra "
                              "2024)")


def test_a_percentage_outside_0_to_100_is_questioned_as_a_warning_in_a_draft():
    t = dengan_iku3("langsung").realisasi("IKU3", 2024, "100.5")
    m = di(t.masalah(), "data/realisasi.csv", 10, "realisasi")
    assert m.pesan.startswith("nilai 100,5 berada di luar 0–100 padahal satuannya persen.")
    assert di(t.edisi(status="draf").muat().peringatan, "data/realisasi.csv", 10,
              "realisasi").tingkat == PERINGATAN


def test_a_case_count_twenty_times_last_year_is_questioned():
    masalah = TahunKecil().ubah("kasus_kekerasan", {"tahun": 2024, "kelompok": "perempuan"},
                                jumlah=60).masalah()  # 20 × 3
    assert di(masalah, "data/kasus_kekerasan.csv", 4, "jumlah").pesan.startswith(
        "nilai 60 sekitar 20 kali lebih besar daripada 3 (jumlah kasus perempuan tahun 2023)")


# --- narratives and photos ------------------------------------------------------------------------

def test_a_narrative_may_name_years_and_regulations_but_states_no_figures():
    tanpa_masalah(TahunKecil().narasi("S1", "# Bab 3\n\nSesuai Peraturan Nomor 12 Tahun 2024, "
                                            "layanan diperluas.\n"))
    m = di(TahunKecil().narasi("S1", "Pengantar.\n\nCapaian naik 5,5 persen.\n").masalah(),
           "data/2024/narasi/S1.md", 3, None)
    assert m.pesan.startswith('uraian memuat angka "5,5". Angka dihitung dari data')


def test_a_placeholder_left_in_a_narrative_blocks_only_a_final_edition():
    t = TahunKecil().narasi("S1", PANDUAN_NARASI + "\n")
    m = di(t.masalah(), "data/2024/narasi/S1.md", None, None)
    assert m.pesan == ("1 bagian masih berisi petunjuk pengisian; ganti dengan uraian Anda "
                       "sebelum edisi berstatus final.")
    assert di(t.edisi(status="draf").muat().peringatan, "data/2024/narasi/S1.md", None,
              None).tingkat == PERINGATAN


def test_a_photo_must_sit_in_the_dokumentasi_folder_itself():
    masalah = TahunKecil().tambah("dokumentasi", berkas="../edisi.yaml",
                                  keterangan="Rapat").masalah()
    assert di(masalah, "data/2024/dokumentasi/keterangan.csv", 2, "berkas").pesan == (
        '"../edisi.yaml" harus berupa nama berkas di folder dokumentasi itu sendiri, tanpa '
        "folder lain.")


def test_a_blank_kegiatan_total_counts_as_its_parts_under_a_declared_programme_total():
    """Missing is not zero: the programme's total is compared with what its blank kegiatan
    adds up to, not with Rp0."""
    tanpa_masalah(TahunKecil().ubah("anggaran", {"kode": "P01"}, anggaran=1_000_000_000))
    masalah = TahunKecil().ubah("anggaran", {"kode": "P01"}, anggaran=1_000_000_001).masalah()
    assert di(masalah, ANGGARAN, 2, "anggaran").pesan == (
        "total yang dituliskan Rp1.000.000.001 berbeda dari jumlah rinciannya Rp1.000.000.000 "
        "(selisih Rp1). Kosongkan sel ini agar total dihitung otomatis, atau perbaiki "
        "rinciannya.")


def test_a_declared_total_over_a_blank_part_is_not_compared_with_an_incomplete_sum():
    masalah = (TahunKecil().ubah("anggaran", {"kode": "P01.K01"}, realisasi=940_000_000)
               .ubah("anggaran", {"kode": "P01.K01.S02"}, realisasi=None).masalah())
    assert di(masalah, ANGGARAN, 5, "realisasi").pesan.startswith("rincian terbawah wajib diisi")
    assert not [m for m in masalah if m.baris == 3]
