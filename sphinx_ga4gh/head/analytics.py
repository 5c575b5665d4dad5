"""Analytics the site configures (the theme's ``head.html``: Google Analytics, Plausible,
Matomo) and the theme's cookie notice (``cookie-popup.html``), shown with Google Analytics.

As in the theme, the notice informs and does not gate: the theme loads its analytics whether
or not the reader has clicked "Got it!". ``ga4gh_analytics = False`` (or ``-D
ga4gh_analytics=0``) leaves all of it out, as Jekyll did outside its production environment.
"""

from __future__ import annotations

from html import escape
from typing import Any

from sphinx.application import Sphinx

from .meta import json_for_script

#: The theme's cookie alert (Bootstrap-Cookie-Alert, MIT): shown until accepted, remembered
#: for a year in the ``acceptCookies`` cookie. Built from text, never from markup.
COOKIE_NOTICE_SCRIPT = """<script>
document.addEventListener("DOMContentLoaded", function () {
  var privacy = %s;
  if (document.cookie.split(";").some(function (c) { return c.trim() === "acceptCookies=true"; })) {
    return;
  }
  var box = document.createElement("div");
  box.className = "ga4gh-cookie-notice";
  box.setAttribute("role", "alert");
  var text = document.createElement("p");
  text.append("We use cookies to ensure you get the best experience on our website. Read our ");
  var link = document.createElement("a");
  link.href = privacy;
  link.textContent = "privacy policy";
  text.append(link, " to find out more.");
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = "Got it!";
  button.addEventListener("click", function () {
    var expires = new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString();
    document.cookie = "acceptCookies=true;expires=" + expires + ";path=/";
    box.remove();
    window.dispatchEvent(new Event("cookieAlertAccept"));
  });
  box.append(text, button);
  document.body.append(box);
});
</script>
"""


def privacy_href(app: Sphinx, pagename: str) -> str:
    """``ga4gh_privacy_url`` as a link from this page: a URL as it is, a page by its docname
    (``/about/privacy``, ``about/privacy.html`` name the same page)."""
    target = str(app.config.ga4gh_privacy_url or "").strip()
    if "://" in target or target.startswith("//"):
        return target
    docname = target.strip("/").removesuffix(".html").removesuffix("/index")
    if docname in app.env.found_docs:
        return app.builder.get_relative_uri(pagename, docname)
    return target


def analytics_tags(app: Sphinx, pagename: str) -> str:
    config = app.config
    tags: list[str] = []
    gtag = str(config.ga4gh_google_analytics or "").strip()
    if gtag:
        source = "https://www.googletagmanager.com/gtag/js?id=" + gtag
        tags.append(f'<script async src="{escape(source, quote=True)}"></script>\n')
        tags.append(
            "<script>window.dataLayer = window.dataLayer || []; "
            "function gtag() { dataLayer.push(arguments); } gtag('js', new Date()); "
            f"gtag('config', {json_for_script(gtag)});</script>\n"
        )
        tags.append(COOKIE_NOTICE_SCRIPT % json_for_script(privacy_href(app, pagename)))
    domain = str(config.ga4gh_plausible_domain or "").strip()
    if domain:
        source = str(config.ga4gh_plausible_src or "https://plausible.io/js/plausible.js")
        tags.append(
            f'<script defer data-domain="{escape(domain, quote=True)}" '
            f'src="{escape(source, quote=True)}"></script>\n'
        )
    matomo = str(config.ga4gh_matomo_url or "").strip()
    if matomo:
        cookies = "" if config.ga4gh_matomo_cookies else "_paq.push(['disableCookies']);\n"
        tags.append(
            "<script>\nvar _paq = window._paq = window._paq || [];\n"
            + cookies
            + "_paq.push(['trackPageView']);\n_paq.push(['enableLinkTracking']);\n"
            + "(function() {\n"
            + f"var u = {json_for_script(matomo)};\n"
            + "_paq.push(['setTrackerUrl', u + 'matomo.php']);\n"
            + f"_paq.push(['setSiteId', {json_for_script(str(config.ga4gh_matomo_id))}]);\n"
            + "var d = document, g = d.createElement('script'), "
            + "s = d.getElementsByTagName('script')[0];\n"
            + "g.async = true; g.src = u + 'matomo.js'; s.parentNode.insertBefore(g, s);\n"
            + "})();\n</script>\n"
        )
    return "".join(tags)


def add_analytics(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if app.config.ga4gh_analytics and app.builder.format == "html" and app.builder.name != "epub":
        context["metatags"] = context.get("metatags", "") + analytics_tags(app, pagename)
