"""Timeline maths: time scale, the index of events in view, lane and PDF layout, row packing."""
