"""The bug classes of issue 22, one corpus test per class, each with the obvious neighbours of the
cases found (other encodings of the same character, other spellings of the same markup): every
case is refused with a message naming file, row or line, column or key and what was found, and
nothing is published or written. Data cases use the small year held in memory (no build)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from lakip_lib import cli, cli_data, markdown_terbatas

from .conftest import DATA
from .isian import tahun_terisi
from .tahun_kecil import TahunKecil
from .test_buku_kerja import _impor_gagal

E = "data/2024/edisi.yaml"
INS = "data/instansi.yaml"
IND = "data/indikator.csv"
NAR = "data/2024/narasi/penutup.md"


@dataclass(frozen=True)
class Kasus:
    nama: str
    tahun: TahunKecil
    berkas: str
    baris: int | None
    kolom: str | None
    potongan: str


def _yaml_edisi(baris: str, nomor: int = 1) -> TahunKecil:
    """edisi.yaml with `baris` (raw YAML, escapes as written) in place of its first line."""
    t = TahunKecil()
    teks = t.teks()["2024/edisi.yaml"]
    assert isinstance(teks, str)
    lama = teks.splitlines()
    lama[nomor - 1] = baris
    return t.berkas("2024/edisi.yaml", "\n".join(lama) + "\n")


def _yaml_ascii(t: TahunKecil, path: str) -> TahunKecil:
    """The builder's YAML file written with escapes ("\\u2067") instead of the characters."""
    return t.berkas(path, yaml.safe_dump(t.yaml[path], allow_unicode=False, sort_keys=False))


def _label(teks: str) -> TahunKecil:
    return TahunKecil().ubah("indikator", {"kode": "IKU1"}, nama=teks)


def _narasi(entitas: str) -> TahunKecil:
    return TahunKecil().narasi("penutup", f"Paragraf biasa.\n\nTeks {entitas} di sini.\n")


# Class "characters that arrive after decoding": YAML escapes, CSV cells, HTML entities.
_YAML = {  # a double-quoted YAML escape for each character, as the analyst could write it
    "NUL \\0": ('"\\0"', "U+0000"), "ESC \\e": ('"\\e[2J"', "U+001B"),
    "RLO \\u202e": ('"Final \\u202e"', "U+202E"), "RLI \\u2067": ('"\\u2067x"', "U+2067"),
    "line feed \\n": ('"Final\\nRevisi"', "harus satu baris"),
    "carriage return \\r": ('"Final\\rRevisi"', "U+000D"), "tab \\t": ('"a\\tb"', "U+0009"),
    "NEL \\N": ('"a\\Nb"', "U+0085"), "line separator \\L": ('"a\\Lb"', "U+2028"),
    "paragraph separator \\P": ('"a\\Pb"', "U+2029"), "BEL \\a": ('"a\\ab"', "U+0007"),
    "zero width \\u200B": ('"a\\u200Bb"', "U+200B"), "ZWJ \\u200d": ('"a\\u200db"', "U+200D"),
    "LRM \\x": ('"a\\u200eb"', "U+200E"), "C1 \\x9b": ('"a\\x9b"', "U+009B"),
    "BOM \\ufeff": ('"\\ufeffa"', "U+FEFF"), "tag \\U000E0041": ('"a\\U000E0041"', "U+E0041"),
    "Hangul filler": ('"\\u3164"', "U+3164"), "soft hyphen": ('"a\\u00adb"', "U+00AD"),
}
_SEL = {  # raw characters in a CSV text cell
    "RLO": "IDG \u202egnirts", "LRI": "IDG \u2066x", "ESC": "IDG \x1b[2J", "NUL": "a\x00b",
    "line feed": "Indeks\nPemberdayaan", "line separator": "a\u2028b", "NEL": "a\x85b",
    "ZWNJ": "a\u200cb", "word joiner": "a\u2060b", "BOM": "a\ufeffb", "tag": "a\U000E0020b",
    "variation selector": "a\ufe0fb", "private use": "a\ue000b", "Hangul filler": "a\u3164b",
    "tab": "a\tb",
}


