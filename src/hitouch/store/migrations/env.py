"""Alembic environment: runs on the connection that `hitouch.store.migrate` hands over."""

from alembic import context

from hitouch.store.migrate import managed_by_models
from hitouch.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transactional_ddl=True,
    include_name=managed_by_models,
)
with context.begin_transaction():
    context.run_migrations()
