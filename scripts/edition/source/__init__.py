"""Stage 1, the source: the text file normalised and parsed into the model, the documents it
cites found, the curated data file read and checked against it."""
