"""The register of international activities (issue 4): owns its tables; not yet built."""
