"""NLU pieces around Rasa: the spaCy pipeline config, entity patterns, and custom components."""

# the spaCy pipeline in build/spacy_pipeline names this factory; Rasa imports this package
# (for the custom components in config.yml) before SpacyNLP loads that pipeline
from bot.nlp import spelling  # noqa: F401
