"""Everything a worker process needs before its first file, loaded once in the process that
forks the workers.

Imported by multiprocessing's *forkserver* (its ``preload``, see
:mod:`desktop.core.events.parallel`): the server loads jieba's dictionary, the key terms' IDF
table and the libraries the engine imports only when a file needs them (trafilatura for a
saved page, htmldate, the lunar calendar), then forks
each worker with all of it in place. Loaded in every worker instead, on its first files,
they cost each worker about 1.5 s of a core — while the single process pays them once — and
each worker kept its own copy of the dictionary's memory.
"""

from __future__ import annotations

import charset_normalizer  # noqa: F401 - text files of unknown encoding
import htmldate  # noqa: F401
import lunar_python  # noqa: F401 - lunar dates
import trafilatura  # noqa: F401 - saved pages

import desktop.core.events.perfile  # noqa: F401
import desktop.core.events.pipeline  # noqa: F401
import desktop.core.events.wording  # noqa: F401 - the merging's words
import desktop.core.reading.webpage  # noqa: F401
from desktop.core.text.keyterms import base_idf_of
from desktop.core.text.segmenter import tokenizer

tokenizer()
base_idf_of(())
