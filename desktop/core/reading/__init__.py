"""Reading files: decoding, saved web pages, splitting into articles, publication dates."""
