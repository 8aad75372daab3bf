"""Stage 4, the build: the all-or-nothing pipeline from source to site, and the command line."""
