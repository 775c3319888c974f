"""The layers of `lakip_lib` hold in the code.

The README's "Architecture" section lists the layers from the bottom up, each with its modules.
These tests read every import of every `lakip_lib` module with `ast` and check that list against
them: every module is in exactly one layer, no module imports a module of a higher layer, and no
imports go round in a circle. Every import counts: at module level, inside a function, and under
`if TYPE_CHECKING:` (a type named from a higher layer is a dependency on that layer too). An
import made by name at run time (`importlib.import_module`) is not seen.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PAKET = "lakip_lib"


def modul_paket(akar: Path = AKAR) -> dict[str, Path]:
    """Every module of the package by its dotted name (a sub-package's `__init__` by the
    sub-package's name); the package's own `__init__` is not a module of any layer."""
    hasil = {}
    for path in sorted((akar / PAKET).rglob("*.py")):
        bagian = path.relative_to(akar).with_suffix("").parts
        if bagian[-1] == "__init__":
            bagian = bagian[:-1]
        if len(bagian) > 1:
            hasil[".".join(bagian)] = path
    return hasil


def _sasaran(nama: str, modul: set[str]) -> str | None:
    """The module of the package an imported name lives in: the longest known prefix."""
    while nama:
        if nama in modul:
            return nama
        nama = nama.rpartition(".")[0]
    return None


def impor(nama: str, path: Path, modul: set[str]) -> set[str]:
    """The package's modules that module `nama` imports, wherever the import statement stands."""
    paket = nama if path.name == "__init__.py" else nama.rpartition(".")[0]
    hasil = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            calon = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            asal = node.module or ""
            if node.level:
                dasar = paket.split(".")[: len(paket.split(".")) - node.level + 1]
                asal = ".".join([*dasar, *([asal] if asal else [])])
            calon = [f"{asal}.{a.name}" for a in node.names]
        else:
            continue
        hasil |= {s for c in calon if (s := _sasaran(c, modul)) and s != nama}
    return hasil


def graf_impor(akar: Path = AKAR) -> dict[str, set[str]]:
    modul = modul_paket(akar)
    return {nama: impor(nama, path, set(modul)) for nama, path in modul.items()}


def satuan(modul: str) -> str:
    """The name the README lists a module under: `book` for `lakip_lib.book.sasaran`."""
    return modul.split(".")[1]


def arsitektur(akar: Path = AKAR) -> str:
    """The README's Architecture section."""
    teks = (akar / "README.md").read_text(encoding="utf-8")
    return teks.split("\n## Architecture\n", 1)[1].split("\n## ", 1)[0]


def lapisan_readme(akar: Path = AKAR) -> list[tuple[str, list[str]]]:
    """(name, modules) of each layer in the README's Architecture section, from the bottom up:
    the numbered items `N. **Name** …: `modul`, `modul`` (continued on indented lines), whose
    code spans name modules only."""
    pola = r"^\d+\. \*\*(.+?)\*\*(.*(?:\n +.*)*)"
    return [(m.group(1), re.findall(r"`([^`]+)`", m.group(2)))
            for m in re.finditer(pola, arsitektur(akar), re.MULTILINE)]


def tingkat_lapisan(lapisan: list[tuple[str, list[str]]]) -> dict[str, int]:
    return {m: i for i, (_, anggota) in enumerate(lapisan) for m in anggota}


def impor_ke_atas(graf: dict[str, set[str]], lapisan: list[tuple[str, list[str]]]) -> list[str]:
    """Each import of a module from a higher layer than its own, as a sentence."""
    tingkat = tingkat_lapisan(lapisan)
    nama = [n for n, _ in lapisan]
    hasil = []
    for asal, tujuan in sorted(graf.items()):
        for t in sorted(tujuan):
            a, b = tingkat.get(satuan(asal)), tingkat.get(satuan(t))
            if a is not None and b is not None and b > a:
                hasil.append(f"{asal} ({nama[a]}) imports {t} ({nama[b]})")
    return hasil


def lingkaran(graf: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles: every strongly connected set of two modules or more (Tarjan)."""
    indeks: dict[str, int] = {}
    rendah: dict[str, int] = {}
    tumpukan: list[str] = []
    hasil = []

    def kunjungi(v: str) -> None:
        indeks[v] = rendah[v] = len(indeks)
        tumpukan.append(v)
        for w in sorted(graf.get(v, ())):
            if w not in indeks:
                kunjungi(w)
                rendah[v] = min(rendah[v], rendah[w])
            elif w in tumpukan:
                rendah[v] = min(rendah[v], indeks[w])
        if rendah[v] == indeks[v]:
            komponen = []
            while True:
                w = tumpukan.pop()
                komponen.append(w)
                if w == v:
                    break
            if len(komponen) > 1:
                hasil.append(sorted(komponen))

    for v in sorted(graf):
        if v not in indeks:
            kunjungi(v)
    return hasil


def test_every_module_is_in_exactly_one_layer() -> None:
    terdaftar = [m for _, anggota in lapisan_readme() for m in anggota]
    assert len(lapisan_readme()) >= 2, "the README's Architecture section lists no layers"
    ganda = sorted({m for m in terdaftar if terdaftar.count(m) > 1})
    assert not ganda, f"in more than one layer of the README: {ganda}"
    ada = {satuan(m) for m in modul_paket()}
    assert sorted(ada - set(terdaftar)) == [], \
        "modules in no layer of the README's Architecture section: add each to its layer"
    assert sorted(set(terdaftar) - ada) == [], "the README lists modules that do not exist"


def test_no_module_imports_from_a_higher_layer() -> None:
    assert impor_ke_atas(graf_impor(), lapisan_readme()) == []


def test_no_imports_go_round_in_a_circle() -> None:
    assert lingkaran(graf_impor()) == []


def test_module_table_describes_every_module() -> None:
    dijelaskan = {m for baris in re.findall(r"^\| (`[^|]+) \|", arsitektur(), re.MULTILINE)
                  for m in re.findall(r"`([^`]+)`", baris)}
    assert dijelaskan == {m for _, anggota in lapisan_readme() for m in anggota}


def test_checks_see_an_upward_import_and_a_circle() -> None:
    """The checks themselves on a tiny graph (the real one has neither)."""
    lapisan = [("Bawah", ["a"]), ("Atas", ["b"])]
    graf = {"lakip_lib.a": {"lakip_lib.b"}, "lakip_lib.b": {"lakip_lib.a"}}
    assert impor_ke_atas(graf, lapisan) == ["lakip_lib.a (Bawah) imports lakip_lib.b (Atas)"]
    assert lingkaran(graf) == [["lakip_lib.a", "lakip_lib.b"]]
