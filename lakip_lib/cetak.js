/* Prepares Jupyter Book's singlehtml page for printing to an A4 PDF (run by lakip_lib.pdf).
   lakipSiapkanCetak(): moves the cover first, builds Daftar Isi / Tabel / Gambar after the
   foreword with placeholder page numbers linked to an empty anchor at each target; Chromium
   turns those links into named destinations, whose pages are read back from the first PDF.
   lakipIsiHalaman(peta): writes the page numbers (same width class, layout unchanged). */
(function () {
  "use strict";

  function el(tag, kelas, teks) {
    var e = document.createElement(tag);
    if (kelas) e.className = kelas;
    if (teks !== undefined) e.textContent = teks;
    return e;
  }

  function judul(h) {
    var salin = h.cloneNode(true);
    salin.querySelectorAll(".headerlink, .lakip-penanda").forEach(function (x) { x.remove(); });
    return salin.textContent.replace(/\s+/g, " ").trim();
  }

  function daftar(judulDaftar, entri, kelas) {
    var bagian = el("section", "lakip-daftar " + kelas);
    bagian.appendChild(el("h2", "lakip-daftar-judul", judulDaftar));
    entri.forEach(function (x) {
      var baris = el("div", "lakip-entri lakip-entri-" + x.tingkat);
      baris.appendChild(el("span", "lakip-entri-teks", x.teks));
      baris.appendChild(el("span", "lakip-entri-titik"));
      var hal = el("a", "lakip-entri-hal", "000");
      hal.href = "#" + x.kunci;
      hal.dataset.kunci = x.kunci;
      baris.appendChild(hal);
      bagian.appendChild(baris);
    });
    return bagian;
  }

  window.lakipSiapkanCetak = function () {
    var artikel = document.querySelector("article.bd-article") || document.body;
    var sampul = artikel.querySelector(".lakip-sampul");
    var pengantar = artikel.querySelector("section#kata-pengantar");
    var n = 0;
    function tandai(target, tingkat, teks) {
      var kunci = "lakip-hal-" + n++;
      var jangkar = el("span", "lakip-penanda");
      jangkar.id = kunci;
      target.insertBefore(jangkar, target.firstChild);
      return { kunci: kunci, tingkat: tingkat, teks: teks };
    }
    var isi = [];
    artikel.querySelectorAll("h2:not(.rubric), h3:not(.rubric)").forEach(function (h) {
      if (h.closest(".lakip-sampul") || h.closest("#kata-pengantar")) return;
      isi.push(tandai(h, h.tagName === "H2" ? 1 : 2, judul(h)));
    });
    var tabel = [];
    artikel.querySelectorAll("table.lakip-tabel caption").forEach(function (c) {
      tabel.push(tandai(c, 2, judul(c)));
    });
    var gambar = [];
    artikel.querySelectorAll("figure.lakip-grafik figcaption").forEach(function (c) {
      gambar.push(tandai(c, 2, judul(c)));
    });
    var depan = el("div", "lakip-halaman-depan");
    depan.appendChild(daftar("Daftar Isi", isi, "lakip-daftar-isi"));
    depan.appendChild(daftar("Daftar Tabel", tabel, "lakip-daftar-tabel"));
    depan.appendChild(daftar("Daftar Gambar", gambar, "lakip-daftar-gambar"));
    if (pengantar) pengantar.after(depan); else artikel.prepend(depan);
    if (sampul) artikel.prepend(sampul);
    document.body.classList.add("lakip-cetak");
    return { isi: isi.length, tabel: tabel.length, gambar: gambar.length };
  };

  window.lakipIsiHalaman = function (peta) {
    document.querySelectorAll(".lakip-entri-hal").forEach(function (hal) {
      var nomor = peta[hal.dataset.kunci];
      hal.textContent = nomor === undefined ? "–" : String(nomor);
    });
  };
})();