def _kode(teks: str) -> str:
    """The code point of the one character of `teks` that is not a letter, digit, space or [."""
    return next(f"U+{ord(c):04X}" for c in teks if c not in "IDGabgnirstx[2JIndeksPemrdyaan ")


_ENTITAS = ["&rlm;", "&rlm", "&lrm;", "&#x202E;", "&#x202e", "&#X202E;", "&#8238;", "&#8207",
            "&#0008207;", "&zwj;", "&zwnj;", "&ZeroWidthSpace;", "&NegativeThinSpace;",
            "&NoBreak;", "&#x200B;", "&#8203", "&shy;", "&shy", "&#27;", "&#x1b;", "&#0;",
            "&#x2066;", "&#x2028;", "&#xFEFF;", "&#x85;", "&InvisibleTimes;"]

KASUS_KARAKTER = [
    *(Kasus(f"YAML {nama}", _yaml_edisi(f"label: {nilai}"), E, 1, "label", potongan)
      for nama, (nilai, potongan) in _YAML.items()),
    Kasus("YAML key", _yaml_edisi('"lab\\u202eel": x', 2), E, 2, "lab\u202eel", "U+202E"),
    Kasus("YAML list item", _yaml_ascii(TahunKecil().instansi(fungsi=["a", "b\u2067c"]),
                                        "instansi.yaml"), INS, None, "fungsi[2]", "U+2067"),
    *(Kasus(f"CSV {nama}", _label(nilai), IND, 3, "nama", _kode(nilai))
      for nama, nilai in _SEL.items()),
    *(Kasus(f"entity {e}", _narasi(e), NAR, 3, None, f'entitas HTML "{e}"') for e in _ENTITAS),
    *(Kasus(f"CSV entity {e}", _label(f"IDG {e}x"), IND, 3, "nama", f'entitas HTML "{e}"')
      for e in ("&rlm;", "&#x202E;", "&#8207", "&zwj;")),
    Kasus("YAML entity", _yaml_edisi('label: "Final &#x202E;"'), E, 1, "label",
          'entitas HTML "&#x202E;"'),
]


@pytest.mark.parametrize("kasus", KASUS_KARAKTER, ids=[k.nama for k in KASUS_KARAKTER])
def test_characters_arriving_after_decoding_are_refused_where_they_are(kasus: Kasus):
    masalah = kasus.tahun.masalah()
    cocok = [m for m in masalah if kasus.potongan in str(m)]
    assert cocok, [str(m) for m in masalah]
    m = cocok[0]
    kolom = kasus.kolom if kasus.kolom is None else kasus.kolom.replace("\u202e", "")
    assert (m.berkas, m.kolom if m.kolom is None else m.kolom.replace("\u202e", "")) == (
        kasus.berkas, kolom), str(m)
    if kasus.baris is not None:
        assert m.baris == kasus.baris, str(m)
    assert "U+" in str(m)  # the character is named by its code point


@pytest.mark.parametrize("argumen", ["ab\udcffc", "Ralat \u202etabel", "Ralat\ntabel",
                                     "Ralat \x1b[2J", "Ralat\u200b"])
def test_a_command_line_argument_with_bytes_or_characters_it_may_not_hold_is_refused(
        argumen: str, tmp_path: Path, capsys):
    kode = cli.main(["--data", str(tmp_path), "reissue", "2024", "--reason", argumen])
    galat = capsys.readouterr().err
    assert kode == 1 and "argumen ke-6" in galat and "U+" in galat, galat
    assert "Traceback" not in galat and not any(c in galat for c in "\udcff\u202e\x1b\u200b")


