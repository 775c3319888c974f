"""`lakip new-year`: scaffold data/<year>/ from the previous year and the Renstra.

What carries over: the structure (sasaran, indicators, programmes, kegiatan and sub kegiatan with
their indicators and units, kecamatan and villages, the category scale, strategic issues) and the
IKU targets of the year from the Renstra (marked `dasar: renstra` until the Perjanjian Kinerja is
signed). What is left empty on purpose: every realisasi, budget amount, village status, PUS/KB
aktif count and programme target — a draft edition shows them as "belum tersedia" and
`lakip validate` lists them. Narrative files get the previous year's headings with guidance.
The scaffold is written to a temporary folder and renamed into place, and never overwrites.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from lakip_lib import data, folder_data, kinerja, renstra_tahun, rumus
from lakip_lib.data_tahun import DataTahun
from lakip_lib.rekaman import Pejabat
from lakip_lib.schema import BY_NAME, PANDUAN_NARASI

PANDUAN = PANDUAN_NARASI


class TahunBaruGagal(Exception):
    """The scaffold cannot be made; the message is for the analyst."""


def _csv(nama: str, baris: Sequence[Mapping[str, object]]) -> str:
    return data.teks_csv(BY_NAME[nama], baris)


def _kosongkan(baris: Sequence[Mapping[str, object]],
               simpan: tuple[str, ...]) -> list[dict[str, object]]:
    return [{k: v for k, v in b.items() if k in simpan} for b in baris]


def _edisi(d: DataTahun, tahun: int) -> str:
    e = d.edisi
    pihak_kedua = e.perjanjian_kinerja.pihak_kedua
    return (
        f"# Edisi tahun anggaran {tahun}: dibuat oleh `lakip new-year` dari data {d.tahun}.\n"
        "# Ganti status menjadi final setelah semua realisasi terisi dan diperiksa.\n"
        f"tahun: {tahun}\n"
        'label: "Draf"\n'
        "status: draf\n"
        f"tempat: {e.tempat}\n"
        f"tanggal_terbit: {date(tahun + 1, 1, 31).isoformat()}   # perkiraan; sesuaikan\n"
        "pagu_anggaran:   # isi dengan pagu DPA (rupiah bulat) setelah ditetapkan\n"
        f"sumber_anggaran: {e.sumber_anggaran}\n"
        "perjanjian_kinerja:\n"
        f"  judul: Perjanjian Kinerja Tahun {tahun}\n"
        "  tanggal:   # TTTT-BB-HH, tanggal penandatanganan\n"
        "  pihak_kedua:\n"
        f"    nama: \"{pihak_kedua.nama or ''}\"\n"
        f"    jabatan: {pihak_kedua.jabatan or ''}\n"
        + _kepala(d.instansi.kepala)
        + _penilaian(e.penilaian)
        + renstra_tahun.teks_milik_tahun(e)
    )


def _kepala(k: Pejabat) -> str:
    """The head of agency of the previous year, carried over as this year's own (a new head is
    entered here or in the workbook's edisi sheet, and leaves earlier years as they were)."""
    isi = "".join(f"  {kunci}: {json.dumps(getattr(k, kunci), ensure_ascii=False)}\n"
                  for kunci in ("nama", "pangkat", "golongan", "nip", "jabatan")
                  if getattr(k, kunci) is not None)
    return ("# Kepala instansi yang menandatangani edisi ini (fakta tahun ini; bila berganti, "
            "ubah di sini\n# atau di lembar edisi buku kerja: edisi tahun lain tidak berubah).\n"
            "kepala:\n" + isi)


def _penilaian(penilaian: Mapping[str, object] | None) -> str:
    """The previous year's verdict rule and scale basis, carried over (or nothing)."""
    if not penilaian:
        return ""
    return "penilaian:\n" + "".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}\n"
                                     for k, v in penilaian.items())


def _target(d: DataTahun, tahun: int) -> list[dict[str, object]]:
    baris = []
    for ind in d["indikator"].cari(jenis="iku"):
        target = d["renstra_target"].satu(indikator=ind["kode"], tahun=tahun)
        if target is not None:
            baris.append({"indikator": ind["kode"], "target": target["target"],
                          "dasar": "renstra"})
    return baris


TUJUAN_BAGIAN = {  # what each narrative section is for, said in the placeholder
    "Konteks": "apa yang diukur indikator sasaran ini dan mengapa penting bagi daerah",
    "Penyebab keberhasilan": "kegiatan dan faktor yang membuat realisasi tercapai atau membaik",
    "Hambatan": "hal yang menghambat, atau yang membuat realisasi belum mencapai target",
    "Solusi dan rencana tindak lanjut": "langkah tahun berikutnya untuk mengatasi hambatan itu",
}
TUJUAN_BERKAS = {
    "kata_pengantar": "pengantar kepala instansi untuk laporan tahun ini",
    "latar_belakang": "kedudukan, tugas, dan fungsi instansi serta dasar penyusunan laporan",
    "kendala_utama": "kendala utama instansi sepanjang tahun dan cara mengatasinya",
    "penutup": "kesimpulan umum kinerja tahun ini dan arah perbaikan",
}


