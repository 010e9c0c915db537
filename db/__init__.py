"""Local storage: SQLAlchemy models, engine set-up, migrations, queries and de-duplication."""

# Registers the flush hook that keeps derived columns (keys, search text) in step.
from db import derived as _derived  # noqa: F401
