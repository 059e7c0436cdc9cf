"""The register of international activities (issue 4): owns its tables, migrations and rules.

Front ends call ``service.RegisterService`` (built from settings in ``bot/wiring_register.py``);
``db`` opens and migrates the database; ``parse`` reads a one-line chat command; ``report``
writes the annual report. Nothing here imports ``bot``, ``ingest`` or ``knowledge``.
"""
