"""Readable event titles (≤ 30 characters): who did what, built from the dated clause.

Not the first 30 characters of the sentence. The steps:

1. The *pieces*: the clause holding the date and the clauses after it in the sentence.
   A date that opens its clause (``2025年,我们将…``, ``预计明年6月投产``) is removed; a date
   inside a phrase (``是2014年的12倍``, ``落实2024年…座谈会``) stays, since the phrase needs it.
   Settings (``在…之年``) are skipped.
2. The *main* piece is the first with a verb. If it names no event but one of the next two
   pieces does (签约, 举办, 召开, 成立, 投产 … from the category cues), that piece is taken, with
   the main piece's subject put in front when it has none of its own.
3. A short title with no subject (``签约``, ``预计投产``) gets the organization the paragraph is
   about in front (``北京金城泰尔制药有限公司沧州分公司签约``); a clause opening with 是 gets the
   clause before it.
4. Too long: slogans in quotes before a name, ``由…主办的``, ``以“…”为主题的``, enumerations
   (``A、B、C`` → ``A等``), asides in brackets, fillers (``resources/cues/title_fillers.txt``), place phrases and
   ``暨…`` parts are dropped until it fits; only then is it cut with an ellipsis.

A name-year event (``2025宝坻新能源新材料产业发展大会``) is titled by the name itself.
"""

from __future__ import annotations

import re
from functools import cache

from desktop.core.dates import is_clock_time
from desktop.core.events.categories import category_cues
from desktop.core.resources import rows_of, word_list
from desktop.core.text.segmenter import pos_cut
from desktop.core.text.sentences import clause_spans
from desktop.core.text.tags import leading_tags_end, strip_leading_tags

MAX_TITLE = 30
#: Titles are built from at most this many characters around the date (the clause with
#: the date and what follows), so segmenting and tagging never see a huge sentence.
TITLE_WINDOW = 300
_BEFORE_DATE = 100
SHORT_TITLE = 8  # shorter than this with no subject: the paragraph's organization goes in front
HEADLINE_TITLE = 3  # this short or shorter, and the headline ends with it: the headline is the title
_NOMINAL = ("n", "nr", "ns", "nt", "nz", "j", "m", "q", "eng", "l")
_NAMES = ("n", "nr", "ns", "nt", "nz", "j", "eng")  # who or what a sentence may open with
_EDGE = " \t\u3000\n，,。；;：:、！？!?【】—-"
# brackets too: a cut clause keeps a pair (《焦点访谈》栏目, 签约（图）) and drops an orphan
_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")"}
_ANY_QUOTE = re.compile("[" + "".join(_QUOTES) + "".join(_QUOTES.values()) + "]")
_SETTING_START = ("在", "于", "值", "正值", "随着", "当")
_SETTING_END = ("之年", "之际", "期间", "之时", "时", "之初", "前夕", "以来")
_SPACES = re.compile(r"\s+")
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")


@cache
def _leading() -> tuple[str, ...]:
    """Words stripped from the head of a title's clause: ``title_leading.txt`` and the clock a
    date is told in (北京时间)."""
    words = word_list("cues", "title_leading.txt") + word_list("cues", "date_clock_labels.txt")
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _fillers() -> tuple[str, ...]:
    return word_list("cues", "title_fillers.txt")


@cache
def _event_words() -> tuple[str, ...]:
    """Words that name an event (the cues of the event categories, minus weak ones)."""
    strong = ("签约", "会议/推介会", "投产/开工/竣工", "成立/揭牌")
    weak = set(word_list("cues", "title_weak_event_words.txt"))
    cues = category_cues()
    words = {w for name in strong for w in cues.get(name, ()) if w not in weak}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _name_suffixes() -> tuple[str, ...]:
    return tuple(sorted(word_list("cues", "name_suffixes.txt"), key=len, reverse=True))


