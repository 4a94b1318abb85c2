"""jieba's dictionary kept in small pieces (desktop.core.text.segmenter): the same dictionary
as jieba's own loading, read back without one long call, and anything else in its place is
ignored, never trusted."""

from __future__ import annotations

import jieba
import pytest

from desktop.core.text import segmenter


@pytest.fixture
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(segmenter.tempfile, "gettempdir", lambda: str(tmp_path))
    return tmp_path


def test_the_kept_pieces_are_jiebas_own_dictionary(temp_dir):
    first = jieba.Tokenizer()
    segmenter._initialize(first)  # jieba's own loading, then the pieces are written
    [kept] = list(temp_dir.glob("desktop-timeline-*.pieces"))
    assert kept.stat().st_size > 1_000_000
    second = jieba.Tokenizer()
    segmenter._initialize(second)
    assert second.initialized and second.FREQ == first.FREQ and second.total == first.total
    text = "京津冀协同发展产业园签约仪式在天津举行"
    assert second.lcut(text) == first.lcut(text)


def test_pieces_that_are_not_ours_are_ignored_and_written_again(temp_dir):
    jieba_own = jieba.Tokenizer()
    jieba_own.initialize()
    path = segmenter._pieces_path(jieba_own)
    import os
    import pickle

    class Planted:
        def __reduce__(self):
            return (os.system, ("echo planted",))

    for bad in (b"not a pickle", pickle.dumps(12) + pickle.dumps(Planted()), pickle.dumps("total")):
        path.write_bytes(bad)
        assert segmenter._read_pieces(path) is None
        tok = jieba.Tokenizer()
        segmenter._initialize(tok)
        assert tok.FREQ == jieba_own.FREQ
        assert segmenter._read_pieces(path) is not None  # written again, right this time
