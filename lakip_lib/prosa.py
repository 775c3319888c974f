"""Generated sentences that state figures. Every number in them comes from the caller's data.

Qualitative analysis (causes, obstacles, solutions) is the analyst's Markdown under data/<year>/
narasi/; this module only writes the sentences whose content is arithmetic. The sentences are
Markdown: every text from data in them (names, units, categories) passes through `md`, so it reads
as literal text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from lakip_lib import format as fmt
from lakip_lib.kinerja import (
    HasilAnggaran,
    HasilIndikator,
    PerbandinganWilayah,
    TitikRiwayat,
    TotalAnggaran,
)
from lakip_lib.markdown_terbatas import markdown_aman as md
from lakip_lib.perhitungan import Arah, JumlahBerubah, Pita

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


def capaian_indikator(h: HasilIndikator, tahun: int, skala: Sequence[Pita] = (),
                      berubah: JumlahBerubah | None = None) -> str:
    """The IKU's result of the year. A missed target whose capaian still falls in the band that
    holds 100% (e.g. 98,96% → Sangat Tinggi) is said in one sentence that explains why. A change
    indicator first says the plain fact behind it (`berubah`: cases rose from 10 to 17), and a
    change in the wrong direction is said as such, its capaian the bound 0%."""
    if h.realisasi is None:
        return (f"Realisasi {md(h.nama)} tahun {tahun} belum tersedia, sehingga capaiannya terhadap "
                f"target {md(nilai(h.target, h.satuan, h.desimal))} belum dapat dihitung.")
    pita = _pita_tinggi(h, skala)
    awal = (f"{jumlah_berubah(berubah)} " if berubah else "") + (
        f"Pada tahun {tahun}, realisasi {md(h.nama)} sebesar "
        f"{md(nilai(h.realisasi, h.satuan, h.desimal))} terhadap target "
        f"{md(nilai(h.target, h.satuan, h.desimal))}")
    if h.dibatasi:
        kalimat = (f"{awal}: perubahannya berlawanan arah dengan target, sehingga tidak ada "
                   f"bagian target yang tercapai. Capaiannya {fmt.persen(h.capaian)}, batas "
                   "terendah capaian indikator perubahan, dengan kategori "
                   f"**{md(h.kategori)}**.")
    else:
        kalimat = (f"{awal}, sehingga capaiannya {fmt.persen(h.capaian)}"
                   + ("." if pita else f" dengan kategori **{md(h.kategori)}**."))
    if h.arah is Arah.TURUN:
        kalimat += (" Indikator ini makin baik bila makin rendah, sehingga capaian dihitung "
                    "dengan rumus (2 × target − realisasi) ÷ target × 100.")
    if h.tercapai is not None:
        kalimat += " Target tahun ini " + ("tercapai." if h.tercapai else "belum tercapai"
                                           + (_namun_tinggi(pita) if pita else "."))
    return kalimat


def jumlah_berubah(b: JumlahBerubah) -> str:
    """The plain fact behind a change indicator: `Jumlah kasus … naik dari 10 kasus pada tahun
    2023 menjadi 17 kasus pada tahun 2024 (bertambah 7 kasus).`"""
    apa, satuan = md(b.apa), md(b.satuan)
    if b.sekarang == b.sebelum:
        return (f"Jumlah {apa} tetap {b.sekarang} {satuan} pada tahun {b.tahun - 1} dan "
                f"{b.tahun}.")
    arah, beda = ("naik", "bertambah") if b.sekarang > b.sebelum else ("turun", "berkurang")
    return (f"Jumlah {apa} {arah} dari {b.sebelum} {satuan} pada tahun {b.tahun - 1} menjadi "
            f"{b.sekarang} {satuan} pada tahun {b.tahun} ({beda} "
            f"{abs(b.sekarang - b.sebelum)} {satuan}).")


def target_pk_renstra(h: HasilIndikator, tahun: int, renstra: Decimal) -> str:
    """Which of the year's two targets the capaian uses, when the Perjanjian Kinerja's differs
    from the Renstra's for the same year (the other is shown where the reader meets it)."""
    return (f"Target {md(nilai(h.target, h.satuan, h.desimal))} adalah target Perjanjian "
            f"Kinerja tahun {tahun}; Renstra menetapkan "
            f"{md(nilai(renstra, h.satuan, h.desimal))} untuk tahun itu. Capaian dan kategori "
            "tahun ini dihitung terhadap target Perjanjian Kinerja; tabel perbandingan dengan "
            "tahun-tahun sebelumnya memakai target Renstra setiap tahun.")


