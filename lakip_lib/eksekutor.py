"""Execute a notebook in this process with an IPython shell: no kernel, no ZMQ, no re-imports.

The build runs each notebook in its own process forked from the build process, which has
already imported lakip_lib, Altair and IPython and validated the year's data, which it hands to
the notebook (`jalankan`'s `diberikan`): a notebook starts warm, and nothing it defines
survives it (the process ends with it). The
outputs are what a Jupyter kernel would record: display_data, execute_result, stream and error,
with execution counts; nothing time-dependent is written.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterable, Mapping
from typing import Any

import nbformat
from nbformat import NotebookNode


class GagalSel(Exception):
    """A cell raised: carries the error as papermill's execution error does."""

    def __init__(self, ename: str, evalue: str, exec_count: int):
        super().__init__(f"{ename}: {evalue}")
        self.ename, self.evalue, self.exec_count = ename, evalue, exec_count


def _shell() -> Any:
    """A fresh IPython shell whose displays and results are recorded as notebook outputs, and
    the errors it reports (`showtraceback`) collected: IPython reports an object whose display
    raised (a `_repr_*_` method) with a traceback on standard output and runs on, and the
    cell's result says nothing of it."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    keluaran: list[list[NotebookNode]] = [[]]  # the outputs of the cell being run

    class Penerbit(DisplayPublisher):
        def publish(self, data: dict[str, Any], metadata: dict[str, Any] | None = None,
                    *args: Any, **kw: Any) -> None:
            keluaran[0].append(nbformat.v4.new_output(
                "display_data", data=data, metadata=metadata or {}))

        def clear_output(self, wait: bool = False) -> None:
            keluaran[0].clear()

    class Hasil(DisplayHook):
        def write_output_prompt(self) -> None:
            pass

        def write_format_data(self, format_dict: dict[str, Any],
                              md_dict: dict[str, Any] | None = None) -> None:
            if format_dict:
                keluaran[0].append(nbformat.v4.new_output(
                    "execute_result", data=format_dict, metadata=md_dict or {},
                    execution_count=shell.execution_count))

        def finish_displayhook(self) -> None:
            pass

    konfigurasi = Config()
    konfigurasi.HistoryManager.enabled = False
    shell = InteractiveShell.instance(config=konfigurasi, colors="NoColor")
    shell.display_pub = Penerbit(shell=shell)
    shell.displayhook = Hasil(shell=shell, cache_size=0)
    shell.display_trap.hook = shell.displayhook
    dilaporkan: list[BaseException] = []  # the errors reported in the cell being run
    laporkan = type(shell).showtraceback

    def showtraceback(exc_tuple: Any = None, *args: Any, **kw: Any) -> None:
        galat = (exc_tuple or sys.exc_info())[1]
        if galat is not None:
            dilaporkan.append(galat)
        laporkan(shell, exc_tuple, *args, **kw)

    shell.showtraceback = showtraceback  # type: ignore[method-assign]  # this shell only
    return shell, keluaran, dilaporkan


def hangatkan() -> None:
    """Make the IPython shell (one per process) in the process the executions are forked from,
    once: each forked process then starts with it made (about a tenth of a second of imports and
    set-up each) and still unused (the parent runs no cell, so no name reaches a notebook).
    The notebook schema's validator (which checks every notebook read and output made) is
    compiled here too."""
    _shell()
    nbformat.validate(nbformat.v4.new_notebook())


def jalankan(nb: NotebookNode, diberikan: Mapping[str, Any] | None = None) -> NotebookNode:
    """Execute every non-empty code cell in order, recording its outputs in place. On an error,
    also one raised while displaying a result, the cell's error output is recorded and GagalSel
    raised (the notebook keeps what ran).
    `diberikan`: parameters that are objects (no literal states them), set in the notebook's
    namespace right after its injected parameters (before its first cell without them)."""
    shell, keluaran, dilaporkan = _shell()
    # counts from 1, as in a fresh kernel, also in a process that ran a notebook before (a
    # test's; the build runs each notebook in a process of its own, which ends with it)
    shell.execution_count = 1
    letak = _sel_bertanda(nb, "injected-parameters")
    beri = 0 if letak is None else letak + 1  # the cell before which they are set
    for i, sel in enumerate(nb.cells):
        if i == beri and diberikan:
            shell.push(dict(diberikan))
        if sel.cell_type != "code" or not sel.source.strip():
            continue
        keluaran[0] = sel.outputs = []
        dilaporkan.clear()
        sel.execution_count = shell.execution_count
        keluar, galat = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(keluar), contextlib.redirect_stderr(galat):
            hasil = shell.run_cell(sel.source, store_history=True, silent=False)
        for nama, teks in (("stdout", keluar.getvalue()), ("stderr", galat.getvalue())):
            if teks:
                sel.outputs.insert(0, nbformat.v4.new_output("stream", name=nama, text=teks))
        # a display that failed is the cell's failure: its page would show a traceback
        e = hasil.error_in_exec or hasil.error_before_exec or next(iter(dilaporkan), None)
        if e is not None:
            sel.outputs.append(nbformat.v4.new_output(
                "error", ename=type(e).__name__, evalue=str(e),
                traceback=shell.InteractiveTB.structured_traceback(type(e), e, e.__traceback__)))
            raise GagalSel(type(e).__name__, str(e), sel.execution_count)
    return nb


def suntik_parameter(nb: NotebookNode, parameter: dict[str, Any],
                     diberikan: Iterable[str] = ()) -> NotebookNode:
    """The notebook with a cell tagged `injected-parameters` after the cell tagged `parameters`
    (at the top without one; replacing an earlier injected cell), as papermill's
    `parameterize_notebook` writes it for Python: `# Parameters` then one `name = value` line
    each; then a comment naming each parameter `jalankan` is given as an object. Done here
    because importing papermill (its engines, I/O back ends and boto3) cost every build that
    executes a notebook about half a second."""
    objek = "".join(f"# {nama}: given by the build as an object\n" for nama in diberikan)
    sel = nbformat.v4.new_code_cell(source=f"# Parameters\n{baris_parameter(parameter)}{objek}")
    sel.metadata["tags"] = ["injected-parameters"]
    nb = nbformat.v4.upgrade(nb)
    suntikan = _sel_bertanda(nb, "injected-parameters")
    if suntikan is not None:
        nb.cells[suntikan] = sel
    else:
        letak = _sel_bertanda(nb, "parameters")
        nb.cells.insert(0 if letak is None else letak + 1, sel)
    nb.metadata.setdefault("papermill", {})["parameters"] = parameter
    return nb


def baris_parameter(parameter: dict[str, Any]) -> str:
    """Parameters as a notebook's parameters cell states them: one `name = value` line each."""
    return "".join(f"{nama} = {_literal(nilai)}\n" for nama, nilai in parameter.items())


def _sel_bertanda(nb: NotebookNode, tag: str) -> int | None:
    return next((i for i, sel in enumerate(nb.cells) if tag in sel.metadata.get("tags", [])),
                None)


def _literal(nilai: Any) -> str:
    """A parameter value as Python source, as papermill's translator writes it (strings in
    double quotes, escaped)."""
    if isinstance(nilai, str):
        return '"' + nilai.encode("unicode_escape").decode("utf-8").replace('"', r'\"') + '"'
    if nilai is None or isinstance(nilai, bool | int | float):
        return repr(nilai)
    raise TypeError(f"parameter notebook tidak didukung: {nilai!r}")
