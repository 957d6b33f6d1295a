"""The bench is run by hand (see README.md here), never collected by the default pytest run."""

collect_ignore_glob = ["*"]
