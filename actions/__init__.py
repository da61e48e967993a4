"""Custom actions of the BPO-or-call-center assistant (run by `rasa run actions`)."""
