<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CorrectionsMixin</name>
    <message>
        <source>正在应用修改…</source>
        <extracomment>Above this many events, corrections are applied in the background (the window stays usable; a burst of edits shows the last state); below, at once. Merging events across articles takes about a second for 15,000 events (more the first time, while their words are segmented): above this many, it never runs on the GUI thread. False: every event its own item (only the user&apos;s own merges join events). The corrected events, one row per event (the model shows one row per merged item).</extracomment>
        <translation>Applying changes…</translation>
    </message>
    <message>
        <source>打开项目文件</source>
        <translation>Open Project File</translation>
    </message>
    <message>
        <source>项目文件 (*.json)</source>
        <translation>Project files (*.json)</translation>
    </message>
    <message>
        <source>项目另存为</source>
        <translation>Save Project As</translation>
    </message>
    <message>
        <source>项目已保存到 %s</source>
        <translation>Project saved to %s</translation>
    </message>
    <message>
        <source>%s：%s</source>
        <translation>%s: %s</translation>
    </message>
    <message>
        <source>%s：未能读取（%s）</source>
        <translation>%s: could not be read (%s)</translation>
    </message>
    <message>
        <source>%s：提示（%s）</source>
        <translation>%s: note (%s)</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>新建事件</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>merge</translation>
    </message>
    <message>
        <source>拆分</source>
        <translation>split</translation>
    </message>
    <message>
        <source>%s未能对应到当前文本（%s：“%s”）：已保留在项目文件中</source>
        <translation>%s no longer matches the current text (%s: “%s”): kept in the project file</translation>
    </message>
    <message>
        <source>修改“%s”</source>
        <translation>Edit “%s”</translation>
    </message>
    <message>
        <source>隐藏“%s”</source>
        <translation>Hide “%s”</translation>
    </message>
    <message>
        <source>恢复显示</source>
        <translation>Show again</translation>
    </message>
    <message>
        <source>发布日期改为 %s</source>
        <translation>Publication date set to %s</translation>
    </message>
    <message>
        <source>新建事件“%s”</source>
        <translation>New event “%s”</translation>
    </message>
    <message>
        <source>请选择至少两个事件再合并</source>
        <translation>Select at least two events to merge</translation>
    </message>
    <message numerus="yes">
        <source>合并 %Ln 个事件</source>
        <translation>
            <numerusform>Merge %Ln event</numerusform>
            <numerusform>Merge %Ln events</numerusform>
        </translation>
    </message>
    <message>
        <source>所选事件没有合并的来源</source>
        <translation>The selected events have no merged sources</translation>
    </message>
    <message>
        <source>拆分“%s”</source>
        <translation>Split “%s”</translation>
    </message>
    <message>
        <source>拆出“%s”</source>
        <translation>Take out “%s”</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>（已修改）</source>
        <extracomment>Marked for lupdate; the pane translates them where it shows them.</extracomment>
        <translation> (edited)</translation>
    </message>
    <message>
        <source>（手动添加）</source>
        <translation> (added by hand)</translation>
    </message>
    <message>
        <source>原文表述</source>
        <translation>As written</translation>
    </message>
    <message>
        <source>时态</source>
        <translation>Tense</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <source>金额/数量</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <source>关键词</source>
        <translation>Key terms</translation>
    </message>
    <message>
        <source>推算依据</source>
        <translation>Resolved by</translation>
    </message>
    <message>
        <source>来源文章</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>媒体</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <source>发布日期</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>在时间线或列表中选择事件，查看详情。</source>
        <translation>Select an event on the timeline or in the list to see its details.</translation>
    </message>
    <message>
        <source>原句</source>
        <translation>Sentence</translation>
    </message>
    <message>
        <source>双击（或按回车）一个来源，在原文中显示它的句子</source>
        <translation>Double-click a source (or press Enter) to show its sentence in the text</translation>
    </message>
    <message>
        <source>将此来源拆出(&amp;O)</source>
        <translation>Take This S&amp;ource Out</translation>
    </message>
    <message>
        <source>这个来源报道的是另一件事：把它从合并项中拆出</source>
        <translation>This source reports another happening: take it out of the merged item</translation>
    </message>
    <message>
        <source>在原文中显示</source>
        <translation>Show in Source</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>隐藏此事件</source>
        <translation>Hide This Event</translation>
    </message>
    <message>
        <source>修改发布日期…</source>
        <translation>Set Publication Date…</translation>
    </message>
    <message>
        <source>设定这篇文章的发布日期；文中的相对日期随之重新推算</source>
        <translation>Set this article&apos;s publication date; its relative dates are worked out again from it</translation>
    </message>
    <message>
        <source>拆分…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <source>这些来源报道的不是同一件事：拆成各自的事件</source>
        <translation>These sources do not report one happening: split them into their own events</translation>
    </message>
    <message numerus="yes">
        <source>已选 %Ln 个事件</source>
        <translation>
            <numerusform>%Ln event selected</numerusform>
            <numerusform>%Ln events selected</numerusform>
        </translation>
    </message>
    <message>
        <source>时间跨度：</source>
        <translation>Span: </translation>
    </message>
    <message>
        <source>所记日期：%1（发布当日，文中未写日期）</source>
        <translation>Dated %1 (the day it was published: no date in its text)</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <translation>  </translation>
    </message>
    <message>
        <source>（已隐藏）</source>
        <translation> (hidden)</translation>
    </message>
    <message>
        <source>恢复显示</source>
        <translation>Show again</translation>
    </message>
    <message>
        <source>&#x3000;·&#x3000;</source>
        <translation>  ·  </translation>
    </message>
    <message>
        <source>文中未写日期，取发布日期</source>
        <translation>none in the text: the publication date</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message numerus="yes">
        <source>%Ln 个来源报道了此事</source>
        <translation>
            <numerusform>Reported by %Ln source</numerusform>
            <numerusform>Reported by %Ln sources</numerusform>
        </translation>
    </message>
    <message>
        <source>各来源所记日期：%s</source>
        <translation>Dates the sources give: %s</translation>
    </message>
    <message>
        <source>%1. %2 · 《%3》 · 发布 %4</source>
        <translation>%1. %2 · “%3” · published %4</translation>
    </message>
    <message>
        <source>所记日期：%1（“%2”）</source>
        <translation>Dated %1 (“%2”)</translation>
    </message>
