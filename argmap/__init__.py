"""argmap: argument maps as typed data, with validation and Graphviz diagrams."""
