"""A part's notebook, written from the part's declaration (`Bagian.BLOK`): the notebook is the
page's table of contents, the class says what it is.

A notebook is: a parameters cell (the year, the part's own parameters, and `dimuat`, the year
the build loaded and hands to the notebook), the cell that makes the part
(`book.bagian(name, tahun, ...)`), then for each block its Markdown cell and one cell per
method it shows. `lakip refresh-notebooks` writes them with the outputs of the reference year,
which nbval compares; `tests/test_book.py` checks that the stored ones are what their parts
declare.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lakip_lib import data
from lakip_lib.book import susunan
from lakip_lib.data_tahun import DataTahun

if TYPE_CHECKING:  # nbformat is loaded where a notebook is written (the build imports DIMUAT)
    from nbformat import NotebookNode

TAHUN_REFERENSI = 2024  # the year whose outputs the stored notebooks carry (nbval compares them)
DIMUAT = "dimuat"  # the parameter through which the build hands a notebook its loaded year
_KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def sumber(b: susunan.BentukBagian, terpisah: bool = False) -> NotebookNode:
    """The source notebook of a part (its parameters' defaults: those of `b`, of the reference
    year), without outputs. `terpisah`: a document of its own, an orphan page for Sphinx."""
    import nbformat

    from lakip_lib import eksekutor

    nama = b.notebook
    parameter = {"tahun": b.tahun, **b.parameter}
    if len(b.parameter) > 1:
        raise ValueError(f"bagian {nama}: satu parameter butir paling banyak, bukan {b.parameter}")
    argumen = ", ".join([f'"{nama}"', *parameter, f"{DIMUAT}={DIMUAT}"])
    sel = [
        _kode("# parameters\n" + eksekutor.baris_parameter(parameter)
              + f"{DIMUAT} = None  # the year the build loaded; None: load data/<tahun> here",
              ["parameters", "remove-cell"]),
        _kode(f"from lakip_lib import book\n\nb = book.bagian({argumen})", ["remove-cell"]),
    ]
    for markdown, metode in b.BLOK:
        sel.append(nbformat.v4.new_markdown_cell(markdown))
        sel += [_kode(f"b.{m}()", ["remove-input"]) for m in metode]
    for i, s in enumerate(sel):
        s["id"] = f"{nama}-{i}"
    nb = nbformat.v4.new_notebook(cells=sel, metadata={"kernelspec": dict(_KERNEL)})
    if terpisah:
        nb.metadata["orphan"] = True
    return nb


def _kode(teks: str, tag: list[str]) -> NotebookNode:
    import nbformat

    return nbformat.v4.new_code_cell(teks, metadata={"tags": tag})


def _bentuk(nb: NotebookNode) -> tuple[Any, ...]:
    """What a notebook declares, its outputs and run aside."""
    return (nb.metadata.get("orphan", False),
            [(s.cell_type, s.get("id"), s.metadata.get("tags", []), s.source) for s in nb.cells])


def _sumber_semua(d: DataTahun) -> dict[str, NotebookNode]:
    return {b.notebook: sumber(b, e.terpisah) for b, e in susunan.satu_per_notebook(d)}


def berbeda(folder: Path, d: DataTahun) -> list[str]:
    """The notebooks under `folder` that are not what their parts declare (a cell, its id,
    tags or source), missing, or declared by no part; by name."""
    import nbformat

    harus = _sumber_semua(d)
    ada = {p.stem for p in folder.glob("*.ipynb")}
    return sorted({*(ada - set(harus)), *(n for n, nb in harus.items() if n not in ada
                   or _bentuk(nbformat.read(folder / f"{n}.ipynb", as_version=4)) != _bentuk(nb))})


def segarkan(folder: Path, lapor: Callable[[str], object] = print) -> list[Path]:
    """Write every part's notebook into `folder` and execute it there with a Jupyter kernel,
    as nbval does, on the reference year (its outputs are what nbval compares). Execution
    timestamps are not stored."""
    import nbformat
    from nbclient import NotebookClient

    hasil = []
    for nama, nb in _sumber_semua(data.muat(TAHUN_REFERENSI)).items():
        NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(folder)}},
                       timeout=600).execute()
        for sel in nb.cells:
            sel.metadata.pop("execution", None)
        path = folder / f"{nama}.ipynb"
        nbformat.write(nb, path)
        lapor(f"  {path.parent.name}/{path.name} diperbarui")
        hasil.append(path)
    return hasil
