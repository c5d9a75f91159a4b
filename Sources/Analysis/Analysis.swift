// Analysis: reachability, findings and who-can.
