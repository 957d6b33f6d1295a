"""The desktop window, built on the core (which never imports this package)."""
