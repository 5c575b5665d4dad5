"""Sphinx configuration, written by `sphinx-ga4gh migrate` from a Jekyll site."""

import importlib.util

project = 'Rare Disease Data Field Guide'
html_title = project
extensions = ["sphinx_ga4gh"]

# The site's description: the meta description of pages without one of their own.
ga4gh_site_description = 'How to share rare-disease genomes responsibly: standards, archives and the law.'

# What Jekyll published as it was (images, assets, ...) is copied to the HTML output at
# the same paths; _data and _bibliography are read by the build.
ga4gh_site_files = ['assets', 'images']
exclude_patterns = ['_build', '_data', '_bibliography', 'assets', 'images']

# jekyll-scholar: sort_by 'year, month', order 'descending'.
bibtex_default_style = 'ga4gh'

# The data files, as Jekyll's site.data read them.
ga4gh_tools = '_data/tool_and_resource_list.yml'
ga4gh_contributors = '_data/CONTRIBUTORS.yml'
ga4gh_affiliations = '_data/affiliations.yml'

# Links of the pages' dsw questions: this, then the question's uuid.
ga4gh_dsw_deep_link_prefix = 'https://dsw.example.org/preview?questionUuid='

# The site around the pages: footer, top navigation, logo, repository links, colours.
author = 'Rare Disease Data Field Guide contributors'
copyright = 'Rare Disease Data Field Guide contributors'
ga4gh_footer = '_data/footer.yml'
ga4gh_topnav = '_data/topnav.yml'
html_logo = 'assets/img/main_logo.svg'
ga4gh_topnav_title = 'Rare Disease Guide'
ga4gh_repository = 'example-org/rare-disease-field-guide'
ga4gh_repository_branch = 'live'
ga4gh_brand_colors = {'primary': '#5b2a86', 'secondary': '#c9a227', 'link': '#3b1c57'}
html_favicon = 'assets/img/favicon.ico'
ga4gh_favicons = ['assets/img/apple-touch-icon.png', 'assets/img/favicon-32x32.png']
ga4gh_web_manifest = 'assets/img/site.webmanifest'
ga4gh_site_js = ['assets/js/custom.js']

# The page head, sitemap.xml, redirects and 404 page (from _config.yml).
html_baseurl = 'https://guide.example.org/'
ga4gh_theme_color = '5b2a86'
ga4gh_og_image = 'assets/img/apple-touch-icon.png'
ga4gh_google_analytics = 'G-EXAMPLE123'
ga4gh_matomo_url = 'https://stats.example.org/'
ga4gh_matomo_id = '4'
ga4gh_matomo_cookies = False
ga4gh_privacy_url = 'privacy'
# A 404.html that works at any depth (its links start at the site's root path).
extensions.append("notfound.extension")
notfound_urls_prefix = '/'

# Links to headings of other pages ([text](page_id#heading)): kramdown gave every heading
# level an id.
myst_heading_anchors = 6

# pydata-sphinx-theme if installed, else the default. sphinx-ga4gh has no release yet:
# from a clone of its repository, pip install -e "path/to/sphinx-ga4gh[theme]".
html_theme = "pydata_sphinx_theme" if importlib.util.find_spec("pydata_sphinx_theme") else "alabaster"
