"""`python -m bot` runs the CLI, for environments without the console script on PATH."""

from bot.cli import main

main()
