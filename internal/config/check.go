package config

// CheckConfig is the check: key of site.yaml, read by iptsite check and iptsite serve.
// Its zero value means the defaults below.
type CheckConfig struct {
	// ReadingLevel is the highest Flesch-Kincaid grade a page may score (default 7).
	ReadingLevel float64 `yaml:"readingLevel"`
	// PageWeight is the most a page may weigh, in KB (1024 bytes): its HTML and the
	// CSS and JavaScript it loads, each gzipped (default 30).
	PageWeight float64 `yaml:"pageWeight"`
	// Levels sets the level of a rule by its name: error, warning or off.
	// Rules left out keep their default level. A name that is not a rule, or a level
	// that is none of these, is an error at its line (see package check, Rules).
	Levels map[string]string `yaml:"levels"`
}
