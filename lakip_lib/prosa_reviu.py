"""The review's generated sentences (`lakip_lib.book.reviu`): what is reviewed and how, what
the check of the signed source found, a draft's open items, the verdict's sensitivity to its
rule and the Desa Maju series counted two ways.
"""

from __future__ import annotations

from lakip_lib.markdown_terbatas import markdown_aman as md


def hasil_pemeriksaan(ada_sumber: bool, jumlah_temuan: int) -> str:
    """What the consistency check of the signed source found, in the Lampiran."""
    if not ada_sumber:
        return ("Edisi ini disusun langsung dari data masukan; tidak ada dokumen sumber "
                "tercetak yang angkanya perlu dihitung ulang.")
    if not jumlah_temuan:
        return ("Setiap angka turunan yang tercetak di dokumen sumber dihitung ulang dari data "
                "masukan. Pemeriksaan tidak menemukan ketidaksesuaian.")
    return ("Setiap angka turunan yang tercetak di dokumen sumber dihitung ulang dari data "
            f"masukan. Pemeriksaan menemukan {jumlah_temuan} ketidaksesuaian; angka di buku ini "
            "adalah hasil hitungan ulang, bukan angka yang tercetak.")


def sampul_reviu(ada_sumber: bool, label: str, bulan: str) -> str:
    """The review cover's line naming what is reviewed (plain text)."""
    if ada_sumber:
        return f"atas laporan yang ditandatangani, {bulan}"
    return f"atas {label.lower()}"


def pengantar_reviu(tahun: int, instansi: str, ada_sumber: bool, jumlah_temuan: int) -> str:
    """What the review is, at its top."""
    if not ada_sumber:
        return (f"Reviu ini menyertai draf LAKIP {tahun} {md(instansi)}. Belum ada "
                "laporan yang ditandatangani untuk dibandingkan, sehingga reviu ini mencatat "
                "pemeriksaan yang sudah dilalui data masukan dan hal yang masih terbuka sebelum "
                "edisi final dapat disusun.")
    return (f"Reviu ini membandingkan LAKIP {tahun} {md(instansi)} yang ditandatangani "
            "dengan hitungan ulang setiap angka turunannya dari data masukan. Edisi resmi buku "
            "ini hanya memuat angka hasil hitungan; dokumen ini memuat perbedaannya: angka utama "
            "yang berbeda, setiap tabel dan kalimat edisi yang memuat angka berbeda (dengan nomor "
            f"tabel yang sama dan tanda di tempatnya), {jumlah_temuan} temuan menurut jenisnya "
            "beserta hitungannya, kepekaan kesimpulan terhadap aturannya, dan metode reviu.")


def kepekaan_kesimpulan(aturan: str) -> str:
    """Before the table of the verdict under each rule."""
    return ("Peraturan tidak menetapkan cara menyimpulkan kinerja instansi dari capaian IKU. "
            f"Instansi memilih {md(aturan)}. Tabel berikut menunjukkan kesimpulan "
            "yang sama bila dihitung dengan aturan lain yang lazim dipakai.")


def reviu_draf(jumlah_terbuka: int) -> str:
    """A draft's review: what its data passed and how much is open."""
    lolos = ("Data masukan lolos seluruh pemeriksaan yang menjadi galat: format dan satuan setiap "
             "sel, kunci dan rujukan antarberkas, total anggaran terhadap rinciannya dan pagu, "
             "serta skala kategori tanpa celah.")
    if not jumlah_terbuka:
        return lolos + " Tidak ada hal yang masih terbuka."
    return (lolos + f" Masih ada {jumlah_terbuka} hal yang terbuka (peringatan pemeriksaan "
            "data); edisi final ditolak selama hal yang wajib belum dilengkapi.")


def metode_reviu(ada_sumber: bool) -> str:
    """How the review was made."""
    dasar = ("Setiap angka turunan (capaian, kategori, total, persentase, efisiensi) dihitung "
             "ulang dari data masukan dengan rumus yang sama dengan edisi resmi.")
    if not ada_sumber:
        return dasar + (" Pemeriksaan data berjalan setiap kali buku dibangun; reviu ini "
                        "diperbarui bersama draf.")
    return dasar + (" Angka yang tercetak di laporan yang ditandatangani ditranskripsi apa "
                    "adanya, dengan jumlah desimal yang tercetak. Sebuah angka tercetak dinilai "
                    "berbeda bila hasil hitungan ulang, dibulatkan sekali ke jumlah desimal yang "
                    "tercetak, tidak sama dengannya. Angka yang benar menurut masukan yang "
                    "tercetak tetapi berbeda karena masukannya keliru ditandai di tempatnya, "
                    "dan temuannya dicatat pada masukan itu. Temuan yang sama tersedia sebagai "
                    "teks atau CSV dengan perintah lakip audit.")
