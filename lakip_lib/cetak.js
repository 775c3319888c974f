/* Prepares a print document (the book's pages assembled as one, or the review's page: see
   lakip_lib/dokumen_cetak.py) for printing to an A4 PDF (run by lakip_lib.pdf).
   lakipSiapkanCetak(): moves the cover first, builds Daftar Isi / Tabel / Gambar after the
   foreword with placeholder page numbers linked to an empty anchor at each target; Chromium
   turns those links into named destinations, whose pages are read back from the first PDF.
   lakipPaskan(): fits tables wider than the text block (run in the print layout).
   lakipPerkiraHalaman(blok): the page of each anchor, from a layout in columns of the page's
   size (no print needed).
   lakipLupakanTata(): drops the article's layout, so that the next print lays it out afresh.
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
    salin.querySelectorAll(".headerlink, .lakip-penanda, .lakip-sumber").forEach(function (x) { x.remove(); });
    return salin.textContent.replace(/\s+/g, " ").trim();
  }

  function isiDaftar(bagian, entri, kelas) {
    bagian.classList.add(kelas);
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
  }

  /* A link from one page of the site to another ("lampiran.html#temuan-3") points into this one
     document once printed: keep the anchor when its target is here, else keep only the text.
     Otherwise Chromium writes the local print server's address (a random port) into the PDF. */
  function arahkanTautan() {
    document.querySelectorAll("a[href]").forEach(function (a) {
      var url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      var target = url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (target) a.setAttribute("href", url.hash);
      else a.removeAttribute("href");
    });
  }

  /* In the single page every part is a section (id "document-<page>"): a link to another page
     of the site ("lampiran.html", "lampiran.html#x") would print as a link to the temporary
     print server (a different port each time, so the PDF bytes differed and the link was dead);
     point it into the document instead (or drop the link when the target is not there). */
  function tautanDalam() {
    document.querySelectorAll("a[href]").forEach(function (a) {
      var cocok = /^([\w-]+)\.html(#(.*))?$/.exec(a.getAttribute("href"));
      if (!cocok) return;
      var tujuan = [cocok[3], "document-" + cocok[1]].filter(function (id) {
        return id && document.getElementById(id);
      })[0];
      if (tujuan) a.setAttribute("href", "#" + tujuan); else a.removeAttribute("href");
    });
  }

  /* What the tagged PDF takes from the accessibility tree: a chapter's heading is an h2 of the
     single page (its h1, the book's title, is not printed), so every heading is announced one
     level up (chapters become H1), and never more than one level below the heading before
     it (a skipped level reads as a missing section); a chart's figure carries its text
     alternative (the PDF's
     Alt: Chromium does not take a figure's name from its caption); the organisation chart is a
     list of units, read as text, not a figure to be replaced by a description. */
  function aksesibel(artikel) {
    var sebelum = 0;
    artikel.querySelectorAll("h2, h3, h4, h5, h6").forEach(function (h) {
      var tingkat = Math.min(Number(h.tagName.slice(1)) - 1, sebelum + 1);
      h.setAttribute("aria-level", String(tingkat));
      sebelum = tingkat;
    });
    artikel.querySelectorAll("figure").forEach(function (f) {
      var alt = f.querySelector(".lakip-alt"), judulnya = f.querySelector("figcaption");
      if (f.classList.contains("lakip-bagan")) {
        f.setAttribute("role", "group");
        if (judulnya) f.setAttribute("aria-label", judul(judulnya));
      } else if (!f.hasAttribute("aria-label")) {
        f.setAttribute("aria-label", judul(alt || judulnya || f));
      }
    });
  }

  window.lakipSiapkanCetak = function () {
    tautanDalam();
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
    var depan = el("div", "lakip-halaman-depan");
    /* a document without figures (the review) has no list of figures */
    var daftarDepan = ["Daftar Isi", "Daftar Tabel", "Daftar Gambar"].filter(function (j) {
      return j !== "Daftar Gambar" || artikel.querySelector("figure.lakip-grafik figcaption");
    });
    var judulDepan = daftarDepan.map(function (j) {
      return depan.appendChild(el("section", "lakip-daftar")).appendChild(
        el("h2", "lakip-daftar-judul", j));
    });
    /* Front matter first in the contents (and the PDF bookmarks), as Indonesian reports do */
    if (pengantar && pengantar.querySelector("h2")) {
      isi.push(tandai(pengantar.querySelector("h2"), 1, judul(pengantar.querySelector("h2"))));
    }
    judulDepan.forEach(function (h) { isi.push(tandai(h, 1, h.textContent)); });
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
    var bagian = depan.querySelectorAll("section.lakip-daftar");
    isiDaftar(bagian[0], isi, "lakip-daftar-isi");
    isiDaftar(bagian[1], tabel, "lakip-daftar-tabel");
    if (bagian[2]) isiDaftar(bagian[2], gambar, "lakip-daftar-gambar");
    if (pengantar) pengantar.after(depan); else artikel.prepend(depan);
    if (sampul) artikel.prepend(sampul);
    aksesibel(artikel);
    arahkanTautan();
    document.body.classList.add("lakip-cetak");
    return { isi: isi.length, tabel: tabel.length, gambar: gambar.length, daftar_isi: isi };
  };

  /* In the print layout at the text block's width: a table wider than the block gets the
     class that lets long tokens (keys, formulas) break anywhere, so nothing is cut at the edge;
     a table taller than a third of the A4 text block (259 mm) may break across pages right
     after what precedes it (a short one is kept whole: moved to the next page if need be). */
  window.lakipPaskan = function () {
    var batas = document.documentElement.getBoundingClientRect().right + 1;
    var panjang = 259 / 25.4 * 96 / 3;
    document.querySelectorAll("table.lakip-tabel").forEach(function (t) {
      var kotak = t.getBoundingClientRect();
      if (kotak.right > batas) t.classList.add("lakip-rapat");
      if (kotak.height > panjang) t.classList.add("lakip-panjang");
    });
  };

  /* Resolves when nothing the print shows still depends on timing (a busy machine only makes
     it later): every chart drawn, then laid out again at the current width (Vega redraws a
     container-width chart on a window resize event, asynchronously: the event is sent here
     and each view's run awaited, instead of sleeping and hoping), the fonts the layout uses
     loaded (Font Awesome is font-display: block: invisible until loaded), every image decoded. */
  window.lakipTunggu = async function () {
    var grafik = (await Promise.all(window.lakipGrafik || [])).filter(function (r) {
      return r && r.view;
    });
    window.dispatchEvent(new Event("resize"));
    await Promise.all(grafik.map(function (r) { return r.view.runAsync(); }));
    void document.body.offsetHeight;  // lay out now, so that every font in use is requested
    await document.fonts.ready;
    await Promise.all(Array.prototype.map.call(document.images, function (i) {
      return i.decode().catch(function () {});
    }));
    return grafik.length;
  };

  /* The page each contents anchor will print on, without printing: the article laid out once
     in columns of the text block's size (`blok`: {lebar, tinggi} in mm), one column per
     page. Chromium breaks columns as it breaks pages (the same block fragmentation), given
     what differs between the two: a page break does not break a column, so every forced page
     break becomes a column break; and a scroll box (the notebooks' output) is sliced across
     pages but kept whole in a column, so it shows its overflow instead (as a block formatting
     context, as before). Everything is put back before returning, and a print of the page is
     byte for byte a print of the page before (pdf.py relies on it). The print checks the result
     against its own page map (lakip_lib/pdf.py): a wrong guess costs a print, never a number. */
  window.lakipPerkiraHalaman = function (blok) {
    var artikel = document.querySelector("article.bd-article") || document.body;
    var HALAMAN = ["page", "left", "right", "recto", "verso"], ditandai = [];
    artikel.querySelectorAll("*").forEach(function (e) {
      var s = getComputedStyle(e), tanda = "";
      if (HALAMAN.indexOf(s.breakBefore) >= 0) tanda += "b";
      if (HALAMAN.indexOf(s.breakAfter) >= 0) tanda += "a";
      if (s.overflowX !== "visible" || s.overflowY !== "visible") tanda += s.display === "block" ? "f" : "o";
      if (tanda) { e.setAttribute("data-lakip-kolom", tanda); ditandai.push(e); }
    });
    var sa = getComputedStyle(artikel);
    var kiri = parseFloat(sa.paddingLeft), celah = kiri + parseFloat(sa.paddingRight);
    var gaya = el("style", null,
      "article.lakip-kolom { column-count: 1; column-gap: " + celah + "px; column-fill: auto;" +
      " height: " + blok.tinggi + "mm !important; max-height: none !important; overflow: visible !important; }" +
      " [data-lakip-kolom*=b] { break-before: column !important; }" +
      " [data-lakip-kolom*=a] { break-after: column !important; }" +
      " [data-lakip-kolom*=o], [data-lakip-kolom*=f] { overflow: visible !important; }" +
      " [data-lakip-kolom*=f] { display: flow-root !important; }");
    var lebar = blok.lebar / 25.4 * 96;  // a column, with its share of the gap: a page
    document.head.appendChild(gaya);
    artikel.classList.add("lakip-kolom");
    var awal = artikel.getBoundingClientRect().left + kiri, peta = {};
    artikel.querySelectorAll(".lakip-penanda").forEach(function (j) {
      peta[j.id] = Math.floor((j.getBoundingClientRect().left - awal + 0.5) / lebar) + 1;
    });
    artikel.classList.remove("lakip-kolom");
    ditandai.forEach(function (e) { e.removeAttribute("data-lakip-kolom"); });
    gaya.remove();
    lakipLupakanTata();
    return peta;
  };

  /* Chromium keeps layout results that a later print reuses: after the columns one box of the
     review printed a few pixels shorter, and a page printed twice differed from a page printed
     once. The article's layout is dropped (no box for one style pass), so the next print lays
     it out afresh, byte for byte as on a freshly loaded page (tests/test_pdf.py). */
  window.lakipLupakanTata = function () {
    var artikel = document.querySelector("article.bd-article") || document.body;
    var gaya = el("style", null, "article.bd-article { display: none !important; }");
    document.head.appendChild(gaya);
    void artikel.offsetHeight;
    gaya.remove();
  };

  /* Resolves once every chart of the loaded document is drawn (in print media all at once:
     book/_static/lakip.js); checked again on every change of the document, rejected after
     `batas` ms. */
  window.lakipTungguGrafik = function (batas) {
    function semua() {
      return Array.prototype.every.call(document.querySelectorAll(".lakip-vega"), function (d) {
        return d.querySelector("svg");
      });
    }
    return new Promise(function (selesai, gagal) {
      if (semua()) return selesai();
      var amati = new MutationObserver(function () {
        if (semua()) { amati.disconnect(); clearTimeout(waktu); selesai(); }
      });
      var waktu = setTimeout(function () {
        amati.disconnect();
        gagal(new Error("grafik belum tergambar setelah " + batas / 1000 + " detik"));
      }, batas);
      amati.observe(document, {childList: true, subtree: true});
    });
  };

  /* The page style (CSS text, never markup) as the document's last style sheet. */
  window.lakipGaya = function (css) {
    document.head.appendChild(el("style", null, css));
  };

  window.lakipIsiHalaman = function (peta) {
    document.querySelectorAll(".lakip-entri-hal").forEach(function (hal) {
      var nomor = peta[hal.dataset.kunci];
      hal.textContent = nomor === undefined ? "–" : String(nomor);
    });
  };
})();