def catatan_target_renstra(h: HasilIndikator, tahun: int) -> str:
    """The note under a table of capaian against the Renstra targets, when this year's capaian
    is stated against another (the Perjanjian Kinerja's) target."""
    return (f"Capaian pada tabel ini dihitung terhadap target Renstra setiap tahun. Capaian tahun "
            f"{tahun} terhadap target Perjanjian Kinerja "
            f"({nilai(h.target, h.satuan, h.desimal)}) adalah {fmt.persen(h.capaian)}.")


def catatan_dibatasi(hasil: Sequence[HasilIndikator]) -> str | None:
    """The note under a table that shows a change indicator's capaian bounded at 0%."""
    dibatasi = [h for h in hasil if h.dibatasi]
    if not dibatasi:
        return None
    return " ".join(
        f"Capaian {h.nama} dibatasi paling rendah 0%: indikator ini mengukur perubahan dari tahun "
        f"sebelumnya, dan realisasinya ({nilai(h.realisasi, h.satuan, h.desimal)}) berarti "
        "perubahan yang berlawanan arah dengan target." for h in dibatasi)


def aturan_penilaian(nama_perubahan: Sequence[str]) -> str:
    """How capaian is read, as the indicator data declares it (column `penilaian`)."""
    umum = ("Capaian setiap indikator dihitung menurut arahnya: realisasi ÷ target × 100 bila "
            "makin tinggi makin baik, (2 × target − realisasi) ÷ target × 100 bila makin rendah "
            "makin baik.")
    if not nama_perubahan:
        return umum
    daftar = ", ".join(md(n) for n in nama_perubahan)
    return (f"{umum} Indikator yang mengukur perubahan dari tahun sebelumnya ({daftar}) dinilai "
            "sebagai indikator perubahan, sebagaimana ditetapkan dalam data indikator: "
            "realisasinya negatif bila perubahannya berlawanan arah dengan target, dan "
            "capaiannya paling rendah 0%, karena perubahan seperti itu tidak memenuhi bagian "
            "mana pun dari target. Kategorinya dibaca pada skala yang sama, sehingga menjadi "
            "kategori terendah.")


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


def selisih_nilai(selisih: Decimal, satuan: str, desimal: int | None) -> str:
    """A difference with its unit: `3,24 poin` (an index), `5,50 poin persentase`,
    `0,02 anak per perempuan`."""
    if satuan == "%":
        return md(f"{nilai(selisih, '', desimal)} poin persentase")
    if satuan in TANPA_SATUAN:
        return md(f"{nilai(selisih, '', desimal)} poin")
    return md(nilai(selisih, satuan, desimal))


@dataclass(frozen=True)
class Uraian:
    """A generated passage (Markdown) and the facts its figures state, in the order they appear:
    (the figure as written, its fact name), for the book to mark."""

    markdown: str
    fakta: tuple[tuple[str, str], ...] = ()


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
    if capaian == 0:
        return (f"Capaian kinerja {fmt.persen(capaian)}: anggaran terserap "
                f"{fmt.persen(penyerapan)} tanpa satu bagian pun dari target tercapai, sehingga "
                f"efisiensinya {fmt.persen(efisiensi_)}.")
    arti = ("hasil yang dicapai lebih besar daripada porsi anggaran yang diserap"
            if efisiensi_ >= 100 else "porsi anggaran yang diserap lebih besar daripada hasilnya")
    return (f"Capaian kinerja {fmt.persen(capaian)} dibandingkan penyerapan anggaran "
            f"{fmt.persen(penyerapan)} menghasilkan efisiensi {fmt.persen(efisiensi_)}: {arti}.")