_THEME = re.compile(r"以[“\"‘「][^”\"’」]{1,40}[”\"’」]为(?:主题|题)的?")
_HOSTED_BY = re.compile(r"由[^，,。]{2,60}?(?:联合|共同)?(?:主办|承办|举办|发起|指导)的")
_SLOGAN_BEFORE_NAME = re.compile(r"[“\"「][^”\"」]{2,30}[”\"」](?=[\u4e00-\u9fff\d])")
_PLACE_PHRASE = re.compile(r"在[^，,。在]{2,24}?(?=举行|举办|召开|开幕|签约|成立|揭牌|落户|投产|开工|启动|发布)")
_ASIDE = re.compile(r"[（(][^（()）]{1,60}[）)]")  # an aside in brackets: coordinates, a person's age
_CONJOINED_NAME = re.compile(r"暨[^，,。在于]{2,30}?(?:会|仪式|活动|论坛|大会)(?=在|于|举|召|开|成|签|$)")


def _balance_quotes(text: str) -> str:
    """Drop quotation marks and brackets left without their partner by cutting a clause."""
    # only the marks are walked, not every character: titles clean 70,000 clauses of a
    # quarter of the shared corpus, and a walk over each was a twentieth of the extraction
    stack: list[tuple[str, int]] = []
    dropped: list[int] = []
    for match in _ANY_QUOTE.finditer(text):
        mark, index = match.group(), match.start()
        if mark in _QUOTES:
            stack.append((_QUOTES[mark], index))
        elif stack and stack[-1][0] == mark:
            stack.pop()
        else:
            dropped.append(index)
    dropped.extend(index for _, index in stack)
    if not dropped:
        return text
    pieces, previous = [], 0
    for index in sorted(dropped):
        pieces.append(text[previous:index])
        previous = index + 1
    pieces.append(text[previous:])
    return "".join(pieces)


def _clean(text: str) -> str:
    """Whitespace out (an info box breaks lines mid-phrase), quotes balanced, edges trimmed."""
    text = _SPACES.sub(" ", _CJK_SPACE.sub("", text))
    return _balance_quotes(text).strip(_EDGE)


def _opens_with_word(text: str, word: str) -> bool:
    """Whether ``text`` opens with ``word`` as a word: a one-character word such as 也 or 将
    is often the first character of another (也门, 将军)."""
    return len(word) > 1 or pos_cut(text[:8])[0][0] == word


def _strip_leading(text: str) -> str:
    text = _clean(strip_leading_tags(text.lstrip()))
    changed = True
    while changed and text:
        changed = False
        for word in _leading():
            if text.startswith(word) and len(text) > len(word) + 1 and _opens_with_word(text, word):
                text = _clean(text[len(word):])
                changed = True
                break
    return text


def _is_setting(raw: str) -> bool:
    core = _clean(raw)
    return core.startswith(_SETTING_START) and core.endswith(_SETTING_END)


def _is_when(rest: str) -> bool:
    """What a date that opened its clause left is a short time phrase (``结束时``, ``之际``;
    not a named period such as ``春运期间``, which says what the time was)."""
    core = _clean(rest)
    return 0 < len(core) <= 4 and core.endswith(("时", "之际"))


def _has_event_word(text: str) -> bool:
    return any(word in text for word in _event_words())


def _subject(words: list[tuple[str, str]]) -> str:
    """Leading nominal words of a clause: the doer, if the clause starts with one."""
    subject = []
    for word, flag in words:
        if flag.startswith(_NOMINAL) and not flag.startswith("v") and word not in "、，,":
            subject.append(word)
        else:
            break
    return "".join(subject)


def _has_verb(words: list[tuple[str, str]]) -> bool:
    return any(flag.startswith("v") for _, flag in words)


@cache
def _posts() -> tuple[str, ...]:
    return tuple(word_list("cues", "official_posts.txt"))


#: What a name does not start with: the posts are then those of people left unnamed.
_NOT_NAME_START = "等和与及的在于为是将对向从们"