</context>
<context>
    <name>EditEventDialog</name>
    <message>
        <source>修改事件</source>
        <translation>Edit Event</translation>
    </message>
    <message>
        <source>用顿号分隔，如：天津市、宝坻区</source>
        <translation>Separated by commas, e.g. 天津市, 宝坻区</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>精度</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>时刻</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>时态</source>
        <translation>Tense</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>结束日期早于开始日期</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <source>标题不能为空</source>
        <translation>The title cannot be empty</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>程序出错</source>
        <translation>Something Went Wrong</translation>
    </message>
    <message>
        <source>发生了一个意外错误。程序仍可继续使用；已完成的修改不会丢失。
请复制下面的报告发给开发者。</source>
        <translation>An unexpected error occurred. You can go on using the app; the changes you made are not lost.
Please copy the report below and send it to the developers.</translation>
    </message>
    <message>
        <source>报告已写入：%s</source>
        <translation>The report was written to: %s</translation>
    </message>
    <message>
        <source>报告未能写入日志文件。</source>
        <translation>The report could not be written to the log file.</translation>
    </message>
    <message>
        <source>复制报告</source>
        <translation>Copy Report</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>同一错误又发生了 %Ln 次。</source>
        <translation>
            <numerusform>The same error happened %Ln more time.</numerusform>
            <numerusform>The same error happened %Ln more times.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>精度</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>时态</source>
        <translation>Tense</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>来源文章</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>来源数</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>● 某日|◉ 点线：据发布日期（文中未写日期）|▭ 月/年/时间段|◌ 虚线：计划|渐隐：至今</source>
        <translation>● one day|◉ dotted: on its publication day (no date in its text)|▭ month / year / period|◌ dashed: planned|fading: up to now</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>自动分泳道</source>
        <extracomment>The names of the lane modes of :data:`desktop.core.vocab.LANE_MODES`, in menu order. Marked for lupdate in the MainWindow context; the window translates them where it shows them.</extracomment>
        <translation>Lanes: Automatic</translation>
    </message>
    <message>
        <source>按文章分泳道</source>
        <translation>Lanes by Article</translation>
    </message>
    <message>
        <source>按来源分泳道</source>
        <translation>Lanes by Source</translation>
    </message>
    <message>
        <source>按类别分泳道</source>
        <translation>Lanes by Category</translation>
    </message>
    <message>
        <source>按地点分泳道</source>
        <translation>Lanes by Place</translation>
    </message>
    <message>
        <source>单一泳道</source>
        <translation>One Lane</translation>
    </message>
    <message>
        <source>新闻时间线</source>
        <translation>News Timeline</translation>
    </message>
    <message>
        <source>修改已保存</source>
        <translation>Changes saved</translation>
    </message>
    <message>
        <source>未能保存修改：%s</source>
        <translation>Changes could not be saved: %s</translation>
    </message>
    <message>
        <source>上次打开的 %s 已不存在；</source>
        <translation>%s, open last time, no longer exists; </translation>
    </message>
    <message>
        <source>事件列表</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>打开文件(&amp;O)…</source>
        <translation>&amp;Open Files…</translation>
    </message>
    <message>
        <source>打开文件夹(&amp;D)…</source>
        <translation>Open Fol&amp;der…</translation>
    </message>
    <message>
        <source>导出所选事件为 PDF(&amp;E)…</source>
        <translation>&amp;Export Selected Events as PDF…</translation>
    </message>
    <message>
        <source>导出所选事件为 PDF 简报</source>
        <translation>Export the selected events as a PDF brief</translation>
    </message>
    <message>
        <source>打开项目文件(&amp;P)…</source>
        <translation>Open &amp;Project File…</translation>
    </message>
    <message>
        <source>项目另存为(&amp;A)…</source>
        <translation>Save Project &amp;As…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>搜索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>在事件中搜索；焦点在原文中时，在原文中查找</source>
        <translation>Search the events; find in the source text when it has the focus</translation>
    </message>
    <message>
        <source>放大(&amp;I)</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>缩小(&amp;O)</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>显示全部(&amp;A)</source>
        <translation>Fit &amp;All</translation>
    </message>
    <message>
        <source>缩放到所选(&amp;S)</source>
        <translation>Zoom to &amp;Selection</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>修改所选事件(&amp;M)…</source>
        <translation>&amp;Modify Selected Event…</translation>
    </message>
    <message>
        <source>隐藏/恢复所选事件(&amp;H)</source>
        <translation>&amp;Hide/Show Selected Event</translation>
    </message>
    <message>
        <source>以所选文字新建事件(&amp;N)…</source>
        <translation>&amp;New Event from Selected Text…</translation>
    </message>
    <message>
        <source>合并所选事件(&amp;G)</source>
        <translation>Mer&amp;ge Selected Events</translation>
    </message>
    <message>
        <source>所选事件报道的是同一件事：合为一项，列出各个来源</source>
        <translation>The selected events report one happening: make them one item that lists every source</translation>
    </message>
    <message>
        <source>拆分合并的事件(&amp;T)</source>
        <translation>Spli&amp;t Merged Event</translation>
    </message>
    <message>
        <source>合并有误：拆成各个来源各自的事件</source>
        <translation>A wrong merge: split it into each source&apos;s own event</translation>
    </message>
    <message>
        <source>自动合并各家报道的同一事件(&amp;A)</source>
        <translation>Merge reports of the same event &amp;automatically</translation>
    </message>
    <message>
        <source>关闭时每篇文章的事件各为一项，只有手动合并的事件合为一项</source>
        <translation>When off, every article&apos;s events are items of their own; only events you merged yourself are joined</translation>
    </message>
    <message>
        <source>显示已隐藏的事件(&amp;D)</source>
        <translation>Show Hid&amp;den Events</translation>
    </message>
    <message>
        <source>高亮关键词(&amp;K)</source>
        <translation>Highlight &amp;Key Terms</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>搜索：词 词、A OR B、-词、&quot;短语&quot;、地点:天津、2023年</source>
        <translation>Search: words, A OR B, -word, &quot;phrase&quot;, place:…, 2023</translation>
    </message>
    <message>
        <source>在标题、原句、关键词、地点、机构和文章标题中搜索（繁简、全角半角、大小写都算同一字）。
