"""Subset Noto Sans CJK SC to the characters GBK encodes (see README.md). Needs fontTools."""
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

src, weight = sys.argv[1], sys.argv[2]
coll = TTCollection(src)
font = None
for f in coll.fonts:
    name = f['name'].getDebugName(1)
    if 'SC' in name and 'Mono' not in name:
        font = f; print('using', name); break
# Characters: everything GBK can encode (GB2312 + the rest of GBK's CJK incl. traditional forms),
# plus ASCII, Latin-1, general punctuation, CJK symbols, full-width forms.
chars = set()
for cp in range(0x20, 0x10000):
    ch = chr(cp)
    try:
        ch.encode('gbk')
        chars.add(cp)
    except UnicodeEncodeError:
        pass
chars |= set(range(0x20, 0x250)) | set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0)) | set(range(0x2460, 0x24FF))
options = subset.Options()
options.layout_features = ['*']
options.name_IDs = ['*']
options.name_languages = ['*']
options.notdef_outline = True
options.hinting = False
options.desubroutinize = False
sub = subset.Subsetter(options)
sub.populate(unicodes=chars)
sub.subset(font)
out = f'NotoSansSC-{weight}-GBK.otf'
font.save(out)
import os; print(out, os.path.getsize(out)/1e6, 'MB', len(chars), 'code points requested')
