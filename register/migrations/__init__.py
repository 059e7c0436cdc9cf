"""Alembic migrations of the register, shipped inside the package so installs can upgrade."""
