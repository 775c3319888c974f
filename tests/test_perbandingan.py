"""Comparison with other regions: each region once, with its newest figure up to the year, and
the sentence that names which are higher, lower, and of an earlier year."""

from __future__ import annotations

from decimal import Decimal

from lakip_lib import kinerja, prosa


def _baris(wilayah: str, tahun: int, nilai: str, jenis: str = "realisasi") -> dict[str, object]:
    return {"indikator": "IKU1", "wilayah": wilayah, "tahun": tahun, "nilai": Decimal(nilai),
            "jenis": jenis}


def _iku(realisasi: str | None) -> kinerja.HasilIndikator:
    return kinerja.HasilIndikator(
        kode="IKU1", nama="Angka <b>partisipasi</b>", sasaran="S1", satuan="%", desimal=2,
        arah="naik", target=Decimal(70),
        realisasi=Decimal(realisasi) if realisasi is not None else None,
        capaian=None, kategori=None)


def test_each_region_is_compared_once_with_its_newest_figure_up_to_the_year():
    baris = [_baris("Provinsi", 2023, "80"), _baris("Provinsi", 2024, "60"),
             _baris("Nasional", 2022, "75"), _baris("Nasional", 2025, "10"),
             _baris("Tabalong", 2024, "90", jenis="target")]
    p = kinerja.perbandingan_wilayah(baris, _iku("70"), 2024)
    assert p is not None
    assert p.lebih_tinggi == ["Nasional"] and p.lebih_rendah == ["Provinsi"]
    assert [(b["wilayah"], b["tahun"]) for b in p.lama] == [("Nasional", 2022)]
    kalimat = prosa.perbandingan_wilayah(_iku("70"), "Balangan", p)
    assert kalimat == ("Realisasi Angka \\<b\\>partisipasi\\</b\\> Balangan (70,00%) lebih tinggi "
                       "daripada Provinsi dan lebih rendah daripada Nasional. Angka Nasional "
                       "adalah data tahun 2022, tahun terakhir yang tersedia.")


def test_nothing_to_compare_without_a_realisasi_or_another_region():
    assert kinerja.perbandingan_wilayah([_baris("Provinsi", 2024, "60")], _iku(None), 2024) is None
    assert kinerja.perbandingan_wilayah([_baris("Provinsi", 2025, "60")], _iku("70"), 2024) is None
