"""Stories and timelines across articles (issue 17): a pure library over typed inputs.

- :func:`features_of` turns an analysed article into :class:`ArticleFeatures` (persisted as JSON);
- :class:`StoryClusterer` files articles into stories online, one pass, in time order;
- :func:`timeline_doc` and :func:`stories_doc` give the ``saidwhat/1-timeline`` and
  ``saidwhat/1-stories`` objects of ``docs/contract.md`` / ``../shared/CONTRACT.md``.

See docs/stories.md.
"""

from saidwhat.stories.cluster import (
    ClusterParams,
    Decision,
    StoryClusterer,
    cluster,
    default_params,
)
from saidwhat.stories.export import stories_doc, story_summary, story_title
from saidwhat.stories.features import (
    FEATURES_SCHEMA,
    ArticleFeatures,
    DatedStatement,
    DateMention,
    Span,
    features_of,
)
from saidwhat.stories.timeline import (
    KeyDate,
    TimelineParams,
    default_timeline_params,
    key_dates,
    timeline_doc,
)

__all__ = [
    "FEATURES_SCHEMA",
    "ArticleFeatures",
    "ClusterParams",
    "DateMention",
    "DatedStatement",
    "Decision",
    "KeyDate",
    "Span",
    "StoryClusterer",
    "TimelineParams",
    "cluster",
    "default_params",
    "default_timeline_params",
    "features_of",
    "key_dates",
    "stories_doc",
    "story_summary",
    "story_title",
    "timeline_doc",
]
