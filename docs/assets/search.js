/* Site search, in the reader's language, with Material's look.
 *
 * Why not Material's own search: it reads the box on `keyup` (and when its
 * worker becomes ready), so text that arrives without a key release (a kanji
 * word inserted by an input method or a test driver, a paste from the menu,
 * a phone's suggestion bar) was searched only if it came before the worker
 * was ready, 1-6 s after load; after that the box kept saying "type to start
 * searching". Its single index of both languages (about 500 KB) was also
 * downloaded on every page view, and English readers got Japanese pages.
 *
 * Here: the box is read on `input` (and on compositionend and keyup, for
 * input methods), every query goes to Pagefind's index of this page's
 * language (hooks/search.py), loaded only when the reader opens search, and a
 * query that is a glossary term shows first the page the glossary links it to.
 * overrides/partials/search.html keeps Material's markup without Material's
 * search component, so Material's styles apply and it fetches nothing.
 */
(() => {
  const root = document.querySelector("[data-site-search]");
  const toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  const input = root.querySelector("[data-site-search-query]");
  const result = root.querySelector("[data-site-search-result]");
  const meta = result.querySelector(".md-search-result__meta");
  const list = result.querySelector(".md-search-result__list");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const lang = document.documentElement.lang || "en";
  const siteRoot = new URL(`${config.base}/`, location.href);
  const t = (key, n) => (config.translations[key] || "").replace("#", n);
  const PAGES_SHOWN = 8;     // pages whose details (title, excerpt, sections) are loaded
  const SECTIONS_SHOWN = 3;  // headings shown under each page

  /* A heading or title folded for comparing it with a query */
  const fold = (s) => s.normalize("NFKC").toLowerCase().replace(/[\s\-_・:：]+/g, "");
  const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const excerpt = (html) => html.replace(/<(?!\/?mark>)/g, "&lt;");  // Pagefind's excerpt, only <mark> kept

  /* The engine and the glossary's best bets, fetched once, when search opens */
  let engine;
  function load() {
    engine ||= (async () => {
      const pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
      await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 24 });
      await pagefind.init();
      const bets = new Map();
      try {
        const response = await fetch(new URL(`pagefind/glossary-${lang}.json`, siteRoot));
        for (const [name, bet] of Object.entries(await response.json())) bets.set(term(name), bet);
      } catch { /* no glossary: plain ranking */ }
      return { pagefind, bets };
    })();
    return engine;
  }

  /* A glossary term as written, give or take case, width and spaces
     ("steps per epoch" is not the term "steps_per_epoch") */
  const term = (s) => s.normalize("NFKC").toLowerCase().trim().replace(/\s+/g, " ");
  function bestBet(bets, query) {
    const q = term(query);
    return bets.get(q) || bets.get(q.replace(/e?s$/, "")) || null;  // "epochs" finds "epoch"
  }

  /* A page with a section on the query explains it better than one that uses
     its words: first the pages with a heading (or title) that is the query
     ("steps_per_epoch", or "verbose: what to print" for "verbose"), then those
     with a heading that contains it, then the rest, each in Pagefind's order. */
  function rank(pages, query) {
    const q = fold(query);
    const tier = (p) => {
      const heads = [p.meta.title, ...p.sub_results.map((s) => s.title)].map((h) => h || "");
      if (heads.some((h) => fold(h) === q || fold(h.split(/[:：]/)[0]) === q)) return 0;
      return heads.some((h) => fold(h).includes(q)) ? 1 : 2;
    };
    return pages.map((p, i) => [tier(p), i, p]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
  }

  async function search(query, stale) {
    const { pagefind, bets } = await load();
    const found = await pagefind.search(query);
    if (stale()) return null;  // the reader typed on: skip loading these pages' details
    const pages = rank(await Promise.all((found?.results || []).slice(0, PAGES_SHOWN).map((r) => r.data())), query);
    const bet = bestBet(bets, query);
    if (!bet) return { pages, total: found?.results.length || 0 };
    const url = new URL(bet.url, siteRoot).pathname;
    const same = pages.find((p) => p.url === url);
    const first = same || { url, meta: { title: bet.title }, excerpt: "", sub_results: [] };
    first.excerpt = escape(bet.text);  // the glossary's one-line meaning
    return { pages: [first, ...pages.filter((p) => p !== first)], total: (found?.results.length || 0) + !same };
  }

  function item(page) {
    const sections = page.sub_results.filter((s) => s.url !== page.url && s.title !== page.meta.title).slice(0, SECTIONS_SHOWN);
    const link = (url, body) =>
      `<a href="${escape(url)}" class="md-search-result__link" tabindex="-1"><article class="md-search-result__article md-typeset" lang="${lang}">${body}</article></a>`;
    return `<li class="md-search-result__item">${link(
      page.url,
      `<div class="md-search-result__icon md-icon"></div><h1>${escape(page.meta.title || page.url)}</h1>${page.excerpt ? `<p>${excerpt(page.excerpt)}</p>` : ""}`,
    )}${sections.map((s) => link(s.url, `<h2>${escape(s.title)}</h2><p>${excerpt(s.excerpt)}</p>`)).join("")}</li>`;
  }

  function show(query, pages, total) {
    meta.textContent = !query.trim()
      ? t("search.result.placeholder")
      : total === 0 ? t("search.result.none") : total === 1 ? t("search.result.one") : t("search.result.other", total);
    list.innerHTML = pages.map(item).join("");
    result.dataset.query = query;  // which query the list shows (the browser tests wait for it)
  }

  /* Read the box whenever its text may have changed; the latest query wins */
  let asked = null, latest = 0;
  async function update() {
    const query = input.value;
    if (query === asked) return;
    asked = query;
    const mine = ++latest;
    if (!query.trim()) return show(query, [], 0);
    if (!engine) meta.textContent = t("search.result.initializer");
    try {
      const found = await search(query, () => mine !== latest);
      if (found && mine === latest) show(query, found.pages, found.total);
    } catch (err) {
      console.warn("search:", err);
      if (mine === latest) show(query, [], 0);
    }
  }
  input.addEventListener("input", (ev) => ev.isComposing || update());
  input.addEventListener("compositionend", update);
  input.addEventListener("keyup", update);
  input.form.addEventListener("submit", (ev) => ev.preventDefault());
  input.form.addEventListener("reset", () => setTimeout(() => { update(); input.focus(); }));

  /* Opening and closing, as Material does it */
  function open(state) {
    if (toggle.checked !== state) {
      toggle.checked = state;
      toggle.dispatchEvent(new Event("change"));
    }
  }
  toggle.addEventListener("change", () => {
    list.hidden = !toggle.checked;
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
    if (toggle.checked) { load().catch(() => {}); input.focus(); }
  });
  input.addEventListener("focus", () => {
    setTimeout(() => open(true));  // after a label's own toggle, when the focus came from clicking it
    load().catch(() => {});
  });
  for (const label of document.querySelectorAll("header [for=__search]"))
    label.addEventListener("click", () => input.focus());  // brings up the keyboard on phones
  result.addEventListener("click", (ev) => { if (ev.target.closest("a")) open(false); });

  const editable = (el) => el && (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName));
  addEventListener("keydown", (ev) => {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || ev.isComposing) return;
    const active = document.activeElement;
    if (!toggle.checked) {
      if (["/", "s", "f"].includes(ev.key) && !editable(active)) {
        ev.preventDefault();
        open(true);
        input.focus();
        input.select();
      }
      return;
    }
    const links = [input, ...list.querySelectorAll("a")];
    switch (ev.key) {
      case "Enter":
        if (active === input) {
          ev.preventDefault();
          list.querySelector("a")?.click();
        }
        break;
      case "Escape":
      case "Tab":
        open(false);
        input.blur();
        break;
      case "ArrowUp":
      case "ArrowDown": {
        ev.preventDefault();
        const i = Math.max(0, links.indexOf(active));
        links[(i + (ev.key === "ArrowUp" ? -1 : 1) + links.length) % links.length].focus();
        break;
      }
      default:
        if (active !== input && !editable(active)) input.focus();
    }
  });
})();
