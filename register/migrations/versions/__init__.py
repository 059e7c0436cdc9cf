"""One file per schema change, oldest first; never edit a released revision, add a new one."""
