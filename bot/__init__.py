"""Front ends (CLI, chat bots) and the wiring that builds the core from settings."""
