"""Connectors to the organisation's own systems, and the gather engine. No Qt."""
