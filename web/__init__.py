"""HTML pages: Jinja2 + jinja2-fragments + htmx, thin over the domain services."""
