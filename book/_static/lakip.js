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
    window
      .vegaEmbed(wadah, JSON.parse(spec.textContent), {
        actions: false,
        renderer: "svg",
        formatLocale: JSON.parse(wadah.dataset.lokal || "{}"),
        tooltip: { theme: "light" },
      })
      .catch(function (galat) {
        wadah.textContent = "Grafik gagal dimuat: " + galat;
      });
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
  function bukaEdisi(awal) {
    var halaman = window.location.pathname.split("/").pop() || "index.html";
    var sama = awal.replace(/[^/]*$/, halaman);
    fetch(sama, { method: "HEAD" })
      .then(function (r) { window.location.href = r.ok ? sama : awal; })
      .catch(function () { window.location.href = awal; });
  }

  /* Edition switcher: one editions.json at the site root serves every edition. */
  function isiPemilih() {
    document.querySelectorAll(".lakip-pemilih").forEach(function (wadah) {
      var sekarang = wadah.dataset.edisi;
      fetch("../editions.json")
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (daftar) {
          if (!daftar.length) return;
          var pilih = document.createElement("select");
          pilih.setAttribute("aria-label", "Pilih edisi tahun anggaran");
          pilih.className = "lakip-pilih-edisi";
          daftar.forEach(function (e) {
            var opsi = document.createElement("option");
            opsi.value = "../" + e.url;
            opsi.textContent = "Edisi " + e.tahun + (e.label ? " (" + e.label + ")" : "");
            opsi.selected = String(e.tahun) === sekarang;
            pilih.appendChild(opsi);
          });
          pilih.addEventListener("change", function () { bukaEdisi(pilih.value); });
          wadah.appendChild(pilih);
        })
        .catch(function () { /* opened from disk: no switcher */ });
    });
  }

  document.addEventListener("DOMContentLoaded", isiPemilih);
  document.addEventListener("DOMContentLoaded", namaiPenjelajah);
  document.addEventListener("DOMContentLoaded", kuras);
  window.addEventListener("load", kuras);
  kuras();
})();
