"""Key terms: domain words stay whole, boilerplate is dropped, occurrences carry offsets."""

from __future__ import annotations

from desktop.core.text.keyterms import (
    candidate_words,
    corpus_key_terms,
    stopwords,
    term_occurrences,
)
from desktop.core.text.segmenter import cut


def test_domain_words_stay_whole():
    words = cut("京津中关村科技城推介会在天开高教科创园举行，培育新质生产力，服务北三县，推动京津冀协同发展，中关村企业入驻。")
    for term in ("京津中关村科技城", "天开高教科创园", "新质生产力", "北三县", "京津冀", "中关村"):
        assert term in words


def test_boilerplate_is_stopped(seeds_corpus):
    for term in ("责任编辑", "版权", "分享到"):
        assert term in stopwords()
    for info in seeds_corpus.articles:
        assert not {t.term for t in info.keyterms} & {"责任编辑", "版权", "分享到", "我市"}


def test_a_number_s_unit_glued_to_the_next_word_is_no_key_term():
    # jieba cuts 126例有湖北 as 126 / 例有 / 湖北 and 18日称 as 18 / 日称: fragments, not words
    words = cut("全省126例有湖北居住史，当局18日称，42人留院观察，31个省份，1-2月份")
    candidates = candidate_words(words)
    assert {"例有", "日称", "人留院", "月份"}.isdisjoint(candidates)
    assert {"湖北", "居住", "观察", "省份"} <= set(candidates)


def test_counts_are_no_key_terms_but_round_words_are():
    candidates = candidate_words(cut("六个省份的两名医生来到千年古城，庆祝建党百年，1400万人口"))
    assert {"六个", "两名"}.isdisjoint(candidates)
    assert {"省份", "医生", "千年", "古城", "百年", "人口"} <= set(candidates)

def test_corpus_idf_lowers_shared_words():
    a = cut("京津冀协同发展。雄安新区建设加快，雄安新区吸引企业。") * 3
    b = cut("京津冀协同发展。宝坻区建设科技城，宝坻区引进项目。") * 3
    terms_a, terms_b = corpus_key_terms([a, b])
    rank_a = [t.term for t in terms_a]
    assert rank_a.index("雄安新区") < rank_a.index("京津冀")
    assert terms_a[0].weight == 1.0 and all(t.count >= 1 for t in terms_a)
    assert "宝坻区" in [t.term for t in terms_b][:3]


def test_occurrences_have_offsets_longest_first():
    text = "京津中关村科技城与中关村合作。"
    spans = term_occurrences(text, ["中关村", "京津中关村科技城"])
    assert [(text[s:e], term) for s, e, term in spans] == [("京津中关村科技城", "京津中关村科技城"), ("中关村", "中关村")]


def test_seed_articles_have_highlightable_terms(seeds_corpus):
    for info in seeds_corpus.articles:
        if info.article.kind != "article":
            continue
        assert len(info.keyterms) >= 5
        text = info.article.doc.text
        assert all(text[s:e] == term for s, e, term in info.term_spans)



def test_term_spans_follow_the_key_terms_they_were_given(seeds_corpus):
    from copy import copy

    from desktop.core.text.keyterms import KeyTerm

    info = copy(next(i for i in seeds_corpus.articles if i.article.kind == "article"))
    first = info.keyterms[0].term
    assert any(term == first for _, _, term in info.term_spans)
    last = info.keyterms[-1].term
    info.weighed([KeyTerm(last, 1.0, 1)])
    text = info.article.doc.text
    start, end = info.article.span
    assert text[start:end].count(last) >= 1
    assert [term for _, _, term in info.term_spans] == [last] * text[start:end].count(last)
    assert all(text[s:e] == last and start <= s for s, e, _ in info.term_spans)


def test_compact_word_counts_read_as_the_counters_they_keep():
    import pickle
    from collections import Counter

    from desktop.core.text.keyterms import corpus_key_terms, document_frequencies
    from desktop.core.text.wordcounts import WordCounts

    articles = [Counter({"天津": 3, "签约": 1}), Counter(), Counter({"签约": 2, "园区": 5, "天津": 1}), Counter({"园区": 1})]
    counts = WordCounts()
    counts.extend(articles[:2])
    counts.extend(articles[2:])
    assert len(counts) == 4
    assert list(counts.part(0)) == [dict(c) for c in articles]
    assert counts.document_frequencies() == document_frequencies(articles)
    part = counts.part(2, 4)
    travelled = pickle.loads(pickle.dumps(part))  # as a worker gets it: only the words it uses
    assert list(travelled) == [dict(articles[2]), dict(articles[3])] and len(travelled.words) == 3
    frequency = document_frequencies(articles)
    assert corpus_key_terms(travelled, candidates=True, document_frequency=frequency, n_docs=4) == \
        corpus_key_terms(articles[2:], candidates=True, document_frequency=frequency, n_docs=4)
