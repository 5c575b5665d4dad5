/* sphinx-ga4gh: tool popovers. Click or Enter/Space opens; Escape or a click outside closes. */
(function () {
  "use strict";

  function popoverOf(button) {
    return document.getElementById(button.getAttribute("aria-controls"));
  }

  function close(button, restoreFocus) {
    var popover = popoverOf(button);
    if (!popover || popover.hidden) return;
    popover.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (restoreFocus) button.focus();
  }

  function closeAll(except) {
    document.querySelectorAll(".ga4gh-tool-name[aria-expanded='true']").forEach(function (b) {
      if (b !== except) close(b, false);
    });
  }

  function open(button) {
    var popover = popoverOf(button);
    if (!popover) return;
    closeAll(button);
    popover.hidden = false;
    button.setAttribute("aria-expanded", "true");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".ga4gh-tool-name");
    if (button) {
      if (button.getAttribute("aria-expanded") === "true") close(button, false);
      else open(button);
      return;
    }
    if (!event.target.closest(".ga4gh-popover")) closeAll(null);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var openButton = document.querySelector(".ga4gh-tool-name[aria-expanded='true']");
    if (openButton) close(openButton, true);
  });
})();

/* sphinx-ga4gh: search box and affiliation filter for {section-tiles}. */
(function () {
  "use strict";

  function tileAffiliations(tile) {
    return Array.prototype.map.call(
      tile.querySelectorAll(".ga4gh-badge-affiliation"),
      // a logo or flag carries its name in data-name
      function (badge) { return badge.getAttribute("data-name") || badge.textContent.trim(); }
    );
  }

  function setUp(list, index) {
    var tiles = Array.prototype.slice.call(list.querySelectorAll(":scope > li.ga4gh-tile"));
    var controls = document.createElement("div");
    controls.className = "ga4gh-tiles-controls";
    var search = null;
    var filter = null;
    if (list.classList.contains("ga4gh-tiles-search")) {
      search = document.createElement("input");
      search.type = "search";
      search.className = "ga4gh-tiles-search-box";
      search.placeholder = "Search these pages";
      search.setAttribute("aria-label", "Search these pages");
      controls.appendChild(search);
    }
    if (list.classList.contains("ga4gh-tiles-filter")) {
      filter = document.createElement("select");
      filter.className = "ga4gh-tiles-affiliation-filter";
      filter.setAttribute("aria-label", "Filter by affiliation");
      var names = {};
      tiles.forEach(function (tile) {
        tileAffiliations(tile).forEach(function (name) { names[name] = true; });
      });
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "All affiliations";
      filter.appendChild(all);
      Object.keys(names).sort().forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        option.textContent = name;
        filter.appendChild(option);
      });
      controls.appendChild(filter);
    }
    if (!search && !filter) return;
    var status = document.createElement("span");
    status.className = "ga4gh-tiles-status";
    status.setAttribute("role", "status");
    controls.appendChild(status);
    list.parentNode.insertBefore(controls, list);

    function update() {
      var query = search ? search.value.trim().toLowerCase() : "";
      var wanted = filter ? filter.value : "";
      var shown = 0;
      tiles.forEach(function (tile) {
        var visible = (!query || tile.textContent.toLowerCase().indexOf(query) !== -1) &&
          (!wanted || tileAffiliations(tile).indexOf(wanted) !== -1);
        tile.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = shown + " of " + tiles.length + " pages";
    }
    if (search) search.addEventListener("input", update);
    if (filter) filter.addEventListener("change", update);
  }

  // A supporter logo that does not load shows the supporter's name instead.
  function nameForBrokenLogo(img) {
    function fail() {
      var supporter = img.parentNode;
      if (!supporter) return;
      supporter.removeChild(img);
      supporter.textContent = supporter.getAttribute("data-name") || img.alt;
    }
    if (img.complete && img.naturalWidth === 0 && img.getAttribute("src")) fail();
    else img.addEventListener("error", fail);
  }

  function init() {
    document.querySelectorAll("ul.ga4gh-tiles").forEach(setUp);
    document.querySelectorAll("img.ga4gh-tile-logo").forEach(nameForBrokenLogo);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* sphinx-ga4gh: tables whose rows sort by a column and filter by a search box (tool tables,
   and every table of a page with ``datatable: true``). Headers are buttons: keyboard works.
   Tables marked ga4gh-paged (the site-wide tool table, datatable pages) show their rows a page
   at a time, with a page length menu (10, 25, 50, All, as DataTables) and "Showing x to y of
   z rows". Each table's sort, filter and page length are remembered in localStorage. */
(function () {
  "use strict";

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var LENGTHS = [10, 25, 50, 0]; // 0: all rows

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function classNumber(element, prefix) {
    for (var i = 0; i < element.classList.length; i++) {
      var name = element.classList[i];
      if (name.indexOf(prefix) === 0) return parseInt(name.slice(prefix.length), 10);
    }
    return NaN;
  }

  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "{}") || {}; }
    catch (error) { return {}; }
  }

  function save(key, state) {
    try { window.localStorage.setItem(key, JSON.stringify(state)); }
    catch (error) { /* private mode, storage full: the table works without memory */ }
  }

  function button(text, label) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "ga4gh-table-page";
    element.textContent = text;
    if (label) element.setAttribute("aria-label", label);
    return element;
  }

  function setUp(table, tableIndex) {
    var body = table.tBodies[0];
    var head = table.tHead;
    if (!body || !head || !head.rows.length) return;
    table.classList.add("ga4gh-interactive");
    var rows = Array.prototype.slice.call(body.rows);
    var paged = table.classList.contains("ga4gh-paged");
    var key = "ga4gh-table:" + window.location.pathname + ":" + tableIndex;
    var state = load(key);
    var configured = classNumber(table, "ga4gh-page-length-");
    var length = paged ? (typeof state.length === "number" ? state.length
      : (isNaN(configured) ? 10 : configured)) : 0;
    var start = 0;

    var controls = document.createElement("div");
    controls.className = "ga4gh-table-controls";
    var tableId = table.id || (table.id = "ga4gh-table-" + tableIndex);
    var menu = null;
    if (paged) {
      var menuLabel = document.createElement("label");
      menuLabel.className = "ga4gh-table-length";
      menu = document.createElement("select");
      menu.setAttribute("aria-controls", tableId);
      var lengths = LENGTHS.slice();
      if (lengths.indexOf(length) === -1) lengths.unshift(length);
      lengths.forEach(function (value) {
        var option = document.createElement("option");
        option.value = String(value);
        option.textContent = value ? String(value) : "All";
        option.selected = value === length;
        menu.appendChild(option);
      });
      menuLabel.appendChild(document.createTextNode("Show "));
      menuLabel.appendChild(menu);
      menuLabel.appendChild(document.createTextNode(" rows"));
      controls.appendChild(menuLabel);
    }
    var search = document.createElement("input");
    search.type = "search";
    search.className = "ga4gh-table-search";
    search.placeholder = "Filter rows";
    search.setAttribute("aria-label", "Filter the rows of this table");
    search.setAttribute("aria-controls", tableId);
    search.value = typeof state.query === "string" ? state.query : "";
    var status = document.createElement("span");
    status.className = "ga4gh-table-status";
    status.setAttribute("role", "status");
    controls.appendChild(search);
    controls.appendChild(status);
    // Themes wrap tables for scrolling (pydata); the controls go before the wrapper.
    var anchor = table.parentNode.classList.contains("pst-scrollable-table-container")
      ? table.parentNode : table;
    anchor.parentNode.insertBefore(controls, anchor);

    var pager = document.createElement("nav");
    pager.className = "ga4gh-table-pager";
    pager.setAttribute("aria-label", "Pages of this table");
    var previous = button("Previous", "Previous rows");
    var next = button("Next", "Next rows");
    pager.appendChild(previous);
    pager.appendChild(next);
    if (paged) anchor.parentNode.insertBefore(pager, anchor.nextSibling);

    function matching() {
      var query = search.value.trim().toLowerCase();
      return rows.filter(function (row) {
        return !query || row.textContent.toLowerCase().indexOf(query) !== -1;
      });
    }

    function draw() {
      var query = search.value.trim();
      var found = matching();
      if (start >= found.length) start = 0;
      var end = length ? Math.min(found.length, start + length) : found.length;
      var shown = {};
      found.slice(start, end).forEach(function (row) { shown[rows.indexOf(row)] = true; });
      rows.forEach(function (row, index) { row.hidden = !shown[index]; });
      var text = "";
      if (paged) {
        text = found.length ? "Showing " + (start + 1) + " to " + end + " of " + found.length + " rows"
          : "Showing 0 to 0 of 0 rows";
        if (query) text += " (filtered from " + rows.length + ")";
      } else if (query) {
        text = found.length + " of " + rows.length + " rows";
      }
      status.textContent = text;
      previous.disabled = start === 0;
      next.disabled = end >= found.length;
      pager.hidden = !paged || (!length || found.length <= length);
    }

    function remember() {
      var sorted = null;
      headers.forEach(function (th, column) {
        var order = th.getAttribute("aria-sort");
        if (order !== "none") sorted = { column: column, ascending: order === "ascending" };
      });
      save(key, { query: search.value, sort: sorted, length: paged ? length : undefined });
    }

    search.addEventListener("input", function () { start = 0; draw(); remember(); });
    if (menu) {
      menu.addEventListener("change", function () {
        length = parseInt(menu.value, 10) || 0;
        start = 0;
        draw();
        remember();
      });
    }
    previous.addEventListener("click", function () { start = Math.max(0, start - length); draw(); });
    next.addEventListener("click", function () { start += length; draw(); });

    var headers = Array.prototype.slice.call(head.rows[head.rows.length - 1].cells);
    function sortBy(th, column, ascending) {
      headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var order = collator.compare(cellText(a, column), cellText(b, column));
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    headers.forEach(function (th, column) {
      var sortButton = document.createElement("button");
      sortButton.type = "button";
      sortButton.className = "ga4gh-sort";
      while (th.firstChild) sortButton.appendChild(th.firstChild);
      th.appendChild(sortButton);
      th.setAttribute("aria-sort", "none");
      sortButton.addEventListener("click", function () {
        sortBy(th, column, th.getAttribute("aria-sort") !== "ascending");
        start = 0;
        draw();
        remember();
      });
    });
    var saved = state.sort;
    if (saved && typeof saved.column === "number" && headers[saved.column]) {
      sortBy(headers[saved.column], saved.column, saved.ascending !== false);
    }
    draw();
  }

  function init() {
    document.querySelectorAll("table.ga4gh-tool-table, table.ga4gh-datatable").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

// {events}: upcoming or past by the reader's date (the page as built lists every event).
(function () {
  "use strict";
  function classValue(element, prefix) {
    for (var i = 0; i < element.classList.length; i++) {
      var name = element.classList[i];
      if (name.indexOf(prefix) === 0) return name.slice(prefix.length);
    }
    return "";
  }

  function setUp(list) {
    var today = new Date().toISOString().substring(0, 10);
    var upcoming = list.classList.contains("ga4gh-events-upcoming");
    var past = list.classList.contains("ga4gh-events-past");
    var limit = parseInt(classValue(list, "ga4gh-events-limit-"), 10) || 0;
    var shown = 0;
    list.querySelectorAll("li.ga4gh-event").forEach(function (event) {
      var start = classValue(event, "ga4gh-start-");
      var isUpcoming = start === "unknown" || start >= today;
      var wanted = (!upcoming || isUpcoming) && (!past || !isUpcoming) && (!limit || shown < limit);
      event.hidden = !wanted;
      event.classList.toggle("ga4gh-event-upcoming", isUpcoming);
      event.classList.toggle("ga4gh-event-past", !isUpcoming);
      if (wanted) shown++;
    });
    list.hidden = shown === 0;
    var none = list.nextElementSibling;
    if (none && none.classList.contains("ga4gh-events-none")) {
      none.classList.toggle("ga4gh-shown", shown === 0);
    }
  }

  function init() {
    document.querySelectorAll("ul.ga4gh-events").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* sphinx-ga4gh: "(accessed <today>)" in "How to cite this page", as the theme writes it. */
(function () {
  "use strict";
  function init() {
    var today = new Date().toLocaleDateString("en-GB", { year: "numeric", month: "long", day: "numeric" });
    document.querySelectorAll(".ga4gh-accessed").forEach(function (span) {
      span.textContent = " (accessed " + today + ")";
      span.hidden = false;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* sphinx-ga4gh: an avatar that does not load becomes the person's initials. */
(function () {
  "use strict";
  function toInitials(img) {
    if (!img.classList || !img.classList.contains("ga4gh-avatar") || !img.parentNode) return;
    var span = document.createElement("span");
    span.className = "ga4gh-avatar ga4gh-initials";
    span.setAttribute("aria-hidden", "true");
    span.textContent = img.getAttribute("data-initials") || "";
    img.parentNode.replaceChild(span, img);
  }
  // errors do not bubble: listen in the capture phase, and catch those before this script ran
  document.addEventListener("error", function (event) { toInitials(event.target); }, true);
  function init() {
    document.querySelectorAll("img.ga4gh-avatar").forEach(function (img) {
      if (img.complete && img.naturalWidth === 0) toInitials(img);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* sphinx-ga4gh: a citation's page link without html_baseurl shows the page's full address. */
(function () {
  "use strict";
  function init() {
    document.querySelectorAll("a.ga4gh-citation-here").forEach(function (link) {
      link.textContent = link.href.split("#")[0];
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* sphinx-ga4gh: what the ELIXIR theme's script did, and accessible names. Off-site links
   open in a new tab with rel="noopener" (the theme's main.js did so); pydata-sphinx-theme's
   search button is named "Search" though it shows "Search Ctrl+K" (axe's
   label-content-name-mismatch): where that text shows, it names the button instead. */
(function () {
  "use strict";

  function setUp() {
    document.querySelectorAll("a[href]").forEach(function (link) {
      var protocol = link.protocol;
      if ((protocol === "http:" || protocol === "https:") && link.hostname !== location.hostname) {
        link.target = "_blank";
        var rel = (link.getAttribute("rel") || "").split(/\s+/).filter(Boolean);
        if (rel.indexOf("noopener") < 0) rel.push("noopener");
        link.rel = rel.join(" ");
      }
    });
    document.querySelectorAll(".search-button-field[aria-label]").forEach(function (button) {
      // Only where its text shows (the phone header's button is an icon: it keeps its label).
      var text = button.querySelector(".search-button__default-text");
      if (text && getComputedStyle(text).display !== "none" && text.textContent.trim()) {
        button.removeAttribute("aria-label");
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

/* sphinx-ga4gh: the search page's excerpts. Sphinx's search page shows, under each result, the
   text of the page's main element (textContent): popovers, tool tables and tiles, which the
   index leaves out ("no-search"), came back into it, run together with the page's words
   ("standardsBeacon v2Beacon v2standardAnswers..."), as did avatars' initials and the
   "Propose changes" links. Here the excerpt is the page's words only: its article, without
   "no-search" and aria-hidden elements, a space between block elements. Only Sphinx's
   Search.htmlToText is replaced; its own lookup (the anchor, the warnings) is kept. */
(function () {
  "use strict";

  // Elements inside a line of text (a tool's name is a button); any other is a block.
  var INLINE = new Set(("A ABBR B BDI BDO BUTTON CITE CODE DATA DFN EM I KBD MARK Q S SAMP " +
    "SMALL SPAN STRONG SUB SUP TIME U VAR WBR").split(" "));
  // Inline elements that the style sheet shows as blocks: the page type above the title.
  var SHOWN_AS_BLOCK = ".ga4gh-page-type";

  function wordsOnly(htmlString) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    // pydata-sphinx-theme's main element also holds the breadcrumbs, the previous/next links
    // and the "On this page" sidebar: the one article inside it is the page.
    var main = page.querySelector("[role='main']");
    var articles = main ? main.querySelectorAll("article") : [];
    if (articles.length === 1) {
      main.removeAttribute("role");
      articles[0].setAttribute("role", "main");
    }
    var notWords = ".no-search, [aria-hidden='true'], .ga4gh-source-links";
    page.querySelectorAll(notWords).forEach(function (element) {
      element.remove();
    });
    page.querySelectorAll("body *").forEach(function (element) {
      if (INLINE.has(element.tagName) && !element.matches(SHOWN_AS_BLOCK)) return;
      element.before(" ");
      element.after(" ");
    });
    return page.documentElement.outerHTML;
  }

  function install() {
    // searchtools.js declares Search with const: a global binding, not a window property.
    if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") return;
    if (Search.htmlToText.ga4gh) return;
    var sphinxHtmlToText = Search.htmlToText;
    var htmlToText = function (htmlString, anchor) {
      var text = sphinxHtmlToText(wordsOnly(htmlString), anchor);
      return typeof text === "string" ? text.replace(/\s+/g, " ").trim() : text;
    };
    htmlToText.ga4gh = true;
    Search.htmlToText = htmlToText;
  }

  // Before Sphinx's search starts (its own DOMContentLoaded) and fetches the pages.
  install();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", install);
})();
