"""Tables derived from the extracted events: one module per table, each a pure function."""
