"""Recording and replay: the recorder (a raw-message tap on any source), the record file format and replay."""