def _is_post(word: str) -> bool:
    return word.endswith(_posts())


def _of_posts(word: str, flag: str) -> bool:
    """Whether a word can be part of a list of posts: a post, a noun (省人大常委会), a
    distinguishing word (副), a verbal noun (粤港澳大湾区建设领导小组), ``兼``, or the 和 of a
    body's name (中央军委深化国防和军队改革领导小组组长)."""
    return word in ("兼", "和") or _is_post(word) or flag.startswith(_NOMINAL) or flag in ("b", "vn")


def _end_of_posts(text: str, position: int) -> int | None:
    """Where the last post of a list of posts starting at ``position`` ends: its items are
    nominal words (or ``兼``) that end in a post, separated by ``、``; the first item that
    goes on past its post (the name) ends the list."""
    last_post_end = None
    offset = position
    words = pos_cut(text[position:position + 60])
    for number, (word, flag) in enumerate(words):
        if word == "、":
            if last_post_end != offset:
                break
        elif _is_post(word):
            last_post_end = offset + len(word)
        elif not _of_posts(word, flag) or (word == "和" and number + 1 < len(words) and _is_post(words[number + 1][0])):
            break  # 李希和省长马兴瑞: a name and the next person's post, not a body's name
        offset += len(word)
    return last_post_end


def drop_posts_before_name(text: str) -> str:
    """``中共中央总书记、国家主席、中央军委主席习近平在天津考察`` → ``习近平在天津考察``: a list of
    an official's posts (``resources/cues/official_posts.txt``) before the name goes, the name
    stays. Shortening it as an enumeration (``A等``) dropped the name, whom the event is about."""
    for mark in re.finditer("、", text):
        before = pos_cut(text[max(0, mark.start() - 24):mark.start()])
        first_length = 0
        for word, flag in reversed(before):
            if not _of_posts(word, flag):
                break
            first_length += len(word)
        start = mark.start() - first_length
        first = text[start:mark.start()]
        if not first or not _is_post(first):
            continue  # the first item is no post ending the way posts end
        # the list runs over the items that follow, each ending in a post; the name follows the last
        last_post_end = _end_of_posts(text, mark.end())
        if last_post_end is None or not re.match(r"[\u4e00-\u9fff]{2}", text[last_post_end:]) \
                or text[last_post_end] in _NOT_NAME_START:
            continue  # no name after the posts (主席、副主席等人出席)
        return text[:start] + text[last_post_end:]
    return text


def compress_enumeration(text: str) -> str:
    """``A、B、C同比增长`` → ``A等同比增长``: the first item of a list of three or more stands for all."""
    words = pos_cut(text)
    marks = [i for i, (w, _) in enumerate(words) if w == "、"]
    if len(marks) < 2:
        return text
    # the first run of consecutive 、-separated items
    run = [marks[0]]
    for mark in marks[1:]:
        between = words[run[-1] + 1 : mark]
        if (
            between
            and len("".join(w for w, _ in between)) <= 12
            and not any(w in "，,。；;：:" or flag[:1] in ("d", "m", "p") for w, flag in between)
        ):
            run.append(mark)
        else:
            break
    if len(run) < 2:
        return text
    first = run[0]
    while first > 0 and words[first - 1][1].startswith(_NOMINAL) and not words[first - 1][1].startswith("v"):
        first -= 1
    if first == run[0]:
        return text
    last = run[-1] + 1
    following = [w for w, _ in words[last : last + 5]]
    if "等" in following and not any(w in "，,。；;：:、" for w in following[: following.index("等")]):
        last += following.index("等")  # "…、中关村科技租赁等10多家": the list ends at 等
    else:
        while last < len(words) and words[last][1].startswith(_NOMINAL) and words[last][0] != "等":
            last += 1
    head = "".join(w for w, _ in words[:run[0]])
    rest = "".join(w for w, _ in words[last:])
    return head + ("" if rest.startswith("等") else "等") + rest


