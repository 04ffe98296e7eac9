"""The stages of quote extraction; ``quotebot.extract`` runs them over an article.

text → spans → cues (with candidates) → entities and resolve → Quote rows. Each
module's docstring says what it takes and gives.
"""