# --- sentences of the book's parts -------------------------------------------------------------

PEMBANDING_BELUM_ADA = ("Data pembanding dari daerah lain, provinsi, atau nasional belum "
                        "tersedia untuk sasaran ini.")
PENGANTAR_PK = ("Untuk mewujudkan pemerintahan yang efektif, transparan, akuntabel, dan "
                "berorientasi pada hasil, yang bertanda tangan di bawah ini:")
JANJI_PK = ("Pihak Pertama berjanji mewujudkan target kinerja tahunan yang tercantum pada "
            "tabel di bawah ini sebagai bagian dari sasaran jangka menengah dalam Renstra, "
            "dan bertanggung jawab atas berhasil atau tidaknya target tersebut dicapai. "
            "Pihak Kedua memantau pelaksanaannya dan mengevaluasi capaiannya.")
PENGERTIAN_EFISIENSI = (
    "Efisiensi membandingkan capaian kinerja dengan penyerapan anggaran: nilai di atas 100% "
    "berarti hasil yang dicapai lebih besar daripada porsi anggaran yang digunakan. "
    "Penyerapan dihitung dari tabel realisasi anggaran.")


def narasi_belum_ditulis(nama: str, tahun: int) -> str:
    """Shown where the analyst's narrative of the year is missing."""
    return f"*Narasi `{nama}.md` belum ditulis untuk tahun {tahun}.*"


def target_sementara(tahun: int) -> str:
    """The notice of a draft whose IKU targets are still the Renstra's."""
    return (f"Perjanjian Kinerja tahun {tahun} belum ditandatangani: target indikator kinerja "
            "utama yang ditampilkan masih target Renstra dan bersifat sementara.")


def pengantar_iku(tahun: int, jumlah_sasaran: int, jumlah_iku: int, sementara: bool) -> str:
    """The Ikhtisar's lead-in to its IKU table."""
    if sementara:
        return (f"Tahun {tahun} diukur dengan {bilangan(jumlah_sasaran)} sasaran strategis dan "
                f"{bilangan(jumlah_iku)} indikator kinerja utama. " + target_sementara(tahun)
                + " Capaiannya diringkas pada tabel berikut.")
    return (f"Perjanjian Kinerja tahun {tahun} memuat {bilangan(jumlah_sasaran)} sasaran "
            f"strategis dengan {bilangan(jumlah_iku)} indikator kinerja utama. Capaiannya "
            "diringkas pada tabel berikut.")


def visi_misi(awal: int, akhir: int, kabupaten: str, visi: str | None,
              misi: str | None) -> tuple[str, ...]:
    """Bab II's opening paragraphs: the Renstra period, the RPJMD's vision and mission."""
    return (f"Renstra instansi berlaku untuk periode {awal}–{akhir} dan mengacu pada RPJMD "
            f"{md(kabupaten)}.",
            f"**Visi:** “{md(visi)}”",
            f"**Misi yang didukung:** “{md(misi)}”")


def pk_ditandatangani(judul: str, tanggal: str) -> str:
    return f"{md(judul)} ditandatangani pada {tanggal}."


def judul_sasaran(nomor: int, uraian: str, nama_iku: Sequence[str]) -> str:
    """The opening line of a sasaran's page: the sasaran and its indicators."""
    return (f"Sasaran strategis {nomor}: **{md(uraian)}**. Indikator kinerjanya: "
            + ", ".join(md(n) for n in nama_iku) + ".")


