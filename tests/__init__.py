"""argmap's test suite."""
