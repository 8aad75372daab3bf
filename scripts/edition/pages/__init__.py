"""Stage 2, the pages: view models and Jinja2 templates that turn the model into the site's
generated Markdown pages (HTML inside), the visuals, the glossary, the navigation."""
