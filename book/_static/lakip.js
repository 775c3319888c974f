/* The book's own script (loaded deferred on every page; the theme's scripts are not loaded).
   - Charts: a page with a chart loads the locally served Vega bundle (vega-bundle.js beside this
     file, no CDN) without blocking the first paint, then draws every chart from its spec.
   - Menus: the chapter menu (☰) and the page contents open as dialogs on a narrow screen; on a
     wide one the chapter menu collapses. The search buttons (and Ctrl/⌘+K) open the search
     dialog; "back to top" appears when scrolling up. */
(function () {
  "use strict";
  var skripIni = document.currentScript;

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

  /* every chart of the page (a div "vis-<id>" beside its spec "spec-<id>"; no inline script) */
  function kuras() {
    if (typeof window.vegaEmbed !== "function" || document.readyState === "loading") return;
    document.querySelectorAll(".lakip-vega[id^='vis-']").forEach(function (w) {
      gambar(w.id.slice(4));
    });
  }

  /* The Vega bundle (~900 KB) only on a page that has a chart, added as an async script when
     the first chart comes near the screen, before printing, or at once in a browser that cannot
     tell or in a page opened in print media (the PDF's print: lakip_lib/pdf.py). Until then each chart keeps
     about the height it will take, so that nothing moves when it is drawn. */
  function amatiGrafik() {
    var grafik = document.querySelectorAll(".lakip-vega");
    if (!grafik.length) return;
    grafik.forEach(function (g) {
      var spec = document.getElementById("spec-" + g.id.slice(4));
      try {
        var tinggi = spec && JSON.parse(spec.textContent).height;
        if (typeof tinggi === "number") g.style.minHeight = tinggi + 40 + "px";
      } catch (e) { /* drawn with its default height */ }
    });
    /* laid out for print from the start (the PDF edition's print: lakip_lib/pdf.py), every
       chart is drawn at once */
    if (!("IntersectionObserver" in window) || window.matchMedia("print").matches) {
      return muatVega();
    }
    var pengamat = new IntersectionObserver(function (entri) {
      if (!entri.some(function (e) { return e.isIntersecting; })) return;
      pengamat.disconnect();
      muatVega();
    }, { rootMargin: "400px 0px" });
    grafik.forEach(function (g) { pengamat.observe(g); });
  }


  var bundelDiminta = false;
  function muatVega() {
    if (bundelDiminta || typeof window.vegaEmbed === "function") return kuras();
    if (!document.querySelector(".lakip-vega")) return;
    bundelDiminta = true;
    var skrip = document.createElement("script");
    skrip.src = skripIni.src.replace(/lakip\.js(\?.*)?$/, "vega-bundle.js");
    skrip.async = true;
    skrip.onload = kuras;
    document.head.appendChild(skrip);
  }

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
    if (!wadah.length || window.matchMedia("print").matches) return;  // the PDF's print: no header
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
    /* all sizes read first, then written: one layout, not one per table */
    var wadah = Array.prototype.slice.call(document.querySelectorAll(".lakip-tabel-wrap"));
    var ukuran = wadah.map(function (w) { return [w.scrollWidth, w.clientWidth]; });
    wadah.forEach(function (w, i) {  /* written only where something changes */
      var geser = ukuran[i][0] > ukuran[i][1] + 1;
      if (geser !== w.classList.contains("lakip-geser")) w.classList.toggle("lakip-geser", geser);
      var lebar = geser ? ukuran[i][1] + "px" : "";
      if (w.style.getPropertyValue("--lebar-wadah") !== lebar) {
        w.style.setProperty("--lebar-wadah", lebar);
      }
    });
  }

  /* A sidebar shown as a modal dialog on a narrow screen: its content is moved into the
     dialog while it is open and back when it closes (the theme's stylesheet styles both). */
  function bukaDialog(dialog, sisi) {
    if (!dialog || !sisi || dialog.open) return;
    while (sisi.firstChild) dialog.appendChild(sisi.firstChild);
    dialog.dataset.kelas = sisi.className;
    dialog.className = sisi.className;
    dialog.showModal();
  }

  /* Escape closes a dialog (Sphinx's highlight script swallows the native one) */
  function tutupDenganEscape(dialog) {
    dialog.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); dialog.close(); }
    });
  }

  function siapkanDialog(dialog, sisi) {
    if (!dialog || !sisi) return;
    tutupDenganEscape(dialog);
    dialog.addEventListener("close", function () {
      while (dialog.firstChild) sisi.appendChild(dialog.firstChild);
      dialog.className = "";
    });
    dialog.addEventListener("click", function (e) {
      var r = dialog.getBoundingClientRect();
      var luar = e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom;
      /* a click on the backdrop, or on a link (a contents entry scrolls the page below) */
      if ((luar && e.target === dialog) || e.target.closest("a")) dialog.close();
    });
  }

  var LEBAR = window.matchMedia("(min-width: 992px)");

  function siapkanMenu() {
    var kiri = document.getElementById("pst-primary-sidebar");
    var dialogKiri = document.getElementById("pst-primary-sidebar-modal");
    var kanan = document.getElementById("pst-secondary-sidebar");
    var dialogKanan = document.getElementById("pst-secondary-sidebar-modal");
    siapkanDialog(dialogKiri, kiri);
    siapkanDialog(dialogKanan, kanan);
    document.querySelectorAll(".primary-toggle").forEach(function (b) {
      b.setAttribute("aria-haspopup", "dialog");
      b.addEventListener("click", function () {
        if (LEBAR.matches && kiri) kiri.classList.toggle("pst-sidebar-hidden");
        else bukaDialog(dialogKiri, kiri);
      });
    });
    document.querySelectorAll(".secondary-toggle").forEach(function (b) {
      b.setAttribute("aria-haspopup", "dialog");
      b.addEventListener("click", function () { bukaDialog(dialogKanan, kanan); });
    });
  }

  function siapkanCari() {
    var dialog = document.getElementById("pst-search-dialog");
    if (!dialog) return;
    function buka() {
      if (dialog.open) return;
      dialog.showModal();
      var isian = dialog.querySelector("input");
      if (isian) { isian.focus(); isian.select(); }
    }
    document.querySelectorAll(".search-button__button").forEach(function (b) {
      b.setAttribute("aria-haspopup", "dialog");
      b.addEventListener("click", buka);
    });
    tutupDenganEscape(dialog);
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
    window.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && /^k$/i.test(e.key)) {
        e.preventDefault();
        buka();
      }
    });
    /* on the search page itself, its field takes the focus */
    var isianHalaman = document.querySelector(".bd-search-container form.bd-search input");
    if (isianHalaman) isianHalaman.focus();
  }

  function siapkanKeAtas() {
    var tombol = document.getElementById("pst-back-to-top");
    if (!tombol) return;
    var sebelumnya = window.scrollY;
    window.addEventListener("scroll", function () {
      var naik = window.scrollY < sebelumnya && window.scrollY > 300;
      tombol.style.display = naik ? "block" : "none";
      sebelumnya = window.scrollY;
    }, { passive: true });
    tombol.addEventListener("click", function () { window.scrollTo(0, 0); });
  }

  /* Search snippets are cut from the text of the result's page: leave out what a reader does
     not see there (closed correction disclosures, screen-reader and alternative texts). */
  function rapikanCuplikan() {
    if (typeof Search === "undefined" || !Search.htmlToText) return;
    var asli = Search.htmlToText;
    Search.htmlToText = function (teks, jangkar) {
      var dok = new DOMParser().parseFromString(teks, "text/html");
      dok.querySelectorAll("details.lakip-koreksi, .lakip-sr, .lakip-alt").forEach(function (e) {
        e.remove();
      });
      return asli.call(Search, dok.documentElement.outerHTML, jangkar);
    };
  }

  document.addEventListener("DOMContentLoaded", rapikanCuplikan);
  document.addEventListener("DOMContentLoaded", tandaiGeser);
  window.addEventListener("resize", tandaiGeser);
  document.addEventListener("DOMContentLoaded", isiPemilih);
  document.addEventListener("DOMContentLoaded", namaiPenjelajah);
  document.addEventListener("DOMContentLoaded", siapkanMenu);
  document.addEventListener("DOMContentLoaded", siapkanCari);
  document.addEventListener("DOMContentLoaded", siapkanKeAtas);
  document.addEventListener("DOMContentLoaded", amatiGrafik);
  window.addEventListener("beforeprint", muatVega);
})();
