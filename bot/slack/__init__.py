"""The Slack adapter: Bolt listeners that parse, call ``bot.core.Commands``, render and post."""
