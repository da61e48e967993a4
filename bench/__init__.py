"""`make bench`: this assistant against a default `rasa init` assistant, in one run.

Run `python -m bench.run --help`. The servers under test run as subprocesses; this
process loads no model (it reads NLU data with Rasa's own loader, `rasa.shared`).
"""
