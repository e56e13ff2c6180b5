package worksheet

// Convert is for the tests of package worksheet_test, which build sites through
// internal/sitetest and so cannot be in this package.
var Convert = convert