# Class "dates and arguments": a time where a date belongs, a date centuries away.
KASUS_TANGGAL = [
    Kasus("datetime", TahunKecil().edisi(tanggal_terbit=datetime(2025, 1, 31, 10, 0)), E, None,
          "tanggal_terbit", "adalah tanggal dan jam"),
    Kasus("datetime with zone", _yaml_edisi("tanggal_terbit: 2025-01-31T10:00:00+08:00", 6), E,
          None, "tanggal_terbit", "adalah tanggal dan jam"),
    Kasus("datetime in a revision", TahunKecil().edisi(
        revisi=[{"tanggal": datetime(2026, 3, 1, 8, 0), "alasan": "Ralat"}]), E, None,
          "revisi[1].tanggal", "adalah tanggal dan jam"),
    Kasus("year 9999", TahunKecil().edisi(tanggal_terbit=date(9999, 12, 1)), E, None,
          "tanggal_terbit", "di luar rentang edisi tahun 2024 (2023-01-01 sampai 2034-12-31)"),
    Kasus("revision in 9999", TahunKecil().edisi(
        revisi=[{"tanggal": date(9999, 12, 9), "alasan": "Ralat"}]), E, None,
          "revisi[1].tanggal", "di luar rentang"),
    Kasus("year 1", TahunKecil().edisi(perjanjian_kinerja={"tanggal": date(1, 1, 1)}), E, None,
          "perjanjian_kinerja.tanggal", "di luar rentang"),
    Kasus("a century off", TahunKecil().edisi(tanggal_terbit=date(2125, 1, 31)), E, None,
          "tanggal_terbit", "di luar rentang"),
]


@pytest.mark.parametrize("kasus", KASUS_TANGGAL, ids=[k.nama for k in KASUS_TANGGAL])
def test_a_time_or_a_date_far_from_the_edition_year_is_a_validation_message(kasus: Kasus):
    masalah = kasus.tahun.masalah()
    assert any((m.berkas, m.kolom) == (kasus.berkas, kasus.kolom) and kasus.potongan in m.pesan
               for m in masalah), [str(m) for m in masalah]


# Class "resources": every limit holds, and a hostile file costs seconds, not minutes.
def _di_disk(t: TahunKecil, akar: Path) -> Path:
    """The small year written out as a data folder (for what only files can be: pipes, links)."""
    for path, isi in t.teks().items():
        (akar / path).parent.mkdir(parents=True, exist_ok=True)
        (akar / path).write_bytes(isi.encode("utf-8") if isinstance(isi, str) else isi)
    return akar


def _png(lebar: int, tinggi: int, isi: int = 0) -> bytes:
    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr
            + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + bytes(isi))


