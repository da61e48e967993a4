"""NLU pieces around Rasa: the spaCy pipeline config, entity patterns, and custom components."""
