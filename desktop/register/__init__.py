"""The case register: models, migrations, repository functions and the audit chain."""
