"""The core as an HTTP API (``policyguide serve``): for the Teams bot and other integrations."""
