"""Several files of the data folder replaced together, all or none, even across a kill.

`ganti_semua` writes each new content beside its target (`.<name>.impor`), flushed to disk, then
writes a journal listing the replacements and renames it into place: that rename is the commit.
Only then are the targets replaced one by one. A process killed before the commit leaves the
old files and some staged copies, which `pulihkan` deletes; killed after it, `pulihkan` finishes
the replacements the journal lists. Only `lakip import` (the journal's one writer) finishes a
journal; every other command refuses to read a data folder with a journal pending
(`tolak_bila_tertunda`), so no reader ever sees half an import and no reading command acts on it.

The journal lies in the data folder, which is committed and shared: it is input like any other
file there. `baca` checks its shape (a short list of pairs of strings) and every pair before
anything is replaced: the target is a data file (`.csv`/`.yaml`) at most one folder deep,
relative, without `..`, inside the data folder once every symlink is resolved; the staged copy is
exactly the tool's own name beside it (`.<name>.impor`), a regular file. Anything else is
refused with a message naming the journal, and nothing is moved.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
from pathlib import Path, PurePosixPath

JURNAL = ".lakip-impor.json"
AKHIRAN = ".impor"
BATAS_BUTIR = 200         # replacements one import may list (it writes a few dozen files)
BATAS_BAIT = 64 * 1024    # the journal's size: ~300 bytes a pair
JENIS_TUJUAN = (".csv", ".yaml")


class TulisGagal(Exception):
    """The data folder cannot be written (disk full, no permission), or must not be read yet;
    the message is for the analyst and nothing was changed."""


class JurnalDitolak(TulisGagal):
    """The journal is not one `ganti_semua` could have written: nothing is replaced."""


def _sementara(tujuan: Path) -> Path:
    return tujuan.with_name(f".{tujuan.name}{AKHIRAN}")


def _tulis_tersimpan(path: Path, isi: bytes) -> None:
    with path.open("wb") as f:
        f.write(isi)
        f.flush()
        os.fsync(f.fileno())


def _sinkron_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ganti_semua(akar: Path, isi: dict[str, str]) -> None:
    """Replace every `akar/<path>` with its new text, all or none."""
    pasangan = [(_sementara(akar / p), akar / p) for p in sorted(isi)]
    jurnal = akar / JURNAL
    try:
        for (tmp, _), p in zip(pasangan, sorted(isi), strict=True):
            _tulis_tersimpan(tmp, isi[p].encode("utf-8"))
        daftar = [[str(tmp.relative_to(akar)), str(t.relative_to(akar))] for tmp, t in pasangan]
        _tulis_tersimpan(_sementara(jurnal), json.dumps(daftar).encode("utf-8"))
        os.replace(_sementara(jurnal), jurnal)  # the commit
        _sinkron_folder(akar)
    except OSError as e:
        if jurnal.exists():  # committed after all: only the directory sync failed
            pulihkan(akar)
            return
        for tmp, _ in [*pasangan, (_sementara(jurnal), jurnal)]:
            tmp.unlink(missing_ok=True)
        raise TulisGagal(pesan_galat_tulis(e, akar)) from e
    pulihkan(akar)


def pulihkan(akar: Path, buang_sisa: bool = False) -> list[str]:
    """Finish a committed import; the paths it finished. Only the importer (the only writer)
    calls this; with `buang_sisa` it also deletes the staged copies of an uncommitted one.
    Raises JurnalDitolak, replacing nothing, when the journal is not one this tool wrote."""
    akar = akar.resolve()
    jurnal = akar / JURNAL
    if not os.path.lexists(jurnal):
        if buang_sisa:
            _buang_sisa(akar)
        return []
    daftar = baca(akar)
    selesai = []
    for tmp, tujuan in daftar:
        try:
            os.replace(tmp, tujuan)
            selesai.append(str(tujuan.relative_to(akar)))
        except FileNotFoundError:  # replaced before the kill
            pass
    for folder in sorted({t.parent for _, t in daftar}):
        _sinkron_folder(folder)
    jurnal.unlink(missing_ok=True)
    return selesai


def tolak_bila_tertunda(akar: Path) -> None:
    """Refuse to read a data folder whose import stopped half-way (a journal is pending):
    reading it would see some files new and some old. Acts on nothing."""
    if os.path.lexists(akar / JURNAL):
        raise TulisGagal(
            f"impor sebelumnya terhenti sebelum selesai ({akar / JURNAL} masih ada), sehingga "
            f"data di {akar} belum utuh: sebagian berkas baru, sebagian lama. Selesaikan dengan "
            f"menjalankan ulang lakip import <tahun> <buku kerja> (impor yang terhenti "
            f"diselesaikan lebih dulu), lalu ulangi perintah ini.")


def baca(akar: Path) -> list[tuple[Path, Path]]:
    """The (staged copy, target) pairs of the journal in the resolved data folder `akar`, each
    checked (see the module docstring); raises JurnalDitolak on the first thing wrong."""
    jurnal = akar / JURNAL
    try:
        info = os.lstat(jurnal)
        if not stat.S_ISREG(info.st_mode) or info.st_size > BATAS_BAIT:
            raise _ditolak(jurnal, f"bukan berkas biasa berukuran paling banyak {BATAS_BAIT} byte")
        isi = json.loads(jurnal.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _ditolak(jurnal, "isinya bukan JSON UTF-8") from None
    if (not isinstance(isi, list) or len(isi) > BATAS_BUTIR
            or not all(isinstance(b, list) and len(b) == 2 and all(isinstance(x, str) for x in b)
                       for b in isi)):
        raise _ditolak(jurnal, f"isinya harus daftar paling banyak {BATAS_BUTIR} pasangan "
                               "[salinan sementara, berkas tujuan] berupa teks")
    hasil = [_pasangan(akar, jurnal, i, tmp, tujuan) for i, (tmp, tujuan) in enumerate(isi, 1)]
    if len({t for _, t in hasil}) != len(hasil):
        raise _ditolak(jurnal, "satu berkas tujuan disebut lebih dari sekali")
    return hasil


def _pasangan(akar: Path, jurnal: Path, i: int, tmp: str, tujuan: str) -> tuple[Path, Path]:
    """One pair of the journal, checked: a data file inside `akar` and its own staged copy."""
    relatif = PurePosixPath(tujuan)
    if (relatif.is_absolute() or not 1 <= len(relatif.parts) <= 2
            or any(b in ("", ".", "..") or b.startswith(".") or "\\" in b or "\0" in b
                   for b in relatif.parts)
            or relatif.suffix not in JENIS_TUJUAN or str(relatif) != tujuan):
        raise _ditolak(jurnal, f"butir {i}: tujuan {tujuan!r} bukan berkas data (.csv/.yaml) di "
                               "dalam folder data")
    if tmp != str(relatif.with_name(f".{relatif.name}{AKHIRAN}")):
        raise _ditolak(jurnal, f"butir {i}: salinan {tmp!r} bukan salinan sementara lakip untuk "
                               f"{tujuan!r}")
    folder = (akar / relatif.parent).resolve()
    if folder != akar and folder.parent != akar:
        raise _ditolak(jurnal, f"butir {i}: folder {relatif.parent} menunjuk ke luar folder data "
                               f"(tautan simbolik ke {folder})")
    salinan, sasaran = folder / PurePosixPath(tmp).name, folder / relatif.name
    for p in (salinan, sasaran):
        try:
            info = os.lstat(p)
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(info.st_mode):
            raise _ditolak(jurnal, f"butir {i}: {p.relative_to(folder.parent)} bukan berkas "
                                   "biasa (tautan simbolik, folder, atau perangkat)")
    return salinan, sasaran


def _ditolak(jurnal: Path, alasan: str) -> JurnalDitolak:
    return JurnalDitolak(
        f"{jurnal} bukan jurnal impor yang ditulis lakip: {alasan}. Tidak ada berkas yang "
        f"dipindahkan. Berkas ini dibuat oleh lakip import dan tidak untuk disunting; bila "
        f"tidak ada impor yang terhenti, hapus berkas itu.")


def _buang_sisa(akar: Path) -> None:
    """Delete staged copies of an uncommitted import: regular files named like ours, in the
    data folder or one of its (real, not symlinked) folders."""
    for sisa in [*akar.glob(f".*{AKHIRAN}"), *akar.glob(f"*/.*{AKHIRAN}")]:
        if sisa.parent.resolve() in (akar, akar / sisa.parent.name) and sisa.is_file() \
                and not sisa.is_symlink():
            sisa.unlink(missing_ok=True)


def pesan_galat_tulis(e: OSError, folder: Path) -> str:
    """A short Indonesian message for a write that the system refused (one line, whatever the
    error carries: `shutil.copytree`'s error lists every file it could not copy)."""
    if isinstance(e, shutil.Error):
        return _pesan_galat_salin(e, folder)
    if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (f"ruang disk tidak cukup untuk menulis ke {folder}. Kosongkan ruang disk, lalu "
                "ulangi perintahnya.")
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"folder {folder} tidak dapat ditulis (izin ditolak atau hanya-baca). Pakai "
                "folder yang dapat Anda tulis, atau minta hak tulis, lalu ulangi perintahnya.")
    if e.errno in (errno.ENOTDIR, errno.EISDIR, errno.ENOENT):
        return (f"jalur {folder} tidak dapat dipakai: salah satu bagiannya bukan folder atau "
                "tidak ada. Pilih folder lain, lalu ulangi perintahnya.")
    return f"{folder} tidak dapat ditulis: {str(e.strerror or e)[:PENYEBAB_MAKS]}."


PENYEBAB_MAKS = 200  # characters of a system error quoted in a message


def _pesan_galat_salin(e: shutil.Error, folder: Path) -> str:
    """The message of the first file a copy could not write, and how many failed: a disk full
    during publication left 70 000 characters of (source, target, reason) tuples otherwise."""
    daftar = e.args[0] if e.args and isinstance(e.args[0], list) else []
    gagal = [b for b in daftar if isinstance(b, tuple) and len(b) == 3]
    if not gagal:
        return f"{folder} tidak dapat ditulis: penyalinan gagal."
    _, tujuan, sebab = (str(b) for b in gagal[0])
    kode = re.match(r"\[Errno (\d+)\] ([^:']*)", sebab)
    pertama = pesan_galat_tulis(OSError(int(kode.group(1)), kode.group(2)) if kode
                                else OSError(sebab), Path(tujuan).parent)
    return pertama if len(gagal) == 1 else f"{pertama} ({len(gagal)} berkas tidak tersalin.)"
