"""A learned attribution tagger: a linear-chain CRF over the spaCy parse, trained on PolNeAR.

Each paragraph is tagged token by token with BIO tags for ``SOURCE`` / ``CUE`` / ``CONTENT``;
the tagged spans are grouped into relations through the parse (see :mod:`.decode`). The model
is packaged (``model.crfsuite``) and loaded lazily, once per process; training is
``python -m saidwhat.attribution.learned.train`` and never happens at run time.
"""

from saidwhat.attribution.learned.decode import LearnedRelation, open_tagger, predict_batch, predict_relations

__all__ = ["LearnedRelation", "open_tagger", "predict_batch", "predict_relations"]
