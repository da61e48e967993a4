"""The embeddable web chat widget: static files and the routes that serve them."""
