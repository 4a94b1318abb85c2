"""Pure-Python engine: articles in, dated events out. Never imports Qt."""
