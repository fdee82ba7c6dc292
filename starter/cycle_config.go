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
	config    *string
	demo      *bool
	demoDay   *time.Duration
	demoStart *string
}

func (f *flags) cycleConfigFlags() cycleFlags {
	return cycleFlags{
		config:    f.String("config", "", "konfiguration (JSON; se 'handslag cycle config') i stället för standarden"),
		demo:      f.Bool("demo", false, "DEMO: skalad kalender där en dag varar --demo-day"),
		demoDay:   f.Duration("demo-day", time.Second, "DEMO: hur länge en kalenderdag varar"),
		demoStart: f.String("demo-start", "", "DEMO: kalenderdatum demot börjar på (ÅÅÅÅ-MM-DD, standard i dag)"),
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
			return cfg, domain.Clock{}, usagef("--demo-start %q: skriv datumet som ÅÅÅÅ-MM-DD", *cf.demoStart)
		}
		start = t.Add(9 * time.Hour)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, domain.Clock{}, err
	}
	return cfg, domain.NewClock(cfg.Calendar, now, start), nil
}
