"""Import and export: reports, exports and the .review project file."""
