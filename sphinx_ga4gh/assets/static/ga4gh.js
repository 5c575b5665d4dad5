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
      function (badge) { return badge.textContent.trim(); }
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

  function init() {
    document.querySelectorAll("ul.ga4gh-tiles").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* sphinx-ga4gh: tables whose rows sort by a column and filter by a search box (tool tables,
   and every table of a page with ``datatable: true``). Headers are buttons: keyboard works. */
(function () {
  "use strict";

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function setUp(table, tableIndex) {
    var body = table.tBodies[0];
    var head = table.tHead;
    if (!body || !head || !head.rows.length) return;
    table.classList.add("ga4gh-interactive");
    var rows = Array.prototype.slice.call(body.rows);

    var controls = document.createElement("div");
    controls.className = "ga4gh-table-controls";
    var search = document.createElement("input");
    search.type = "search";
    search.className = "ga4gh-table-search";
    search.placeholder = "Filter rows";
    search.setAttribute("aria-label", "Filter the rows of this table");
    search.setAttribute("aria-controls", table.id || (table.id = "ga4gh-table-" + tableIndex));
    var status = document.createElement("span");
    status.className = "ga4gh-table-status";
    status.setAttribute("role", "status");
    controls.appendChild(search);
    controls.appendChild(status);
    // Themes wrap tables for scrolling (pydata); the controls go before the wrapper.
    var anchor = table.parentNode.classList.contains("pst-scrollable-table-container")
      ? table.parentNode : table;
    anchor.parentNode.insertBefore(controls, anchor);

    search.addEventListener("input", function () {
      var query = search.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var visible = !query || row.textContent.toLowerCase().indexOf(query) !== -1;
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = query ? shown + " of " + rows.length + " rows" : "";
    });

    var headers = Array.prototype.slice.call(head.rows[head.rows.length - 1].cells);
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ga4gh-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var order = collator.compare(cellText(a, column), cellText(b, column));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function init() {
    document.querySelectorAll("table.ga4gh-tool-table, table.ga4gh-datatable").forEach(setUp);
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
