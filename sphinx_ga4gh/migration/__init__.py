"""Migration of ELIXIR-toolkit Jekyll sites: Liquid → MyST, sidebars → toctrees, a conf.py."""
