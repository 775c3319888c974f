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

  document.addEventListener("DOMContentLoaded", namaiPenjelajah);
  document.addEventListener("DOMContentLoaded", kuras);
  window.addEventListener("load", kuras);
  kuras();
})();
