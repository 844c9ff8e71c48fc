enum PlaceholderPbRImport {}
