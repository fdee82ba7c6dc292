package starter

import (
	"bytes"
	"encoding/json"
	"os"
	"time"

	"github.com/skr/handslag/config"
	"github.com/skr/handslag/domain"
)

func defaultCycleConfig() domain.CycleConfig { return config.DefaultCycleConfig() }

// cycleFlags are the flags that say what a cycle runs on: a configuration file, or the
// default, optionally scaled for a demo.
type cycleFlags struct {
	cli       *CLI
	config    *string
	demo      *bool
	demoDay   *time.Duration
	demoStart *string
}

func (f *flags) cycleConfigFlags() cycleFlags {
	return cycleFlags{
		cli:       f.cli,
		config:    f.String("config", "", "cli.flag.config"),
		demo:      f.Bool("demo", false, "cli.flag.demo"),
		demoDay:   f.Duration("demo-day", time.Second, "cli.flag.demo-day"),
		demoStart: f.String("demo-start", "", "cli.flag.demo-start"),
	}
}

// resolve reads the configuration and builds the demo clock, started now.
func (cf cycleFlags) resolve(now time.Time) (domain.CycleConfig, domain.Clock, error) {
	cfg := defaultCycleConfig()
	if *cf.config != "" {
		data, err := os.ReadFile(*cf.config)
		if err != nil {
			return cfg, domain.Clock{}, templateError(*cf.config, err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		cfg = domain.CycleConfig{}
		if err := dec.Decode(&cfg); err != nil {
			return cfg, domain.Clock{}, templateError(*cf.config, err)
		}
	}
	var start time.Time
	if *cf.demo {
		cfg.Calendar.Name = "DEMO: " + cfg.Calendar.Name
		cfg.Calendar.Demo = &domain.DemoSettings{DayLength: *cf.demoDay}
	}
	if *cf.demoStart != "" {
		t, err := time.ParseInLocation("2006-01-02", *cf.demoStart, domain.Stockholm())
		if err != nil {
			return cfg, domain.Clock{}, usagef("%s", cf.cli.t("cli.cycle.bad_demo_start", "value", *cf.demoStart))
		}
		start = t.Add(9 * time.Hour)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, domain.Clock{}, err
	}
	return cfg, domain.NewClock(cfg.Calendar, now, start), nil
}
