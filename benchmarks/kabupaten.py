"""A synthetic kabupaten for tests and benchmarks: N fictitious agencies, each a valid data
folder, written as one data folder holding one folder per agency (`lakip_lib.kabupaten`).

Every agency starts from the fixture agency `tests/fixtures/instansi_contoh/` (two sasaran, IKU
of the kinds `rasio` and `langsung`, fiscal years 2025 and 2026, photos in 2026) and is varied,
deterministically from the seed and its number:
- its name says it is a fixture: "Dinas Contoh 07" (folder `dinas-contoh-07`, short name DC07);
- one, two or three sasaran (the second dropped, or copied into a third with its own IKU but no
  budget of its own: its absorption and efficiency do not exist, confirmed in edisi.yaml);
- the kind of its first IKU (`rasio` from numerator and denominator, or `langsung`);
- one to Y fiscal years (years after 2026 are made by `lakip new-year`: drafts without figures);
- its latest year a draft for every third agency (03, 06, …), photos for the even-numbered;
- its realisasi scaled (some agencies fall short of target), its spending 70–100 % of budget.

Usage: python benchmarks/kabupaten.py --agencies 40 --years 1 --output /tmp/kabupaten
       [--seed 28]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

RUMAH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RUMAH))

CONTOH = RUMAH / "tests" / "fixtures" / "instansi_contoh"
TAHUN_CONTOH = (2025, 2026)
SASARAN_KEDUA = {"SS2": "SS3", "UHC": "UHC3", "IKM": "IKM3"}  # the copy's codes

Baris = list[dict[str, str]]


def _ubah_csv(berkas: Path, ubah: Callable[[Baris], Baris]) -> None:
    with berkas.open(encoding="utf-8", newline="") as f:
        pembaca = csv.DictReader(f)
        kolom = list(pembaca.fieldnames or [])
        baris = list(pembaca)
    with berkas.open("w", encoding="utf-8", newline="") as f:
        penulis = csv.DictWriter(f, fieldnames=kolom, lineterminator="\n")
        penulis.writeheader()
        penulis.writerows(ubah(baris))


def _csv_tahun(akar: Path) -> list[Path]:
    return [*akar.glob("*.csv"), *akar.glob("[0-9][0-9][0-9][0-9]/*.csv")]


def _milik_sasaran_kedua(b: dict[str, str]) -> bool:
    """A row about the second sasaran or one of its IKU (whatever the file)."""
    return any(b.get(k) in SASARAN_KEDUA for k in ("kode", "indikator", "sasaran", "induk"))


def _tanpa_sasaran_kedua(akar: Path) -> None:
    for berkas in _csv_tahun(akar):
        if berkas.name == "anggaran.csv":  # its programme stays, no longer a sasaran's
            _ubah_csv(berkas, lambda bs: [{**b, "sasaran": ""} if b["sasaran"] == "SS2" else b
                                          for b in bs])
        else:
            _ubah_csv(berkas, lambda bs: [b for b in bs if not _milik_sasaran_kedua(b)])
    for narasi in akar.glob("*/narasi/SS2.md"):
        narasi.unlink()


def _ganti_kode(teks: str) -> str:
    return re.sub(r"\b(SS2|UHC|IKM)\b", lambda m: SASARAN_KEDUA[m[1]], teks)


def _salinan(b: dict[str, str]) -> dict[str, str]:
    hasil = {k: _ganti_kode(v) for k, v in b.items()}
    for kolom in ("uraian", "nama"):
        if hasil.get(kolom) and b.get("kode") in SASARAN_KEDUA:
            hasil[kolom] = f"{b[kolom]} di Wilayah Timur"
    return hasil


def _dengan_sasaran_ketiga(akar: Path) -> None:
    for berkas in _csv_tahun(akar):
        if berkas.name in ("anggaran.csv", "efisiensi.csv", "aspek_strategis.csv"):
            continue
        _ubah_csv(berkas, lambda bs: bs + [_salinan(b) for b in bs if _milik_sasaran_kedua(b)])
    for narasi in akar.glob("*/narasi/SS2.md"):
        narasi.with_name("SS3.md").write_text(narasi.read_text(encoding="utf-8"), encoding="utf-8")
    for edisi in akar.glob("[0-9][0-9][0-9][0-9]/edisi.yaml"):  # as an analyst would confirm it
        with edisi.open("a", encoding="utf-8") as f:
            f.write('konfirmasi_belum_tersedia: "Sasaran ketiga tidak memiliki program dan '
                    'anggaran sendiri, sehingga penyerapan dan efisiensinya tidak dapat '
                    'dihitung."\n')


def _iku_langsung(akar: Path) -> None:
    """The first IKU (AKB) measured directly: its realisasi typed instead of its ratio's parts."""
    with (akar / "rasio.csv").open(encoding="utf-8", newline="") as f:
        rasio = [b for b in csv.DictReader(f) if b["indikator"] == "AKB"]
    nilai = {b["tahun"]: Decimal(b["pembilang"]) * 1000 / Decimal(b["penyebut"]) for b in rasio}
    _ubah_csv(akar / "indikator.csv",
              lambda bs: [{**b, "rumus": "langsung"} if b["kode"] == "AKB" else b for b in bs])
    _ubah_csv(akar / "realisasi.csv", lambda bs: bs + [
        {"indikator": "AKB", "tahun": t, "realisasi": f"{v:.2f}", "keterangan": ""}
        for t, v in sorted(nilai.items())])
    (akar / "rasio.csv").unlink()
    (akar / "rasio_definisi.csv").unlink()


