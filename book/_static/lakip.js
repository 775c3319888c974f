/* Draws the book's Vega-Lite charts with the locally served vegaEmbed (no CDN).
   Each chart output pushes its id onto window.lakipAntrean; this file drains the queue
   whenever both the page and vegaEmbed are ready, whatever the load order. */
(function () {
  "use strict";
  var antrean = (window.lakipAntrean = window.lakipAntrean || []);

  function gambar(kode) {
    var wadah = document.getElementById("vis-" + kode);
    var spec = document.getElementById("spec-" + kode);
    if (!wadah || !spec || wadah.dataset.lakipDigambar) return;
    wadah.dataset.lakipDigambar = "1";
    /* Every chart's promise is kept: the print waits for all of them (lakip_lib/cetak.js). */
    (window.lakipGrafik = window.lakipGrafik || []).push(window
      .vegaEmbed(wadah, JSON.parse(spec.textContent), {
        actions: false,
        renderer: "svg",
        ast: true, // Vega's expression interpreter: no new Function, no 'unsafe-eval' (csp.py)
        formatLocale: JSON.parse(wadah.dataset.lokal || "{}"),
        tooltip: { theme: "light" },
      })
      .catch(function (galat) {
        wadah.textContent = "Grafik gagal dimuat: " + galat;
      }));
  }

  function kuras() {
    if (typeof window.vegaEmbed !== "function" || document.readyState === "loading") return;
    while (antrean.length) gambar(antrean.shift());
  }

  antrean.push = function () {
    Array.prototype.push.apply(antrean, arguments);
    kuras();
    return antrean.length;
  };
  /* The theme's collapsible table-of-contents toggles are icon-only <summary> elements:
     give them an accessible name. */
  function namaiPenjelajah() {
    document.querySelectorAll("summary").forEach(function (s) {
      if (!s.textContent.trim() && !s.getAttribute("aria-label")) {
        s.setAttribute("aria-label", "Tampilkan atau sembunyikan subbab");
      }
    });
  }

  /* The same page in the chosen edition when it has one (a new Renstra may have other sasaran
     pages), else that edition's first page. */
  function bukaEdisi(e) {
    var halaman = window.location.pathname.split("/").pop() || "index.html";
    var ada = (e.halaman || []).indexOf(halaman) >= 0;
    window.location.href = "../" + (ada ? e.url.replace(/[^/]*$/, halaman) : e.url);
  }

  function buatPemilih(wadah, daftar) {
    var sekarang = wadah.dataset.edisi;
    var pilih = document.createElement("select");
    pilih.setAttribute("aria-label", "Pilih edisi tahun anggaran");
    pilih.className = "lakip-pilih-edisi";
    /* A year can have several revisions (2024/, 2024-final/, …): the one shown is the entry
       whose folder this page is in. */
    var folder = window.location.pathname.split("/").slice(-2)[0];
    var punyaFolder = daftar.some(function (e) { return e.url.split("/")[0] === folder; });
    daftar.forEach(function (e, i) {
      var opsi = document.createElement("option");
      opsi.value = String(i);
      opsi.textContent = "Edisi " + e.tahun + (e.label ? " (" + e.label + ")" : "") +
        (e.digantikan ? " — digantikan" : "");
      opsi.selected = punyaFolder ? e.url.split("/")[0] === folder
                                  : String(e.tahun) === sekarang && !e.digantikan;
      pilih.appendChild(opsi);
    });
    pilih.addEventListener("change", function () { bukaEdisi(daftar[Number(pilih.value)]); });
    wadah.appendChild(pilih);
  }

  /* Edition switcher: one editions.js at the site root serves every edition. It is loaded as a
     script (not fetched) so that the switcher also works when the site is opened from disk. */
  function isiPemilih() {
    var wadah = document.querySelectorAll(".lakip-pemilih");
    if (!wadah.length) return;
    var skrip = document.createElement("script");
    skrip.src = "../editions.js";
    skrip.onload = function () {
      var daftar = window.lakipEdisi || [];
      if (!daftar.length) return;
      wadah.forEach(function (w) { buatPemilih(w, daftar); });
    };
    document.head.appendChild(skrip);
  }

  /* A table wider than its box gets a visible "scroll sideways" cue (phone widths). */
  function tandaiGeser() {
    document.querySelectorAll(".lakip-tabel-wrap").forEach(function (w) {
      w.classList.toggle("lakip-geser", w.scrollWidth > w.clientWidth + 1);
      w.style.setProperty("--lebar-wadah", w.clientWidth + "px");
    });
  }

  document.addEventListener("DOMContentLoaded", tandaiGeser);
  window.addEventListener("resize", tandaiGeser);
  document.addEventListener("DOMContentLoaded", isiPemilih);
  document.addEventListener("DOMContentLoaded", namaiPenjelajah);
  document.addEventListener("DOMContentLoaded", kuras);
  window.addEventListener("load", kuras);
  kuras();
})();
