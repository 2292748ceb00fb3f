"""The PySide6 GUI. Everything Qt lives here; the domain stays in reviewer.core."""
