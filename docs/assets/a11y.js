/* Accessibility that Material for MkDocs 9.8 leaves out, flagged by axe-core
 * (tests/test_browser.py):
 * - an accessible name for the search dialog, and for the numbered markers of
 *   code annotations, which Material's own script creates when a code block
 *   scrolls into view (the content.lazy feature);
 * - keyboard access to a code block whose long lines scroll sideways. Material
 *   gives it tabindex when it mounts the block, which content.lazy defers until
 *   the block is on screen, so a keyboard reader could not reach it before. */
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
  }

  function focusable() {
    document.querySelectorAll(".highlight pre > code:not([tabindex])").forEach(function (code) {
      if (code.scrollWidth > code.clientWidth) code.setAttribute("tabindex", "0");
    });
  }

  // One pass per animation frame at most, however many nodes Material adds.
  var queued = false;
  function soon() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () {
      queued = false;
      label();
    });
  }

  label();
  // After the first paint, when the browser is idle: reading scrollWidth before
  // that forces an extra layout while the page is still loading (Lighthouse saw
  // it as a long task).
  var idle = window.requestIdleCallback || function (f) { setTimeout(f, 200); };
  window.addEventListener("load", function () { idle(focusable); });
  window.addEventListener("resize", function () { requestAnimationFrame(focusable); });
  new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
})();
