"""The bot's cogs: quotes (everyone), admin (ingest, auto-check, sync), listen (mentions, auto-check)."""
