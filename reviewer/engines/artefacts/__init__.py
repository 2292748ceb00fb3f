"""Our own detectors for the errors machine translation makes and grammar checkers miss."""
