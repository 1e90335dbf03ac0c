/* Accessible names that Material for MkDocs 9.8 leaves out, flagged by axe-core
 * (tests/test_browser.py): the search dialog, and the numbered markers of code
 * annotations, which Material's own script creates after the page loads.
 * Also the code cells of notebook pages (mkdocs-jupyter): a long line scrolls
 * sideways, so the cell must be reachable with the keyboard, as Material's
 * own code blocks are. */
(function () {
  "use strict";
  var ja = (document.documentElement.lang || "").slice(0, 2) === "ja";

  function label() {
    var search = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    if (search) search.setAttribute("aria-label", ja ? "検索" : "Search");
    document.querySelectorAll("a.md-annotation__index:not([aria-label])").forEach(function (a) {
      var n = (a.getAttribute("href") || "").split("_annotation_")[1] || "";
      a.setAttribute("aria-label", (ja ? "注釈 " : "Annotation ") + n);
    });
    document.querySelectorAll(".jp-Notebook .highlight-ipynb:not([tabindex])").forEach(function (code) {
      code.setAttribute("tabindex", "0");
    });
  }

  label();
  new MutationObserver(label).observe(document.body, { childList: true, subtree: true });
})();
