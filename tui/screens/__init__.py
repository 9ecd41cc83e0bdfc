"""The explorer's screens: the three panes, help, and the load report."""