def _jpeg(lebar: int, tinggi: int, sof: int = 0xC0) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    frame = bytes([0xFF, sof]) + struct.pack(">HBHHB", 11, 8, tinggi, lebar, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + frame + b"\xff\xd9"


def _foto(*berkas: tuple[str, bytes]) -> TahunKecil:
    t = TahunKecil()
    for nama, isi in berkas:
        t.tambah("dokumentasi", berkas=nama, keterangan="Kegiatan")
        t.berkas(f"2024/dokumentasi/{nama}", isi)
    return t


def _fifo(akar: Path) -> None:
    path = akar / "2024" / "narasi" / "penutup.md"
    path.unlink()
    os.mkfifo(path)


def _soket(akar: Path) -> None:
    path = akar / "2024" / "narasi" / "penutup.md"
    path.unlink()
    socket.socket(socket.AF_UNIX).bind(str(path))


def _tautan_folder(sub: str) -> Callable[[Path], None]:
    def rusak(akar: Path) -> None:
        asli = akar / sub
        luar = akar.parent / f"luar-{asli.name}"
        shutil.move(asli, luar)
        asli.symlink_to(luar, target_is_directory=True)
    return rusak


D = "data/2024/dokumentasi/keterangan.csv"
_BERNARASI = _foto(("rapat.png", _png(10, 10))).narasi("penutup", "Paragraf biasa.\n").narasi(
    "S1", "Uraian.\n")
KASUS_SUMBER = [
    Kasus("narrative over 50 000 characters", TahunKecil().narasi("penutup", "a " * 25_001),
          NAR, None, None, "batas 50000"),
    Kasus("link reference definitions", TahunKecil().narasi(
        "penutup", "".join(f"[a{i}]: https://contoh.invalid/{i}\n" for i in range(1200))),
          NAR, 1, None, "definisi tautan rujukan"),
    Kasus("PNG of 60 000 × 60 000 px", _foto(("besar.png", _png(60_000, 60_000))), D, 2,
          "berkas", "60000 × 60000 piksel"),
    Kasus("PNG 30 000 px wide, 1 px high", _foto(("lebar.png", _png(30_000, 1))), D, 2, "berkas",
          "batas 10000 piksel per sisi"),
    Kasus("JPEG of 60 000 × 60 000 px", _foto(("besar.jpg", _jpeg(60_000, 60_000))), D, 2,
          "berkas", "60000 × 60000 piksel"),
    Kasus("progressive JPEG of 20 000 × 20 000 px", _foto(("p.jpg", _jpeg(20_000, 20_000, 0xC2))),
          D, 2, "berkas", "batas 10000 piksel per sisi dan 25 juta piksel"),
    Kasus("PNG without a header", _foto(("rusak.png", b"\x89PNG\r\n\x1a\n" + bytes(40))), D, 2,
          "berkas", "rusak"),
    Kasus("photos over 10 MiB in all", _foto(*((f"f{i}.png", _png(100, 100, 1_900_000))
                                              for i in range(6))), D, None, "berkas",
          "batas 10 MiB per edisi"),
    Kasus("photo name with a line feed", _foto(("a\nb.png", _png(10, 10))), D, 2, "berkas",
          "U+000A"),
    Kasus("photo name with a line separator", _foto(("a\u2028b.png", _png(10, 10))), D, 2,
          "berkas", "U+2028"),
]


@pytest.mark.parametrize("kasus", KASUS_SUMBER, ids=[k.nama for k in KASUS_SUMBER])
def test_a_resource_limit_is_a_message_naming_file_and_limit(kasus: Kasus, tmp_path: Path,
                                                             capsys):
    akar = _di_disk(kasus.tahun, tmp_path / "data")
    assert cli.main(["--data", str(akar), "validate", "2024"]) == 1
    galat = capsys.readouterr().err
    tempat = kasus.berkas + (f", baris {kasus.baris}" if kasus.baris else "") + (
        f', kolom "{kasus.kolom}"' if kasus.kolom else "")
    assert any(b.startswith(tempat) and kasus.potongan in b for b in galat.splitlines()), galat


@pytest.mark.parametrize("rusak, berkas", [
    (_fifo, NAR), (_soket, NAR), (_tautan_folder("2024"), "data/2024"),
    (_tautan_folder("2024/narasi"), "data/2024/narasi"),
    (_tautan_folder("2024/dokumentasi"), "data/2024/dokumentasi")],
    ids=["fifo", "socket", "year link", "narasi link", "dokumentasi link"])
def test_only_regular_files_inside_the_data_folder_are_read(rusak, berkas: str, tmp_path: Path):
    akar = _di_disk(_BERNARASI, tmp_path / "data")
    rusak(akar)
    hasil = subprocess.run([sys.executable, "-m", "lakip_lib.cli", "--data", str(akar),
                            "validate", "2024"], capture_output=True, text=True, timeout=120,
                           cwd=tmp_path)
    assert hasil.returncode == 1, hasil.stderr  # a named pipe used to hang here
    assert f"{berkas}: " in hasil.stderr
    assert "bukan berkas biasa" in hasil.stderr or "tautan simbolik" in hasil.stderr


def test_narrative_parsing_is_linear_in_its_length():
    """Counted in function calls, not seconds: twice the text costs about twice the calls (the
    quadratic reference rule made it four times)."""
    def panggilan(teks: str) -> int:
        hitung = 0

        def profil(frame, kejadian, arg):
            nonlocal hitung
            hitung += kejadian == "call"
        sys.setprofile(profil)
        try:
            markdown_terbatas.pelanggaran(teks)
            markdown_terbatas.ke_html(teks)
        finally:
            sys.setprofile(None)
        return hitung

    def definisi(n: int) -> str:
        return "".join(f"[a{i}]: https://contoh.invalid/{i}\n" for i in range(n))

    for buat in (definisi, lambda n: "[a\n" * n, lambda n: "- a\n" * n, lambda n: "*a " * n):
        assert panggilan(buat(800)) < 2.5 * panggilan(buat(400))


def test_a_report_of_300_000_bad_rows_is_capped(tmp_path: Path):
    akar = _di_disk(TahunKecil(), tmp_path / "data")
    with (akar / "realisasi.csv").open("a", encoding="utf-8") as f:
        f.writelines(f"IKU1,2024,x{i}\n" for i in range(300_000))
    hasil = subprocess.run([sys.executable, "-m", "lakip_lib.cli", "--data", str(akar),
                            "validate", "2024"], capture_output=True, text=True, timeout=300,
                           cwd=tmp_path)
    assert hasil.returncode == 1
    assert len(hasil.stderr) < 20_000, len(hasil.stderr)
    assert "masalah lain" in hasil.stderr and "pemeriksaan berkas ini dihentikan" in hasil.stderr


# Class "workbooks": a DTD is refused with a reason, and Excel's own spellings of what is refused
# (hidden rows and columns, very hidden sheets and windows, merged cells, uncomputed or failed
# formulas, prefixed or strict namespaces) are refused like the plain ones.
_REALISASI = "xl/worksheets/sheet4.xml"  # the realisasi sheet of the template
_EDISI = "xl/worksheets/sheet2.xml"
_DTD = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


@pytest.fixture(scope="module")
def isian(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A data folder with a scaffolded draft 2025 and its filled template (shared: every case
    is refused, so nothing is written)."""
    folder = tmp_path_factory.mktemp("isian")
    shutil.copytree(DATA, folder / "data")
    return folder / "data", tahun_terisi(folder / "data", folder)


def _bagian(bagian: str, ubah: Callable[[str], str]) -> Callable[[Path], None]:
    """Rewrite one XML part of the .xlsx in place."""
    def rusak(xlsx: Path) -> None:
        lama = xlsx.with_suffix(".lama")
        xlsx.rename(lama)
        with zipfile.ZipFile(lama) as masuk, zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as k:
            for info in masuk.infolist():
                isi = masuk.read(info)
                if info.filename == bagian:
                    baru = ubah(isi.decode("utf-8"))
                    isi = baru.encode("utf-16") if 'encoding="UTF-16"' in baru else baru.encode()
                k.writestr(info, isi)
    return rusak


def _dengan_dtd(xml: str) -> str:
    return _DTD + xml.removeprefix('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')


def _sel(lama: str, baru: str) -> Callable[[str], str]:
    def ubah(xml: str) -> str:
        assert lama in xml
        return xml.replace(lama, baru, 1)
    return ubah


def _berprefiks(xml: str) -> str:
    """The same sheet with every element prefixed (x:row …), as some writers save it."""
    xml = re.sub(r"<(/?)([A-Za-z]+)([\s>/])", r"<\1x:\2\3", xml)
    return xml.replace('xmlns="', 'xmlns:x="', 1)


def _bagian_besar(xlsx: Path) -> None:
    with zipfile.ZipFile(xlsx, "a", zipfile.ZIP_DEFLATED) as z:  # ~12 MiB of spaces, ~12 KiB zipped
        z.writestr("xl/sharedStrings2.xml", "<sst>" + " " * (12 << 20) + "</sst>")


def _ganti_nama_lembar(xlsx: Path) -> None:
    """The realisasi sheet stored as sheet4.txt (its relationship says so), carrying a DTD."""
    _bagian("xl/_rels/workbook.xml.rels", lambda x: x.replace("sheet4.xml", "sheet4.txt"))(xlsx)
    _bagian(_REALISASI, _dengan_dtd)(xlsx)
    lama = xlsx.with_suffix(".lama2")
    xlsx.rename(lama)
    with zipfile.ZipFile(lama) as masuk, zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as k:
        for info in masuk.infolist():
            nama = info.filename.replace("sheet4.xml", "sheet4.txt")
            k.writestr(nama, masuk.read(info))


_E2 = '<c r="E2" s="6" t="n"><v>74.59999999999999</v></c>'
_BARIS2 = '<row r="2">'
KASUS_BUKU = {
    "DTD in a sheet": (_bagian(_REALISASI, _dengan_dtd), 'bagian "xl/worksheets/sheet4.xml"'),
    "DTD in workbook.xml": (_bagian("xl/workbook.xml", _dengan_dtd), "deklarasi DTD"),
    "DTD in content types": (_bagian("[Content_Types].xml", _dengan_dtd), "deklarasi DTD"),
    "DTD in core properties": (_bagian("docProps/core.xml", _dengan_dtd), "deklarasi DTD"),
    "DTD in relationships": (_bagian("xl/_rels/workbook.xml.rels", _dengan_dtd), "DTD"),
    "DTD in styles": (_bagian("xl/styles.xml", lambda x: '<!DOCTYPE s [<!ENTITY a "b">]>'
                              + x.split("?>", 1)[-1]), "DTD"),
    "DTD in UTF-16": (_bagian(_REALISASI, lambda x: '<?xml version="1.0" encoding="UTF-16"?>'
                              + _DTD + x.split("?>", 1)[-1]), "deklarasi DTD"),
    "12 MiB part in a small file": (_bagian_besar, "sharedStrings2.xml"),
    "hidden row": (_bagian(_REALISASI, _sel(_BARIS2, '<row r="2" hidden="1">')),
                   "baris 2 lembar ini disembunyikan"),
    "hidden row, true": (_bagian(_REALISASI, _sel(_BARIS2, "<row r='2' hidden = ' true '>")),
                         "baris 2 lembar ini disembunyikan"),
    "hidden row, character reference": (_bagian(_REALISASI, _sel(
        _BARIS2, '<row r="2" hidden="&#49;">')), "baris 2 lembar ini disembunyikan"),
    "zero-height row": (_bagian(_REALISASI, _sel(_BARIS2, '<row r="2" ht="0.0" customHeight="1">')),
                        "tingginya 0"),
    "collapsed outline": (_bagian(_REALISASI, _sel(
        _BARIS2, '<row r="2" outlineLevel="1" hidden="true">')), "disembunyikan"),
    "zero height by default": (_bagian(_REALISASI, _sel(
        '<sheetFormatPr ', '<sheetFormatPr zeroHeight="1" ')), "disembunyikan secara bawaan"),
    "hidden row, prefixed x:row": (_bagian(_REALISASI, lambda x: _berprefiks(
        x.replace(_BARIS2, '<row r="2" hidden="1">'))), "baris 2 lembar ini disembunyikan"),
    "hidden column": (_bagian(_REALISASI, _sel('<col width="30" customWidth="1" min="5" max="5" />',
                                               '<col width="30" hidden="true" min="5" max="5" />')),
                      "kolom E lembar ini disembunyikan"),
    "zero-width column": (_bagian(_REALISASI, _sel('<col width="30" customWidth="1" min="5"',
                                                   '<col width="0" customWidth="1" min="5"')),
                          "kolom E lembar ini disembunyikan (atau lebarnya 0)"),
    "very hidden sheet": (_bagian("xl/workbook.xml", _sel(
        'name="realisasi" sheetId="4" state="visible"',
        'name="realisasi" sheetId="4" state="veryHidden"')), "lembar ini disembunyikan"),
    "hidden window": (_bagian("xl/workbook.xml", _sel('visibility="visible"',
                                                      'visibility="hidden"')),
                      "jendela buku kerja ini disembunyikan"),
    "merged cells, other spelling": (_bagian(_REALISASI, _sel(
        "</sheetData>", "</sheetData><mergeCells count='1'><mergeCell ref = '$e$2:$e$3'/>"
        "</mergeCells>")), "sel yang digabung"),
    "merged cells, prefixed": (_bagian(_REALISASI, lambda x: _berprefiks(x.replace(
        "</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="E2:E3"/></mergeCells>'
    ))), "sel yang digabung (E2:E3)"),
    "number format ;;; hiding a value": (_bagian("xl/styles.xml", _sel(
        'formatCode="yyyy-mm-dd"', 'formatCode=";;;"')), "format angka yang tidak menampilkan"),
    "sheet part named .txt with a DTD": (_ganti_nama_lembar, "deklarasi DTD"),
    "strict OOXML": (_bagian("xl/workbook.xml", lambda x: x.replace(
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main")), "Strict Open XML"),
    "error cell #REF!": (_bagian(_REALISASI, _sel(_E2, '<c r="E2" s="6" t="e"><v>#REF!</v></c>')),
                         "#REF!"),
    "error cell #VALUE! in a text column": (_bagian(_REALISASI, _sel(
        '<c r="F2" s="6" t="n" />', '<c r="F2" t="e"><f>1/0</f><v>#VALUE!</v></c>')),
        "#VALUE!"),
    "shared formula without values": (_bagian(_REALISASI, _sel(
        _E2, '<c r="E2" s="6"><f t="shared" ref="E2:E3" si="0">70+4.6</f></c>')),
        "belum pernah dihitung Excel"),
    "array formula without value": (_bagian(_REALISASI, _sel(
        _E2, '<c r="E2" s="6"><f t="array" ref="E2">70+4.6</f></c>')),
        "belum pernah dihitung Excel"),
    "terminal control (C1 CSI) in a cell": (_bagian(_REALISASI, _sel(
        '<c r="F2" s="6" t="n" />', '<c r="F2" t="inlineStr"><is><t>BPS \u009b2J</t></is></c>'
    )), "U+009B"),
    "bidi control in the edition label": (_bagian(_EDISI, _sel("<t>Draf</t>", "<t>Draf \u202e</t>")),
                                          "U+202E"),
}


@pytest.mark.parametrize("nama", list(KASUS_BUKU))
def test_a_workbook_excel_would_not_write_or_that_hides_content_is_refused(
        nama: str, isian: tuple[Path, Path], tmp_path: Path, capsys):
    akar, asli = isian
    xlsx = tmp_path / asli.name
    shutil.copy(asli, xlsx)
    rusak, potongan = KASUS_BUKU[nama]
    rusak(xlsx)
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert potongan in laporan, laporan
    assert "galat tak terduga" not in laporan and "ParseError" not in laporan


# Class "messages": whatever an error carries, the analyst reads one short Indonesian line.
def test_a_disk_full_during_publication_is_one_line_not_the_copy_error_list(monkeypatch, capsys):
    gagal = [(f"/tmp/html/h{i}.html", f"/situs/.2024.baru/h{i}.html",
              f"[Errno 28] No space left on device: '/situs/.2024.baru/h{i}.html'")
             for i in range(1500)]

    def penuh(args):
        raise shutil.Error(gagal)

    monkeypatch.setattr(cli_data, "perintah_validate", penuh)
    assert cli.main(["validate", "2024"]) == 1
    galat = capsys.readouterr().err
    assert galat.count("\n") == 1 and len(galat) < 300, galat  # was 70 000 characters
    assert galat.startswith("Gagal: ruang disk tidak cukup untuk menulis ke /situs/.2024.baru.")
    assert "1500 berkas tidak tersalin" in galat and "Errno" not in galat


@pytest.mark.parametrize("tanggal", ["9999-12-09", "0001-01-01", "2204-03-16"])
def test_a_reissue_date_centuries_away_is_refused_before_anything_changes(
        tanggal: str, tmp_path: Path, capsys):
    akar = _di_disk(TahunKecil(), tmp_path / "data")
    sebelum = (akar / "2024" / "edisi.yaml").read_bytes()
    kode = cli.main(["--data", str(akar), "reissue", "2024", "--reason", "Ralat tabel",
                     "--date", tanggal, "--output", str(tmp_path / "_build")])
    galat = capsys.readouterr().err
    assert kode == 1 and "di luar rentang edisi tahun 2024" in galat, galat
    assert (akar / "2024" / "edisi.yaml").read_bytes() == sebelum
