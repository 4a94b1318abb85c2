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
        assert segmenter.read_pieces(path, int) is None
        tok = jieba.Tokenizer()
        segmenter._initialize(tok)
        assert tok.FREQ == jieba_own.FREQ
        assert segmenter.read_pieces(path, int) is not None  # written again, right this time


_MIXED_TEXTS = [
    "京津冀协同发展产业园签约仪式在天津举行。",
    "1月27日0—24时，重庆市报告新增确诊病例22例（其中：武汉市894例）。",
    "GDP增长6.5%，iPhone 15 Pro\r\n在上海发布；蒋荣猛表示，C919 大飞机首航。",
    "  \u3000全角空格　和\t制表符\n\n换行，ＡＢＣ全角字母",
    "",
]


@pytest.mark.parametrize("hmm", [True, False])
def test_words_are_jiebas_words_whether_remembered_or_not(monkeypatch, hmm):
    monkeypatch.setattr(segmenter, "_memo", {True: {}, False: {}})
    tok = segmenter.tokenizer()
    assert tok.lcut(_MIXED_TEXTS[2], HMM=True) != tok.lcut(_MIXED_TEXTS[2], HMM=False)
    for text in _MIXED_TEXTS:
        segmenter.words(text, not hmm)  # the other mode's words are not taken for these
        assert segmenter.words(text, hmm) == tok.lcut(text, HMM=hmm)  # cut anew
        assert segmenter.words(text, hmm) == tok.lcut(text, HMM=hmm)  # from the memo
    # a sentence of an article already cut is looked up, not cut again
    article = "".join(_MIXED_TEXTS)
    segmenter.words(article, hmm)
    monkeypatch.setattr(tok, "lcut", lambda *a, **k: pytest.fail("cut again"))
    assert segmenter.words(_MIXED_TEXTS[1], hmm) == segmenter.words(_MIXED_TEXTS[1], hmm)


def test_the_memo_of_blocks_stays_bounded(monkeypatch):
    monkeypatch.setattr(segmenter, "_memo", {True: {}, False: {}})
    monkeypatch.setattr(segmenter, "MEMO_BLOCKS", 10)
    for number in range(50):
        segmenter.words(f"第{number}篇，文章")
    assert 0 < len(segmenter._memo[True]) <= 10
    assert segmenter.words("第49篇，文章") == segmenter.tokenizer().lcut("第49篇，文章")


def test_the_kept_idf_table_is_jiebas_own_and_a_bad_copy_is_written_again(temp_dir):
    import jieba.analyse

    from desktop.core.text import keyterms

    own = jieba.analyse.default_tfidf
    try:
        keyterms._base_idf.cache_clear()
        assert keyterms._base_idf() == (own.idf_freq, own.median_idf)  # from jieba, then kept
        [kept] = list(temp_dir.glob("desktop-timeline-*-jieba-idf-*.pieces"))
        keyterms._base_idf.cache_clear()
        idf, median = keyterms._base_idf()  # read back from the copy
        assert idf is not own.idf_freq and idf == own.idf_freq and median == own.median_idf
        kept.write_bytes(b"not a pickle")
        keyterms._base_idf.cache_clear()
        assert keyterms._base_idf() == (own.idf_freq, own.median_idf)
        assert segmenter.read_pieces(kept, float) is not None  # written again, right this time
    finally:
        keyterms._base_idf.cache_clear()
