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