def perbandingan_wilayah(h: HasilIndikator, kabupaten: str, p: PerbandinganWilayah) -> str:
    """An IKU's realisasi against the regions it is compared with, naming those whose
    newest figure is of an earlier year."""
    bagian = []
    if p.lebih_rendah:
        bagian.append("lebih tinggi daripada " + ", ".join(map(md, p.lebih_rendah)))
    if p.lebih_tinggi:
        bagian.append("lebih rendah daripada " + ", ".join(map(md, p.lebih_tinggi)))
    catatan = (" Angka " + ", ".join(md(b["wilayah"]) for b in p.lama)
               + " adalah data tahun " + ", ".join(sorted({str(b["tahun"]) for b in p.lama}))
               + ", tahun terakhir yang tersedia." if p.lama else "")
    return (f"Realisasi {md(h.nama)} {md(kabupaten)} "
            f"({md(nilai(h.realisasi, h.satuan, h.desimal))}) " + " dan ".join(bagian) + "."
            + catatan)


def pembanding_target(h: HasilIndikator, kabupaten: str, tahun: int,
                      target: Sequence[tuple[str, int, str]]) -> str:
    """Item d when the only comparison figures are other regions' targets (region, year,
    value as shown): the indicator's realisasi set beside them, without calling it better or
    worse than a figure that is not a measurement."""
    daftar = "; ".join(f"{md(w)} {md(n)} (tahun {t})" for w, t, n in target)
    realisasi = (f"Realisasi {md(kabupaten)} tahun {tahun}: "
                 f"{md(nilai(h.realisasi, h.satuan, h.desimal))}." if h.realisasi is not None
                 else f"Realisasi {md(kabupaten)} tahun {tahun} belum tersedia.")
    return (f"Untuk {md(h.nama)}, angka pembanding yang tersedia berupa target, bukan "
            f"realisasi: {daftar}. {realisasi}")


def kesimpulan(tercapai: Sequence[str], belum: Sequence[str], serap: str, pagu: str) -> str:
    """Bab IV's conclusion: which targets were met, which not, and the budget absorbed."""
    kalimat = []
    if tercapai:
        kalimat.append("Target yang tercapai: " + "; ".join(map(md, tercapai)) + ".")
    if belum:
        kalimat.append("Target yang belum tercapai: " + "; ".join(map(md, belum)) + ".")
    kalimat.append(f"Penyerapan anggaran mencapai {serap} dari {pagu}.")
    return "\n\n".join(kalimat)


# --- text alternatives of charts (plain text: the figure's aria-label, escaped where shown) -----

def alt_capaian(capaian: Sequence[tuple[str, str]]) -> str:
    """Bab III's chart of IKU capaian, from (IKU name, capaian as shown)."""
    return "Capaian tiap IKU: " + "; ".join(f"{nama} {teks}" for nama, teks in capaian) + "."


def alt_tren(h: HasilIndikator, titik: Sequence[TitikRiwayat]) -> str:
    """A sasaran's trend chart of one IKU: target and realisasi per year."""
    return f"Garis realisasi dan target Renstra {h.nama} per tahun: " + "; ".join(
        f"{t.tahun} target {nilai(t.target, h.satuan, h.desimal)}, realisasi "
        f"{nilai(t.realisasi, h.satuan, h.desimal)}" for t in titik) + "."


def alt_program(jumlah: int, terendah: HasilAnggaran | None) -> str:
    """The chart of budget and spending per programme."""
    teks = f"Anggaran dan realisasi {jumlah} program"
    if terendah is not None:
        teks += f"; penyerapan terendah pada {terendah.nama} ({fmt.persen(terendah.penyerapan)})"
    return teks + "."


def alt_efisiensi(jumlah: int, efisien: int) -> str:
    """The scatter chart of capaian against absorption per programme."""
    return (f"Sebaran {jumlah} indikator program menurut capaian dan penyerapan; {efisien} "
            "berada pada atau di atas garis efisiensi 100%.")
