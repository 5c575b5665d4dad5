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
