"""Stage 2, the open formats made from the model: resolution.json and its schema, the plain
text, Akoma Ntoso, the reference-manager files, the citation forms, the media types."""
