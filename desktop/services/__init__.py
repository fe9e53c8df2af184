"""Use cases that the desk window and the command line both call: no Qt here."""
