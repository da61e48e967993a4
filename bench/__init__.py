"""`make bench`: this assistant against a default `rasa init` assistant, in one run.

Run `python -m bench.run --help`. Plain Python and the standard library only: the
servers under test run as subprocesses, so this process never imports Rasa.
"""
