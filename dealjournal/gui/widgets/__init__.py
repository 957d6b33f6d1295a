"""Small reusable widgets of the window (charts, labels)."""
