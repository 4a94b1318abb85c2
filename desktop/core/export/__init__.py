"""What leaves the app: the PDF brief's content, serialization, readable dates and names."""