def _skala(rng: random.Random, akar: Path) -> None:
    """Realisasi scaled by an agency's own factor (0,7–1,08: some agencies fall short of their
    targets) and a few percent more per value (a percentage stays below 100); spending 70–100 %
    of each sub kegiatan's budget."""
    faktor = rng.uniform(0.7, 1.08)

    def realisasi(bs: Baris) -> Baris:
        for b in bs:
            if b["realisasi"] and int(b["tahun"]) >= TAHUN_CONTOH[0]:
                asli = Decimal(b["realisasi"])
                baru = asli * Decimal(faktor * rng.uniform(0.95, 1.05))
                b["realisasi"] = f"{min(baru, Decimal('99.9')) if asli <= 100 else baru:.2f}"
        return bs

    def anggaran(bs: Baris) -> Baris:
        for b in bs:
            if b["level"] == "subkegiatan" and b["anggaran"]:
                b["realisasi"] = str(int(int(b["anggaran"]) * rng.uniform(0.7, 1.0)))
        return bs

    _ubah_csv(akar / "realisasi.csv", realisasi)
    for berkas in akar.glob("[0-9][0-9][0-9][0-9]/anggaran.csv"):
        _ubah_csv(berkas, anggaran)


def _ganti_baris(berkas: Path, kunci: str, nilai: str) -> None:
    teks = berkas.read_text(encoding="utf-8")
    baru = re.sub(rf"(?m)^{kunci}:.*$", f"{kunci}: {nilai}", teks, count=1)
    berkas.write_text(baru, encoding="utf-8")


def _jadi_draf(folder: Path) -> None:
    _ganti_baris(folder / "edisi.yaml", "status", "draf")
    _ganti_baris(folder / "edisi.yaml", "label", f'"Draf, Desember {folder.name}"')


def tulis_instansi(keluaran: Path, nomor: int, tahun: int, seed: int) -> Path:
    """Agency number `nomor` (1-based) with up to `tahun` fiscal years, at keluaran/<slug>."""
    rng = random.Random(f"{seed}-{nomor}")
    slug = f"dinas-contoh-{nomor:02d}"
    akar = keluaran / slug
    shutil.rmtree(akar, ignore_errors=True)
    shutil.copytree(CONTOH, akar)
    _ganti_baris(akar / "instansi.yaml", "nama", f'"Dinas Contoh {nomor:02d}"')
    _ganti_baris(akar / "instansi.yaml", "nama_singkat", f'"DC{nomor:02d}"')
    sasaran = rng.choice((1, 2, 2, 3))
    if sasaran == 1:
        _tanpa_sasaran_kedua(akar)
    elif sasaran == 3:
        _dengan_sasaran_ketiga(akar)
    if rng.random() < 0.4:
        _iku_langsung(akar)
    _skala(rng, akar)
    foto = akar / "2026" / "dokumentasi"
    if nomor % 2:  # even-numbered agencies have photos
        shutil.rmtree(foto)
    jumlah = rng.randint(1, tahun)
    if jumlah == 1:
        if foto.exists():
            foto.rename(akar / "2025" / "dokumentasi")
        shutil.rmtree(akar / "2026")
    _tambah_tahun(akar, jumlah)
    terakhir = max(int(p.name) for p in akar.glob("[0-9][0-9][0-9][0-9]"))
    if terakhir <= TAHUN_CONTOH[-1] and nomor % 3 == 0:  # every third ends with a draft
        _jadi_draf(akar / str(terakhir))
    return akar


def _tambah_tahun(akar: Path, jumlah: int) -> None:
    """Years after the fixture's, each a `lakip new-year` draft of the year before."""
    from lakip_lib import tahun_baru

    for t in range(TAHUN_CONTOH[0] + 2, TAHUN_CONTOH[0] + jumlah):
        tahun_baru.buat(t, akar)


def tulis_kabupaten(keluaran: Path, instansi: int, tahun: int, seed: int = 28) -> list[Path]:
    keluaran.mkdir(parents=True, exist_ok=True)
    return [tulis_instansi(keluaran, i, tahun, seed) for i in range(1, instansi + 1)]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--agencies", type=int, required=True, help="number of agencies (1–99)")
    p.add_argument("--years", type=int, default=1,
                   help="at most this many fiscal years per agency (1–5: the Renstra 2025–2029)")
    p.add_argument("--output", type=Path, required=True, help="the kabupaten's data folder")
    p.add_argument("--seed", type=int, default=28)
    args = p.parse_args()
    if not 1 <= args.agencies <= 99 or not 1 <= args.years <= 5:
        p.error("--agencies must be 1–99 and --years 1–5")
    for akar in tulis_kabupaten(args.output, args.agencies, args.years, args.seed):
        print(akar)
    return 0


if __name__ == "__main__":
    sys.exit(main())
