"""The source-aware engine: checks each translation unit's target against its source."""
