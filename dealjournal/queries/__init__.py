"""Read-side SQL for the window's lists (no Qt here: the core never imports it)."""
