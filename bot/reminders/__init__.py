"""Reminders: what the policies demand and when, over the register and the policy facts."""
