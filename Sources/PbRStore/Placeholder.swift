enum PlaceholderPbRStore {}
