"""Qt models over the core's read-side queries."""
