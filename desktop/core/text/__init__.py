"""Words of the text: segmentation, sentences, key terms, places, organizations, amounts, numerals, search."""
