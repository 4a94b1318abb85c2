"""From articles to the one events table: the pipeline, its rules, titles, categories, filters."""
