"""PDF output through LaTeX: what real field guides need for pdflatex to finish."""