天津 签约&#x3000;两个词都要有
天津 OR 河北&#x3000;有其一即可
-招商&#x3000;不含这个词
&quot;产业园 揭牌&quot;&#x3000;整个短语
地点:天津（place:）&#x3000;事件地点，含其下辖区县
类别:签约（category:）&#x3000;来源:人民日报（source:）
2023年、2020-2022、2024年3月&#x3000;与这段时间重叠的事件</source>
        <translation>Searches titles, sentences, key terms, places, organizations and article titles (traditional and simplified characters, full and half width, upper and lower case count as one).
word1 word2    both words
word1 OR word2    either word
-word    without this word
&quot;two words&quot;    the exact phrase
place:name    events at a place, the districts inside it included
category:signing    source:outlet
2023, 2020-2022, 2024-03    events overlapping that time</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>全部地点</source>
        <translation>All places</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>只看与这段时间重叠的事件（修改日期即开启）</source>
        <translation>Only events that overlap this period (editing a date turns it on)</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear Filters</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>快捷键(&amp;K)</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>只显示这一泳道的事件；点击取消</source>
        <translation>Only this lane&apos;s events are shown; click to show all</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>打开文章</source>
        <translation>Open Articles</translation>
    </message>
    <message>
        <source>文章 (*.txt *.md *.html *.htm);;所有文件 (*)</source>
        <translation>Articles (*.txt *.md *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <source>新闻时间线 — %s</source>
        <translation>News Timeline — %s</translation>
    </message>
    <message>
        <source>正在读取文章…</source>
        <translation>Reading articles…</translation>
    </message>
    <message>
        <source>正在处理 %s（%d%%）</source>
        <translation>Processing %s (%d%%)</translation>
    </message>
    <message>
        <source>%s，%s</source>
        <translation>%s, %s</translation>
    </message>
    <message numerus="yes">
        <source>%Ln 篇文章</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln 个事件</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>；%Ln 个文件未能读取（见“问题”）</source>
        <translation>
            <numerusform>; %Ln file could not be read (see Problems)</numerusform>
            <numerusform>; %Ln files could not be read (see Problems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>；%Ln 个重复文件已跳过（见“问题”）</source>
        <translation>
            <numerusform>; %Ln duplicate file skipped (see Problems)</numerusform>
            <numerusform>; %Ln duplicate files skipped (see Problems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，合并为 %Ln 项</source>
        <translation>
            <numerusform>, merged into %Ln item</numerusform>
            <numerusform>, merged into %Ln items</numerusform>
        </translation>
    </message>
    <message>
        <source>提取失败：%s</source>
        <translation>Extraction failed: %s</translation>
    </message>
    <message>
        <source>已取消；已显示的事件保留</source>
        <translation>Cancelled; the events shown so far are kept</translation>
    </message>
    <message>
        <source>只看泳道：%s ✕</source>
        <translation>Only lane: %s ✕</translation>
    </message>
    <message numerus="yes">
        <source>筛选后 %d / %Ln 项</source>
        <translation>
            <numerusform>Filtered: %d of %Ln item</numerusform>
            <numerusform>Filtered: %d of %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>没有事件符合搜索和筛选条件。
点“清除筛选”可再看全部 %Ln 项。</source>
        <translation>
            <numerusform>No event matches the search and filters.
Clear Filters shows all %Ln item again.</numerusform>
            <numerusform>No event matches the search and filters.
Clear Filters shows all %Ln items again.</numerusform>
        </translation>
    </message>
    <message>
        <source>视野约 %.0f 年</source>
        <translation>About %.0f years in view</translation>
    </message>
    <message>
        <source>视野约 %.0f 个月</source>
        <translation>About %.0f months in view</translation>
    </message>
    <message>
        <source>视野约 %.0f 天</source>
        <translation>About %.0f days in view</translation>
    </message>
    <message>
        <source>视野约 %.0f 小时</source>
        <translation>About %.0f hours in view</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface Language</translation>
    </message>
    <message>
        <source>界面将在程序重新启动后改用 %s。现在重新启动吗？</source>
        <translation>The interface will be in %s once the app restarts. Restart now?</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>时间线：滚轮缩放（以光标处为中心），Shift+滚轮或横向滚动平移，拖动平移，Shift/Ctrl+拖动框选；+ / − 缩放，0 显示全部，Z 缩放到所选；←/→、PageUp/PageDown、Home/End 移动，↑/↓ 换泳道；Alt+←/→（或 Ctrl+←/→）上一个/下一个事件；Ctrl+A 全选，Esc 取消选择；双击放大；点击计数徽标列出其中的事件（双击：放大到它们）。
窗口：Tab / Shift+Tab 在时间线、事件列表、详情、原文和搜索框之间移动；Alt+字母或 F10 打开菜单；Ctrl+F 搜索事件（焦点在原文时在原文中查找）；Ctrl+E 导出所选事件为 PDF；Ctrl+Z / Ctrl+Shift+Z 撤销/重做；F2 修改所选事件；Delete 隐藏/恢复。</source>
        <translation>Timeline: the wheel zooms (around the pointer), Shift+wheel or a sideways scroll pans, dragging pans, Shift/Ctrl+drag selects a box; + / − zoom, 0 fits all, Z zooms to the selection; ←/→, PageUp/PageDown, Home/End move, ↑/↓ change lanes; Alt+←/→ (or Ctrl+←/→) previous/next event; Ctrl+A selects all, Esc clears the selection; a double click zooms in; a click on a count badge lists its events (double click: zoom to them).
Window: Tab / Shift+Tab move between the timeline, the event list, the details, the source text and the search box; Alt+letter or F10 open the menus; Ctrl+F searches the events (finds in the source text when it has the focus); Ctrl+E exports the selected events as a PDF; Ctrl+Z / Ctrl+Shift+Z undo/redo; F2 edits the selected event; Delete hides/shows it.</translation>
    </message>
    <message>
        <source>事件简报</source>
        <translation>event-brief</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>没有选中的事件。请先在时间线或列表中选择要导出的事件。</source>
        <translation>No event is selected. Select the events to export on the timeline or in the list first.</translation>
    </message>
    <message>
        <source>所选事件都已隐藏，没有可导出的事件。</source>
        <translation>All the selected events are hidden: there is nothing to export.</translation>
    </message>
    <message numerus="yes">
        <source>正在导出 %Ln 个事件…</source>
        <translation>
            <numerusform>Exporting %Ln event…</numerusform>
            <numerusform>Exporting %Ln events…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已导出 %Ln 个事件到 %s</source>
        <translation>
            <numerusform>Exported %Ln event to %s</numerusform>
            <numerusform>Exported %Ln events to %s</numerusform>
        </translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <source>全部时间范围：点击或拖动以移动视图</source>
        <translation>The whole time range: click or drag to move the view</translation>
    </message>
    <message>
        <source>全局</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <source>项目文件已损坏</source>
        <translation>The Project File Is Damaged</translation>
    </message>
    <message>
        <source>无法打开项目文件</source>
        <translation>Cannot Open the Project File</translation>
    </message>
    <message>
        <source>%s。

本程序的修改将保存在 %s，下次打开时仍会读取。</source>
        <translation>%s.

Your changes will be saved in %s and read again next time.</translation>
    </message>
</context>
<context>
    <name>PublishedDialog</name>
    <message>
        <source>修改发布日期</source>
        <translation>Set Publication Date</translation>
    </message>
    <message>
        <source>文章：%s</source>
        <translation>Article: %s</translation>
    </message>
    <message>
        <source>这篇文章中的相对日期（今天、昨日、上周五……）将按这个日期重新推算。</source>
        <translation>The relative dates of this article (today, yesterday, last Friday…) will be worked out again from this date.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>发布日期</source>
        <translation>Published</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <source>高亮关键词</source>
        <translation>Highlight key terms</translation>
    </message>
    <message>
        <source>选择事件后，这里显示它的原文。</source>
        <translation>Select an event to see its source text here.</translation>
    </message>
    <message>
        <source>在原文中查找</source>
        <translation>Find in source text</translation>
    </message>
    <message>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message numerus="yes">
        <source>在时间线上只看含“%s”的 %Ln 个事件</source>
        <translation>
            <numerusform>Show only the %Ln event containing “%s” on the timeline</numerusform>
            <numerusform>Show only the %Ln events containing “%s” on the timeline</numerusform>
        </translation>
    </message>
    <message>
        <source>日期不详</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>&#x3000;·&#x3000;</source>
        <translation>  ·  </translation>
    </message>
    <message>
        <source>以所选文字新建事件…</source>
        <translation>New Event from Selected Text…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln 处</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <source>%1 ·%Ln源</source>
        <translation>
            <numerusform>%1 · %Ln source</numerusform>
            <numerusform>%1 · %Ln sources</numerusform>
        </translation>
    </message>
    <message>
        <source>没有事件</source>
        <translation>No events</translation>
    </message>
    <message>
        <source>没有符合筛选条件的事件</source>
        <translation>No event matches the filters</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message numerus="yes">
        <source>（%Ln）</source>
        <translation>
            <numerusform> (%Ln)</numerusform>
            <numerusform> (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln 个事件</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln 个事件（放大查看）</source>
        <translation>
            <numerusform>%Ln event (zoom in to see it)</numerusform>
            <numerusform>%Ln events (zoom in to see them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>其中 %Ln 个符合搜索</source>
        <translation>
            <numerusform>%Ln of them matches the search</numerusform>
            <numerusform>%Ln of them match the search</numerusform>
        </translation>
    </message>
    <message>
        <source>展开此泳道</source>
        <translation>Expand This Lane</translation>
    </message>
    <message>
        <source>折叠此泳道</source>
        <translation>Collapse This Lane</translation>
    </message>
    <message>
        <source>全部折叠</source>
        <translation>Collapse All Lanes</translation>
    </message>
    <message>
        <source>全部展开</source>
        <translation>Expand All Lanes</translation>
    </message>
    <message>
        <source>只看此泳道：%s</source>
        <translation>Only This Lane: %s</translation>
    </message>
    <message numerus="yes">
        <source>…另有 %Ln 个（全部选中后在列表中查看）</source>
        <translation>
            <numerusform>…and %Ln more (select all to see them in the list)</numerusform>
            <numerusform>…and %Ln more (select all to see them in the list)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>全部选中（%Ln 个）</source>
        <translation>
            <numerusform>Select All (%Ln)</numerusform>
            <numerusform>Select All (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>放大到这些事件</source>
        <translation>Zoom to These Events</translation>
    </message>
</context>
<context>
    <name>WindowExports</name>
    <message>
        <source>CSV 表格（UTF-8，Excel 可直接打开） (*.csv)</source>
        <extracomment>Formats that list events one by one: a merged item is written as all of its sources.</extracomment>
        <translation>CSV table (UTF-8, opens in Excel) (*.csv)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>TimelineJS 时间线 JSON (*.json)</source>
        <translation>TimelineJS timeline JSON (*.json)</translation>
    </message>
    <message>
        <source>iCalendar 日历 (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG 矢量图 (*.svg)</source>
        <translation>SVG vector image (*.svg)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>TimelineJS</source>
        <translation>TimelineJS</translation>
    </message>
    <message>
        <source>iCalendar</source>
        <translation>iCalendar</translation>
    </message>
    <message>
        <source>PNG 图片</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <source>SVG 矢量图</source>
        <translation>SVG image</translation>
    </message>
    <message>
        <source>导出(&amp;X)</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>CSV 表格(&amp;C)…</source>
        <translation>&amp;CSV Table…</translation>
    </message>
    <message>
        <source>Excel 工作簿(&amp;X)…</source>
        <translation>E&amp;xcel Workbook…</translation>
    </message>
    <message>
        <source>JSON(&amp;J)…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <source>TimelineJS 网页时间线(&amp;T)…</source>
        <translation>&amp;TimelineJS Web Timeline…</translation>
    </message>
    <message>
        <source>iCalendar 日历（精确到日的事件）(&amp;I)…</source>
        <translation>&amp;iCalendar (Events with a Day)…</translation>
    </message>
    <message>
        <source>导出所选事件；未选择时导出当前显示的全部事件</source>
        <translation>Exports the selected events; with no selection, all the events shown</translation>
    </message>
    <message>
        <source>时间线图片 PNG（当前视野）(&amp;P)…</source>
        <translation>Timeline as &amp;PNG Image (Current View)…</translation>
    </message>
    <message>
        <source>时间线矢量图 SVG（当前视野）(&amp;S)…</source>
        <translation>Timeline as &amp;SVG Image (Current View)…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>无法写入 %s：%s</source>
        <translation>Cannot write %s: %s</translation>
    </message>
    <message>
        <source>所选事件都已隐藏，没有可导出的事件。</source>
        <translation>All the selected events are hidden: there is nothing to export.</translation>
    </message>
    <message>
        <source>没有显示的事件可导出。请清除筛选或打开文章。</source>
        <translation>No event is shown, so there is nothing to export. Clear the filters or open articles.</translation>
    </message>
    <message>
        <source>这些事件都未精确到日，日历中没有可写入的事件。</source>
        <translation>None of these events is dated to the day: there is nothing to put in a calendar.</translation>
    </message>
    <message>
        <source>这些事件的年份都不详，无法放上时间线。</source>
        <translation>None of these events has a known year; they cannot be placed on a timeline.</translation>
    </message>
    <message numerus="yes">
        <source>导出为 %s — 所选 %d 个事件中精确到日的 %Ln 个</source>
        <translation>
            <numerusform>Export as %s — of the %d selected events, the %Ln dated to the day</numerusform>
            <numerusform>Export as %s — of the %d selected events, the %Ln dated to the day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>导出为 %s — 显示的 %d 个事件中精确到日的 %Ln 个</source>
        <translation>
            <numerusform>Export as %s — of the %d events shown, the %Ln dated to the day</numerusform>
            <numerusform>Export as %s — of the %d events shown, the %Ln dated to the day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>导出为 %s — 所选 %d 个事件中年份已知的 %Ln 个</source>
        <translation>
            <numerusform>Export as %s — of the %d selected events, the %Ln with a known year</numerusform>
            <numerusform>Export as %s — of the %d selected events, the %Ln with a known year</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>导出为 %s — 显示的 %d 个事件中年份已知的 %Ln 个</source>
        <translation>
            <numerusform>Export as %s — of the %d events shown, the %Ln with a known year</numerusform>
            <numerusform>Export as %s — of the %d events shown, the %Ln with a known year</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>导出为 %s — 所选的 %Ln 个事件</source>
        <translation>
            <numerusform>Export as %s — the %Ln selected event</numerusform>
            <numerusform>Export as %s — the %Ln selected events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>导出为 %s — 显示的全部 %Ln 个事件</source>
        <translation>
            <numerusform>Export as %s — the %Ln event shown</numerusform>
            <numerusform>Export as %s — all %Ln events shown</numerusform>
        </translation>
    </message>
    <message>
        <source>事件</source>
        <translation>events</translation>
    </message>
    <message numerus="yes">
        <source>正在导出 %Ln 个事件…</source>
        <translation>
            <numerusform>Exporting %Ln event…</numerusform>
            <numerusform>Exporting %Ln events…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已导出 %Ln 个事件到 %s</source>
        <translation>
            <numerusform>Exported %Ln event to %s</numerusform>
            <numerusform>Exported %Ln events to %s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>（%Ln 个年份不详的事件未写入）</source>
        <translation>
            <numerusform> (%Ln event with no known year left out)</numerusform>
            <numerusform> (%Ln events with no known year left out)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>（%Ln 个未精确到日的事件未写入）</source>
        <translation>
            <numerusform> (%Ln event not dated to the day was left out)</numerusform>
            <numerusform> (%Ln events not dated to the day were left out)</numerusform>
        </translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>导出时间线为 %s — 当前视野</source>
        <translation>Export the Timeline as %s — Current View</translation>
    </message>
    <message>
        <source>时间线</source>
        <translation>timeline</translation>
    </message>
    <message>
        <source>已导出时间线图片到 %s</source>
        <translation>Timeline image exported to %s</translation>
    </message>
</context>
</TS>