@cache
def _slogan_names() -> re.Pattern[str]:
    words = sorted({*word_list("cues", "title_slogan_names.txt"), *_name_suffixes()}, key=len, reverse=True)
    return re.compile(r"[^，,。；;：:（(“”\"\s]{0,16}?(?:" + "|".join(map(re.escape, words)) + ")")


def _slogan_dropped(match: re.Match[str]) -> str:
    """A quoted slogan before the name it qualifies goes (``“守护安全 畅通消费”消费维权年主题调查``,
    ``“…”京津中关村科技城推介会``): a word of ``resources/cues/title_slogan_names.txt`` or an
    event name's suffix follows within a few characters. Any other quote stays: it names what
    the event is about (``台风“白海豚”在日本…``, ``总台“何以文明”全球巡展日前启动``)."""
    return "" if _slogan_names().match(match.string, match.end()) else match.group(0)


def shorten(title: str, limit: int = MAX_TITLE) -> str:
    """Drop what carries no event until the title fits; cut with an ellipsis as a last resort."""
    title = _clean(title)
    for pattern in (_THEME, _HOSTED_BY):
        if len(title) > limit:
            title = _clean(pattern.sub("", title))
    if len(title) > limit:
        title = _clean(_SLOGAN_BEFORE_NAME.sub(_slogan_dropped, title))
    while len(title) > limit and (dropped := drop_posts_before_name(title)) != title:
        title = dropped  # one list of posts at a time (蔡奇…同越共中央政治局委员、…书记陈锦绣会谈)
    if len(title) > limit:
        title = compress_enumeration(title)
    if len(title) > limit:
        title = _clean(_ASIDE.sub("", title))  # 四川汶川县（北纬31.0度，东经103.4度）发生7.6级地震
    for filler in _fillers():
        if len(title) <= limit:
            break
        title = title.replace(filler, "")
    for pattern in (_PLACE_PHRASE, _CONJOINED_NAME):
        if len(title) > limit:
            title = pattern.sub("", title, count=1)
    if len(title) > limit and "，" in title:
        title = title.replace("，", "")
    title = _clean(title)
    if len(title) > limit:
        title = title[: limit - 1].rstrip(_EDGE) + "…"
    return title


def name_title(text: str, date_end: int, date_text: str) -> str | None:
    """For a name-year, the event name that follows it (``2025宝坻…产业发展大会``)."""
    window = text[date_end : date_end + 40]
    best = None
    for suffix in _name_suffixes():
        index = window.rfind(suffix)
        while index >= 0:
            segment = window[: index + len(suffix)]
            if re.fullmatch(r"[\u4e00-\u9fff·\d A-Za-z]+", segment):
                if best is None or len(segment) > len(best):
                    best = segment
                break
            index = window.rfind(suffix, 0, index)
    return _clean(date_text + best) if best else None


#: a bracket right after a date that opened its clause: the date again, in another clock or form
_GLOSS = re.compile(r"^\s*[（(][^（()）]{1,30}[）)]")
_PREP_BEFORE_DATE = re.compile(r"(?:于|在|从|自|到|至|截至|截止)$")
#: A preposition that makes the date its verb's argument (成立于1954年, 发生在凌晨, 延至今天), not
#: a since or as-of adverbial at the clause's end (…案件2.3万余件自去年4月, …截至1月27日)
_ARGUMENT_PREP = re.compile(r"(?<!截)(?<!截止)(?:于|在|到|至)$")


@cache
def _cue_words() -> tuple[str, ...]:
    """Words that may stand before a date at the head of a clause (预计明年6月投产)."""
    words = set(_leading()) | set(word_list("cues", "tense_planned.txt"))
    return tuple(sorted(words, key=len, reverse=True))


