"""The in-process notebook executor (`lakip_lib.eksekutor`): what it records, and that an
error anywhere in a cell, also while displaying its result, stops the notebook."""

from __future__ import annotations

import nbformat
import pytest

from lakip_lib import eksekutor

RUSAK = """class Rusak:
    def _repr_mimebundle_(self, include=None, exclude=None):
        raise TypeError("tidak bisa ditampilkan")
Rusak()"""


def _nb(*sumber: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sumber])


@pytest.mark.parametrize("tampil", [RUSAK, RUSAK.replace("Rusak()", "display(Rusak())")])
def test_an_object_that_fails_to_display_fails_its_cell(tampil: str):
    """IPython would print the traceback as the cell's output and run on: the page would
    publish it (with the machine's paths) and the build would succeed."""
    nb = _nb("x = 1", tampil, "print('tidak sampai')")
    with pytest.raises(eksekutor.GagalSel, match="TypeError: tidak bisa ditampilkan") as galat:
        eksekutor.jalankan(nb)
    assert galat.value.exec_count == nb.cells[1].execution_count  # the cell that displayed it
    assert nb.cells[1].outputs[-1].output_type == "error"
    assert nb.cells[2].outputs == []


def test_results_displays_and_prints_are_recorded_as_a_kernel_would():
    nb = eksekutor.jalankan(_nb("from IPython.display import display\ndisplay(1)\nprint('a')\n2"))
    assert [o.output_type for o in nb.cells[0].outputs] == [
        "stream", "display_data", "execute_result"]
    with pytest.raises(eksekutor.GagalSel, match="ZeroDivisionError"):
        eksekutor.jalankan(_nb("1/0"))


def test_a_notebook_records_the_same_counts_in_a_process_that_ran_one_before():
    """Tests run several notebooks in their process (the build runs each in a process of its
    own): the execution counts, which the published notebooks carry, start afresh."""
    def dicatat(nb: nbformat.NotebookNode) -> list[tuple[int, list[dict]]]:
        return [(sel.execution_count, sel.outputs) for sel in nb.cells]

    pertama = dicatat(eksekutor.jalankan(_nb("3", "4")))
    eksekutor.jalankan(_nb("1", "2"))
    assert dicatat(eksekutor.jalankan(_nb("3", "4"))) == pertama
    assert pertama[0][0] == 1
