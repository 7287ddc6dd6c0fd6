// A fixture, never compiled: stands for a private header of the CLI layer.
