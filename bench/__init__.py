"""`make bench`: Hearth's speed targets, measured on this machine with wrk over loopback."""
