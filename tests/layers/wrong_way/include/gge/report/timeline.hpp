// A fixture, never compiled: a public header with no source folder of its own (src/report/ is
// missing in this tree), which the check reports.
