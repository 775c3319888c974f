"""Generated sentences that state figures. Every number in them comes from the caller's data.

Qualitative analysis (causes, obstacles, solutions) is the analyst's Markdown under data/<year>/
narasi/; this module only writes the sentences whose content is arithmetic. The sentences are
Markdown: every text from data in them (names, units, categories) passes through `md`, so it reads
as literal text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from lakip_lib import format as fmt
from lakip_lib.capaian import Arah, Pita
from lakip_lib.kinerja import HasilIndikator, TotalAnggaran
from lakip_lib.markdown_terbatas import markdown_aman as md

TANPA_SATUAN = {"indeks", ""}


def nilai(angka: Decimal | int | None, satuan: str, desimal: int | None = 2) -> str:
    """A value with its unit: `73,27`, `54,90%`, `17,00 per 1.000 perempuan 15–19 tahun`.
    `desimal=None` shows whole numbers without decimals (counts: `13 Laporan`)."""
    if angka is None:
        return fmt.BELUM_TERSEDIA
    teks = fmt.angka_alami(angka) if desimal is None else fmt.angka(angka, desimal)
    if satuan == "%":
        return f"{teks}%"
    return teks if satuan in TANPA_SATUAN else f"{teks} {satuan}"


def bilangan(n: int) -> str:
    """`4` → `4 (empat)`, as official prose writes counts."""
    return f"{n} ({fmt.terbilang(n).lower()})"


def capaian_indikator(h: HasilIndikator, tahun: int, skala: Sequence[Pita] = ()) -> str:
    """The IKU's result of the year. A missed target whose capaian still falls in the band that
    holds 100% (e.g. 98,96% → Sangat Tinggi) is said in one sentence that explains why."""
    if h.realisasi is None:
        return (f"Realisasi {md(h.nama)} tahun {tahun} belum tersedia, sehingga capaiannya terhadap "
                f"target {md(nilai(h.target, h.satuan, h.desimal))} belum dapat dihitung.")
    pita = _pita_tinggi(h, skala)
    kalimat = (f"Pada tahun {tahun}, realisasi {md(h.nama)} sebesar "
               f"{md(nilai(h.realisasi, h.satuan, h.desimal))} terhadap target "
               f"{md(nilai(h.target, h.satuan, h.desimal))}, sehingga capaiannya "
               f"{fmt.persen(h.capaian)}"
               + ("." if pita else f" dengan kategori **{md(h.kategori)}**."))
    if h.arah is Arah.TURUN:
        kalimat += (" Indikator ini makin baik bila makin rendah, sehingga capaian dihitung "
                    "dengan rumus (2 × target − realisasi) ÷ target × 100.")
    if h.tercapai is not None:
        kalimat += " Target tahun ini " + ("tercapai." if h.tercapai else "belum tercapai"
                                           + (_namun_tinggi(pita) if pita else "."))
    return kalimat


def _pita_tinggi(h: HasilIndikator, skala: Sequence[Pita]) -> Pita | None:
    """The band of a missed target's capaian when that band also holds 100%, else None."""
    if h.tercapai is not False:
        return None
    return next((p for p in skala if p.kategori == h.kategori and p.memuat(Decimal(100))), None)


def _namun_tinggi(pita: Pita) -> str:
    rentang = (f"setiap capaian di atas {fmt.angka_alami(pita.batas_bawah)}%"
               if pita.batas_bawah is not None else "capaian 100%")
    return (f", tetapi capaiannya tetap berkategori **{md(pita.kategori)}** karena kategori "
            f"itu mencakup {rentang}.")


def perubahan(nama: str, sebelum: Decimal | None, sesudah: Decimal | None, tahun: int,
              satuan: str, desimal: int, arah: Arah) -> str:
    """Direction and size of the change since last year, judged by the indicator's direction."""
    if sesudah is None:
        return (f"Realisasi {md(nama)} tahun {tahun} belum tersedia; realisasi tahun {tahun - 1} "
                f"sebesar {md(nilai(sebelum, satuan, desimal))}.")
    if sebelum is None:
        return f"Realisasi {md(nama)} tahun {tahun - 1} tidak tersedia untuk dibandingkan."
    selisih = sesudah - sebelum
    if selisih == 0:
        return f"Realisasi {md(nama)} tahun {tahun} sama dengan tahun {tahun - 1}."
    gerak = "naik" if selisih > 0 else "turun"
    membaik = (selisih > 0) == (arah is Arah.NAIK)
    relatif = f" ({fmt.persen(abs(selisih) / abs(sebelum) * 100)})" if sebelum != 0 else ""
    return (f"Dibandingkan tahun {tahun - 1} ({md(nilai(sebelum, satuan, desimal))}), realisasi "
            f"{md(nama)} tahun {tahun} {gerak} {selisih_nilai(abs(selisih), satuan, desimal)}"
            f"{relatif}; perubahan ini "
            f"{'membaik' if membaik else 'memburuk'} karena indikator ini makin baik bila makin "
            f"{'tinggi' if arah is Arah.NAIK else 'rendah'}.")


