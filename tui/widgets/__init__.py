"""The explorer's panes: article list, reading pane, entity panel, filter bar."""
