"""Timeline viewer for Chinese regional-development news.

The package is split in two: ``desktop.core`` is pure Python (reading articles, dates,
events, key terms) and never imports Qt; ``desktop.gui`` is the Qt layer on top.
Importing this package is cheap: nothing heavy (jieba, pandas, Qt) loads here.
"""

__version__ = "0.1.0"