def _only_cues(text: str) -> bool:
    text = _clean(text)
    while text:
        word = next((w for w in _cue_words() if text.startswith(w)), None)
        if word is None:
            return False
        text = _clean(text[len(word):])
    return True


def _pieces(sentence: str, date_span: tuple[int, int], other_dates: list[tuple[int, int]]) -> tuple[list[str], bool]:
    """The dated clause and the clauses after it, up to the next clause with its own date;
    and whether the date opened its clause as its subject (``今天是国际家庭日``)."""
    ds, de = date_span
    clauses = clause_spans(sentence, 0, len(sentence))
    index = _clause_of(clauses, ds) or 0
    pieces = []
    copula = False
    for number, (s, e) in enumerate(clauses[index:]):
        if number > 0 and any(s <= o < e for o, _ in other_dates):
            break
        raw = sentence[s:e]
        if number == 0 and s <= ds < e:
            before = sentence[s:ds]
            before = before[leading_tags_end(before):]  # 【…】#话题#2月4日，… : the date opens the clause
            rest = sentence[de:e]
            if before.endswith(("从", "自")) and rest.startswith("起"):
                before, rest = before[:-1], rest[1:]  # 从2021年1月1日起，… : from then on
            if _only_cues(before):
                # The date opens its clause: drop it, keep a cue such as 预计 if a verb follows
                # (and the 的 that tied it to a noun: 2020年的城市建成区面积 → 城市建成区面积).
                rest = rest[1:] if rest.startswith("的") else rest
                rest = _GLOSS.sub("", rest)  # 20日中午12点02分(北京时间21日凌晨2点02分)，… : the time again
                copula = rest.startswith("是") and not rest.startswith("是否")
                raw = before + rest if _clean(rest) else ""
            elif _PREP_BEFORE_DATE.search(before) and not rest.startswith("的") and (
                    _clean(rest) or not _ARGUMENT_PREP.search(before)
                    or not _has_verb(pos_cut(_PREP_BEFORE_DATE.sub("", before)))):
                # …中心于2020年6月由…: the date goes with its preposition; not when it ends a clause
                # whose verb governs it (时间设在9点30分, 会议延至今天: without it a fragment)
                raw = _PREP_BEFORE_DATE.sub("", before) + rest
        if _is_setting(raw):
            continue
        if number == 0 and raw != sentence[s:e] and len(clauses) > index + 1 and _is_when(raw):
            continue  # 到5月7日结束时，体重降至49公斤: what the date left says when, not what
        text = _strip_leading(raw)
        if text and not is_clock_time(text):  # 2008年5月12日，北京时间14点28分，… : when, not what
            pieces.append(text)
    return pieces, copula


