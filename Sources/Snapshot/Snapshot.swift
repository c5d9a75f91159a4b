// Snapshot: reads snapshot directories into a typed model.
