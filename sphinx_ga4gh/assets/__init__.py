"""Static files (CSS, JS) shipped with the package; nothing is loaded from a CDN."""
