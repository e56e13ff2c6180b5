package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/readability"
)

// levels reads the levels of site.yaml's check: key over the rules' defaults.
func (c *checker) levels() {
	c.level = map[RuleName]string{}
	var names []string
	for _, r := range Rules {
		c.level[r.Name] = r.Level
		names = append(names, string(r.Name))
	}
	keys := make([]string, 0, len(c.cfg.Check.Levels))
	for k := range c.cfg.Check.Levels {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := c.cfg.Check.Levels[k]
		line := c.cfg.Line("check.levels." + k)
		if _, ok := c.level[RuleName(k)]; !ok {
			c.siteFinding(line, Error, RuleBuild, fmt.Sprintf("check.levels: unknown rule %q; the rules are %s", k, strings.Join(names, ", ")))
			continue
		}
		if v != Error && v != Warning && v != Off {
			c.siteFinding(line, Error, RuleBuild, fmt.Sprintf("check.levels: %s: level %q must be error, warning or off", k, v))
			continue
		}
		c.level[RuleName(k)] = v
	}
	if c.cfg.Check.ReadingLevel < 0 {
		c.siteFinding(c.cfg.Line("check.readingLevel"), Error, RuleBuild, "check.readingLevel must be a grade above 0, such as 7")
	}
	if c.cfg.Check.PageWeight < 0 {
		c.siteFinding(c.cfg.Line("check.pageWeight"), Error, RuleBuild, "check.pageWeight must be a size in KB above 0, such as 30")
	}
}

func (c *checker) readingLevel() float64 {
	if c.cfg.Check.ReadingLevel > 0 {
		return c.cfg.Check.ReadingLevel
	}
	return DefaultReadingLevel
}

func (c *checker) pageWeight() float64 {
	if c.cfg.Check.PageWeight > 0 {
		return c.cfg.Check.PageWeight
	}
	return DefaultPageWeight
}

func (c *checker) siteFinding(line int, level string, rule RuleName, msg string) {
	c.r.add(Finding{Path: config.File, Line: line, Level: level, Rule: rule, Message: msg})
}

// defaultCrisis returns the crisis lines of the default site.yaml for language lang.
func (c *checker) defaultCrisis(lang string) []config.CrisisLine {
	if c.origin.Defaults == nil {
		return nil
	}
	return c.origin.Defaults.For(lang).Crisis
}

// siteRules checks site.yaml: the reading-level rules of its languages and its crisis lines.
func (c *checker) siteRules() {
	for _, lang := range c.cfg.Langs() {
		key := "languages." + lang + "."
		if lang == c.cfg.Language {
			key = ""
		}
		if !readability.Supported(lang) && c.level[RuleReadingLevel] != Off {
			line := c.cfg.Line("language")
			if key != "" {
				line = c.cfg.Line(strings.TrimSuffix(key, "."))
			}
			c.siteFinding(line, Warning, RuleReadingLevel,
				fmt.Sprintf("language %q has no reading-level rules here: its pages are measured as English", lang))
		}
		if len(c.cfg.For(lang).Crisis) == 0 && c.level[RuleCrisisBox] != Off {
			c.siteFinding(c.cfg.Line(key+"crisis"), c.level[RuleCrisisBox], RuleCrisisBox,
				"no crisis lines: every page must say where to get help now; add your local numbers under "+key+"crisis:")
		}
	}
	level := c.level[RuleCrisisDefaults]
	if level == Off {
		return
	}
	if !c.origin.OwnConfig {
		c.siteFinding(0, level, RuleCrisisDefaults,
			"set your local crisis numbers: the site has no site.yaml, so it shows the United States defaults; "+
				"copy the one iptsite init writes and edit its crisis lines")
		return
	}
	if len(c.cfg.Crisis) > 0 && slices.Equal(c.cfg.Crisis, c.defaultCrisis(c.cfg.Language)) {
		c.siteFinding(c.cfg.Line("crisis"), level, RuleCrisisDefaults,
			"set your local crisis numbers: these are the United States defaults")
	}
	for _, lang := range c.cfg.Langs()[1:] {
		own := c.cfg.Languages[lang].Crisis
		if len(own) > 0 && slices.Equal(own, c.defaultCrisis(lang)) {
			c.siteFinding(c.cfg.Line("languages."+lang+".crisis"), level, RuleCrisisDefaults,
				fmt.Sprintf("set your local crisis numbers for %s: these are the United States defaults", lang))
		}
	}
}