def event_title(
    sentence: str,
    date_span: tuple[int, int],
    context_orgs: list[str] | None = None,
    previous_clause: str | None = None,
    other_dates: list[tuple[int, int]] | None = None,
    limit: int = MAX_TITLE,
    headline: str | None = None,
) -> str:
    """Title for the event dated by ``sentence[date_span[0]:date_span[1]]``.

    ``context_orgs``: organizations the paragraph is about, nearest first, to name the
    doer of a clause that has none (``签约`` → ``北京金城泰尔制药有限公司沧州分公司签约``).
    ``headline``: the article's, which stands for a title of a bare verb it ends with
    (``出院`` → ``江西首例治愈患者出院``).
    """
    if len(sentence) > TITLE_WINDOW:
        start = max(0, date_span[0] - _BEFORE_DATE)
        end = min(len(sentence), max(date_span[1], start + TITLE_WINDOW))
        sentence = sentence[start:end]
        date_span = (date_span[0] - start, date_span[1] - start)
        other_dates = [(s - start, e - start) for s, e in other_dates or [] if start <= s < end]
    if previous_clause and len(previous_clause) > TITLE_WINDOW // 2:
        previous_clause = previous_clause[-(TITLE_WINDOW // 2):]
    pieces, copula = _pieces(sentence, date_span, other_dates or [])
    pieces = pieces[:6]
    if not pieces:
        # 昨天（7月14日），2020年空军招飞定选工作全面展开: the date's clause held only the date and
        # the next one has a date of its own, yet it says what happened
        following = _next_clause(sentence, date_span, other_dates or [])
        return shorten(following if following else sentence, limit)
    words = [pos_cut(piece) for piece in pieces]
    main = next(
        (i for i, p in enumerate(pieces) if (_has_verb(words[i]) or _has_event_word(p)) and len(p) >= 2),
        0,
    )
    if _is_report_frame(pieces[main]):
        # 据美国媒体20日报道，“林肯”号航母…: the news is what was reported, in the first clause
        # after the frame that tells something (not 受低压影响, 最新数据显示, 北京地区)
        main = next((i for i in range(main + 1, min(main + 4, len(pieces))) if _tells_news(pieces[i], words[i])), main)
    title = pieces[main]
    own_subject = _subject(words[main])
    if own_subject == title:
        own_subject = ""  # a bare noun (试生产) is the event, not its doer
    if not _has_event_word(title):
        for i in range(main + 1, min(main + 3, len(pieces))):
            if _has_event_word(pieces[i]) and _has_verb(words[i]):
                other_subject = _subject(words[i])
                title = pieces[i] if other_subject or not own_subject else own_subject + pieces[i]
                own_subject = other_subject or own_subject
                break
    if len(title) < 2 and not words[main][0][1].startswith("vn"):
        # 12月7号起，旅客就可上网购票: the date's own clause left one character (not 1903年生,
        # born), and the next clause tells what happened
        # (even when it has a date of its own: 春运第一天 is not this event, but says what it is)
        following = pieces[main + 1:] or _pieces(sentence, date_span, [])[0][1:]
        title = next((p for p in following if len(p) >= 2), title)
    if title in word_list("cues", "title_start_words.txt"):
        # 从本周末开始，多项国际冰雪赛事将陆续拉开帷幕: what starts is told after the start
        following = [i for i in range(main + 1, len(pieces)) if len(pieces[i]) >= 2]
        told = next((i for i in following if _has_verb(words[i])), following[0] if following else None)
        title = pieces[told] if told is not None else title
    if copula and title is pieces[0] and len(title) > 3:
        title = title[1:]  # 今天是国际家庭日: the date was the subject; the day is what it was
    elif title.startswith(("是", "为")) and previous_clause:
        title = _strip_leading(previous_clause) + "，" + title
    elif (
        not own_subject and title in word_list("cues", "title_document_verbs.txt")
        and (document := _document_before(sentence, date_span))
    ):
        # 建设部发布了《…管理办法》，2004年5月1日起施行: the document takes effect
        title = document + title
    elif not own_subject and len(title) < SHORT_TITLE and context_orgs and _has_event_word(title):
        # 签约, 正式揭牌: an organization's act, and the paragraph's organization did it; not
        # 出现发热 (a patient's) or 起正常上班, whose doer an organization's name would misstate
        org = next((o for o in context_orgs if o not in title), None)
        if org:
            title = org + _strip_leading(title)
    elif (
        main == 1
        and all(flag.startswith(_NOMINAL) for _, flag in words[0])
        and len(pieces[0]) + len(title) <= limit
    ):
        # A setting with no verb right before ("广西…农场，农民在采收…") belongs to the event.
        title = pieces[0] + title
    elif (
        not own_subject and len(title) < SHORT_TITLE and _has_verb(pos_cut(title))
        and (opener := _opening_subject(sentence, date_span))
    ):
        # 李保国，河北武邑人，1958年出生: a short event is about whom the sentence opens with
        title = opener + _strip_leading(title)
    if headline and len(title) <= HEADLINE_TITLE and len(headline) > len(title) and headline.endswith(title):
        # 上述2名患者经综合诊治，今日出院 under 北京今日有2名…患者出院: the headline says who
        title = headline
    return shorten(title, limit)


@cache
def _report_frames() -> dict[str, tuple[str, ...]]:
    """The rows of ``title_report_frames.txt`` by kind: ``opener``, ``ending``, ``adverbial``."""
    kinds: dict[str, tuple[str, ...]] = {"opener": (), "ending": (), "adverbial": ()}
    for kind, *words in rows_of("cues", "title_report_frames.txt"):
        kinds[kind] = kinds.get(kind, ()) + tuple(words)
    return kinds


def _tells_news(clause: str, words: list[tuple[str, str]]) -> bool:
    """Whether a clause after a report frame can title the news: it has a verb or some length and is neither
    another frame (消息人士透露) nor an adverbial (随着…, 受…影响)."""
    text = _clean(clause)
    frames = _report_frames()
    # jieba tags some verbs as nouns (遭遇): a long clause is taken without one, a short
    # one (北京地区) only with one
    return ((_has_verb(words) and len(text) >= 4) or len(text) >= SHORT_TITLE) \
        and not text.endswith(frames["ending"]) and not text.startswith(frames["adverbial"])


def _is_report_frame(clause: str) -> bool:
    """Whether a clause only says who reported the news (``据美国媒体20日报道``, ``记者从…获悉``)."""
    text = _clean(clause)
    frames = _report_frames()
    return len(text) > 3 and text.startswith(frames["opener"]) and text.endswith(frames["ending"])


#: words that open a clause restating the date before it (…下周一，也就是3月17日)
_RESTATING = ("就是", "也就是", "即")


def _clause_of(clauses: list[tuple[int, int]], position: int) -> int | None:
    """The index of the clause holding ``position``, or None."""
    return next((i for i, (s, e) in enumerate(clauses) if s <= position < e), None)


def _next_clause(sentence: str, date_span: tuple[int, int], other_dates: list[tuple[int, int]]) -> str | None:
    """The clause after the date's that can title it although it holds a date of its own: one
    with a verb that the date does not fill (not 也就是10月14号, 立案后的第二天, 除夕夜)."""
    clauses = clause_spans(sentence, 0, len(sentence))
    index = _clause_of(clauses, date_span[0])
    if index is None or index + 1 >= len(clauses):
        return None
    start, end = clauses[index + 1]
    text = _strip_leading(sentence[start:end])
    dated = sum(max(0, min(end, oe) - max(start, os)) for os, oe in other_dates)
    if len(text) < 6 or dated * 3 >= end - start or text.startswith(_RESTATING) or not _has_verb(pos_cut(text)):
        return None
    return text



_DOCUMENT_NAME = re.compile(r"《[^《》\n]{1,40}》")


def _document_before(sentence: str, date_span: tuple[int, int]) -> str:
    """The last 《…》 the sentence names before the date, or ""."""
    names = [m.group() for m in _DOCUMENT_NAME.finditer(sentence, 0, date_span[0])]
    return names[-1] if names else ""


def _opening_subject(sentence: str, date_span: tuple[int, int]) -> str:
    """The sentence's first clause when it is a short name and the date is in a later clause
    (``李保国``, ``病例5``), else ""."""
    clauses = clause_spans(sentence, 0, len(sentence))
    if len(clauses) < 2 or clauses[0][1] > date_span[0]:
        return ""
    first = _strip_leading(sentence[clauses[0][0]:clauses[0][1]])
    if not first or len(first) >= SHORT_TITLE or first in word_list("cues", "title_not_openers.txt"):
        return ""
    flags = [flag for _, flag in pos_cut(first)]
    # names and nouns, a number after them (病例5); not a phrase such as 说白了 or 相比之下 (l)
    named = flags[0].startswith(_NAMES) and all(flag.startswith(_NAMES + ("m", "q")) for flag in flags)
    return first if named else ""