def selisih_nilai(selisih: Decimal, satuan: str, desimal: int | None) -> str:
    """A difference with its unit: `3,24 poin` (an index), `5,50 poin persentase`,
    `0,02 anak per perempuan`."""
    if satuan == "%":
        return md(f"{nilai(selisih, '', desimal)} poin persentase")
    if satuan in TANPA_SATUAN:
        return md(f"{nilai(selisih, '', desimal)} poin")
    return md(nilai(selisih, satuan, desimal))


def akhir_renstra(h: HasilIndikator, target_akhir: Decimal | None, tahun_akhir: int,
                  capaian_akhir: Decimal | None, tahun: int | None = None) -> str:
    """Item c: the distance to the end-of-Renstra target and, with `tahun` (this year), the
    yearly progress that still reaches it."""
    if target_akhir is None or h.realisasi is None:
        return f"Target akhir Renstra ({tahun_akhir}) untuk {md(h.nama)} belum dapat dibandingkan."
    kalimat = (f"Target akhir periode Renstra tahun {tahun_akhir} untuk {md(h.nama)} adalah "
               f"{md(nilai(target_akhir, h.satuan, h.desimal))}. Realisasi saat ini "
               f"{md(nilai(h.realisasi, h.satuan, h.desimal))} setara dengan capaian "
               f"{fmt.persen(capaian_akhir)} terhadap target akhir tersebut")
    jarak = target_akhir - h.realisasi if h.arah is Arah.NAIK else h.realisasi - target_akhir
    if jarak > 0:
        arah_gerak = "kenaikan" if h.arah is Arah.NAIK else "penurunan"
        kalimat += (f"; masih diperlukan {arah_gerak} "
                    f"{selisih_nilai(jarak, h.satuan, h.desimal)} untuk mencapainya")
        sisa = tahun_akhir - tahun if tahun is not None else 0
        if tahun is not None and sisa > 1:
            kalimat += (f", atau rata-rata {selisih_nilai(jarak / sisa, h.satuan, h.desimal)} "
                        f"per tahun selama {bilangan(sisa)} tahun tersisa ({tahun + 1}–"
                        f"{tahun_akhir})")
        elif sisa == 1:
            kalimat += f" dalam satu tahun tersisa ({tahun_akhir})"
        return kalimat + "."
    return kalimat + "; target akhir Renstra sudah terlampaui."


def anggaran(total: TotalAnggaran, sumber: str) -> str:
    if total.anggaran is None:
        return "Rincian anggaran tahun ini belum lengkap; jumlahnya belum tersedia."
    if total.realisasi is None:
        return (f"Anggaran instansi tahun ini sebesar {fmt.rupiah(total.anggaran)} "
                f"(*{fmt.terbilang_rupiah(total.anggaran)}*) yang bersumber dari {md(sumber)}. "
                "Realisasinya belum tersedia.")
    return (f"Anggaran instansi tahun ini sebesar {fmt.rupiah(total.anggaran)} "
            f"(*{fmt.terbilang_rupiah(total.anggaran)}*) yang bersumber dari {md(sumber)}. "
            f"Realisasinya {fmt.rupiah(total.realisasi)} "
            f"(*{fmt.terbilang_rupiah(total.realisasi)}*) atau {fmt.persen(total.penyerapan)} "
            f"dari anggaran, dengan sisa {fmt.rupiah(total.sisa)}.")


def sebaran_kategori(jumlah: Mapping[str, int], keseluruhan: str | None,
                     nilai_: Decimal | None, aturan: str) -> str:
    """The count per category, then the verdict with the rule it follows (`aturan`: the rule
    in words, e.g. "median capaian seluruh IKU")."""
    ada = [(k, n) for k, n in jumlah.items() if n]
    total = sum(jumlah.values())
    if not ada:
        return "Belum ada IKU yang capaiannya dapat dihitung."
    rincian = ", ".join(f"{bilangan(n)} berkategori {md(k)}" for k, n in ada)
    return (f"Dari {bilangan(total)} IKU yang capaiannya dapat dihitung, {rincian}. "
            f"Kinerja instansi secara keseluruhan dinilai dari {md(aturan)}, yaitu "
            f"{fmt.persen(nilai_)}, sehingga berkategori **{md(keseluruhan)}**.")


def efisiensi(capaian: Decimal | None, penyerapan: Decimal | None,
              efisiensi_: Decimal | None) -> str:
    if efisiensi_ is None:
        return "Efisiensi belum dapat dihitung karena capaian atau penyerapan anggaran belum tersedia."
    arti = ("hasil yang dicapai lebih besar daripada porsi anggaran yang diserap"
            if efisiensi_ >= 100 else "porsi anggaran yang diserap lebih besar daripada hasilnya")
    return (f"Capaian kinerja {fmt.persen(capaian)} dibandingkan penyerapan anggaran "
            f"{fmt.persen(penyerapan)} menghasilkan efisiensi {fmt.persen(efisiensi_)}: {arti}.")