def _petunjuk(tujuan: str | None, contoh: str) -> str:
    isi = f" Isinya: {tujuan}." if tujuan else ""
    return f"{PANDUAN}{isi} Contoh: {contoh}."


def _narasi(teks: str, contoh: str, nama: str) -> str:
    """The previous year's headings, each with the placeholder saying what the section is for."""
    judul = [b for b in teks.splitlines() if b.startswith("#")]
    if not judul:
        return _petunjuk(TUJUAN_BERKAS.get(nama), contoh) + "\n"
    return "\n\n".join(f"{j}\n\n" + _petunjuk(TUJUAN_BAGIAN.get(j.lstrip("# ").strip()),
                                              f'bagian "{j.lstrip("# ").strip()}" di {contoh}')
                       for j in judul) + "\n"


def _milik_rumus(d: DataTahun) -> dict[str, str]:
    """The indicator kinds' own per-year files, their keys kept and every other cell emptied
    (e.g. the villages of desa.csv without their status)."""
    return {ds.berkas.removeprefix("{tahun}/"): _csv(ds.nama, _kosongkan(d.tabel(ds.nama).baris,
                                                                        ds.kunci))
            for ds in rumus.datasets() if ds.per_tahun and d.ada(ds.nama)}


def isi_scaffold(d: DataTahun, tahun: int) -> dict[str, str]:
    """Every file of the new year's folder (path relative to it → content)."""
    berkas = {
        "edisi.yaml": _edisi(d, tahun),
        "target.csv": _csv("target", _target(d, tahun)),
        "skala_kategori.csv": _csv("skala_kategori", d["skala_kategori"].baris),
        "pk_anggaran.csv": _csv("pk_anggaran", []),
        **_milik_rumus(d),
        "anggaran.csv": _csv("anggaran", _kosongkan(
            d["anggaran"].baris, ("kode", "level", "sasaran", "nama"))),
        "efisiensi.csv": _csv("efisiensi", _kosongkan(
            d["efisiensi"].baris, ("kode_anggaran", "nama", "indikator", "kode_indikator"))),
        "program_kinerja.csv": _csv("program_kinerja", _kosongkan(
            d["program_kinerja"].baris,
            ("sasaran", "kode", "level", "nama", "indikator", "satuan", "arah",
             "kode_indikator"))),
        "aspek_strategis.csv": _csv("aspek_strategis", [
            {**b, "kondisi": None} for b in d["aspek_strategis"].baris]),
    }
    berkas.update(renstra_tahun.salinan_sendiri(d.akar, d.tahun, d.datasets))  # a Renstra of the year's own
    sumber = d.akar / str(d.tahun)
    if (sumber / "isu_strategis.yaml").exists():
        berkas["isu_strategis.yaml"] = (sumber / "isu_strategis.yaml").read_text(encoding="utf-8")
    for md in sorted((sumber / "narasi").glob("*.md")):
        berkas[f"narasi/{md.name}"] = _narasi(md.read_text(encoding="utf-8"),
                                              d.nama_berkas(f"{d.tahun}/narasi/{md.name}"),
                                              md.stem)
    return berkas


def buat(tahun: int, akar: Path | None = None, dari: int | None = None) -> Path:
    """Write data/<tahun>/ from data/<dari>/ (default: the year before)."""
    akar = (akar or folder_data.akar_data()).resolve()
    tujuan = akar / str(tahun)
    if tujuan.exists():
        raise TahunBaruGagal(f"folder data/{tahun} sudah ada; lakip new-year tidak menimpa data. "
                             "Hapus atau ganti namanya dulu bila memang ingin membuat ulang.")
    dari = dari or tahun - 1
    d = data.muat(dari, akar)
    awal, akhir = d.periode_renstra
    if not awal <= tahun <= akhir:
        raise TahunBaruGagal(f"tahun {tahun} berada di luar periode Renstra {awal}–{akhir}. "
                             f"Tahun pertama Renstra baru disiapkan dengan: lakip new-renstra "
                             f"{tahun} --until <tahun akhir>, misalnya --until {tahun + 4}.")
    sementara = akar / f".{tahun}.baru"
    shutil.rmtree(sementara, ignore_errors=True)
    for path, isi in isi_scaffold(d, tahun).items():
        (sementara / path).parent.mkdir(parents=True, exist_ok=True)
        (sementara / path).write_text(isi, encoding="utf-8")
    sementara.rename(tujuan)
    return tujuan


def ringkasan(tahun: int, akar: Path) -> list[str]:
    """What the analyst has to fill in, from validating the new year."""
    d = data.muat(tahun, akar)
    hasil = [str(m) for m in d.peringatan]
    iku = [h.kode for h in kinerja.hasil_iku(d) if h.realisasi is None]
    if iku:
        hasil.append("IKU yang realisasinya belum tersedia: " + ", ".join(iku))
    return hasil
