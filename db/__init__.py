"""Local storage: SQLAlchemy models, engine set-up, migrations, queries and de-duplication."""
