/* dossier: behaviour of generated pages. Works with Material's instant navigation
   (document$ emits on every page load) and without it. */
(function () {
  "use strict";

  function initTables(root) {
    root.querySelectorAll("table[data-sortable]").forEach(function (table) {
      if (!table.dataset.dxSorted && window.Tablesort) {
        table.dataset.dxSorted = "1";
        new window.Tablesort(table);
      }
    });
  }

  function init() {
    initTables(document);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
