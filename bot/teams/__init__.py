"""The Microsoft Teams front end: a Microsoft 365 Agents SDK process that calls the core API.

It runs on Python 3.12 (the SDK's floor) in its own virtualenv without torch; everything it
knows about policies and the register comes from ``policyguide serve`` over HTTP, so Teams and
Slack give the same answers from the same database. Only ``bot.command_words`` is shared in
process, because it is standard-library code.
"""
