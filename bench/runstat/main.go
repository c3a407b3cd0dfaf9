// Command runstat runs commands in turn, RUNS rounds, and prints each one's median wall time,
// median CPU time (user + system, of the process and its children) and median peak RSS (of
// the largest process of the run, as GNU time's %M), and the ratios of the first command's
// medians to each other one's. A round 0 warms the page cache and is not counted, unless
// -no-warmup says that every run starts cold anyway (a case that empties its caches). Alternating the commands round by round
// keeps a slow moment of the machine from falling on one of them only. Every command's
// output goes to a file, never /dev/null: GNU grep treats a /dev/null stdout like -q and
// stops at the first match.
//
//	runstat -runs 11 -out DIR -- zscopelint:./zscopelint -fail-on never tree/... ';;' grep:grep -rE PATTERN tree
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

type command struct {
	name      string
	argv      []string
	wall, cpu []time.Duration
	rss       []int64 // bytes
}

func main() {
	runs := flag.Int("runs", 11, "rounds")
	out := flag.String("out", os.TempDir(), "directory for the commands' output")
	target := flag.String("targets", "", "name=target pairs, separated by ';', printed beside the ratios (grep=wall <= 1.5, cpu <= 2)")
	noWarmup := flag.Bool("no-warmup", false, "no uncounted round 0: every run starts cold")
	flag.Parse()
	var cmds []*command
	var cur []string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		name, first, ok := strings.Cut(cur[0], ":")
		if !ok {
			fmt.Fprintln(os.Stderr, "runstat: a command starts with name:argv0")
			os.Exit(2)
		}
		cmds = append(cmds, &command{name: name, argv: append([]string{first}, cur[1:]...)})
		cur = nil
	}
	for _, a := range flag.Args() {
		if a == ";;" {
			flush()
			continue
		}
		cur = append(cur, a)
	}
	flush()
	if len(cmds) < 1 {
		fmt.Fprintln(os.Stderr, "runstat: no command")
		os.Exit(2)
	}
	first := 0 // round 0 warms the page cache and is not counted
	if *noWarmup {
		first = 1
	}
	for round := first; round <= *runs; round++ {
		for _, c := range cmds {
			f, err := os.Create(filepath.Join(*out, c.name+".out"))
			if err != nil {
				fmt.Fprintln(os.Stderr, "runstat:", err)
				os.Exit(2)
			}
			cmd := exec.Command(c.argv[0], c.argv[1:]...)
			cmd.Stdout, cmd.Stderr = f, f
			start := time.Now()
			_ = cmd.Run() // exit codes say findings, not failure
			wall := time.Since(start)
			f.Close()
			if cmd.ProcessState == nil {
				fmt.Fprintf(os.Stderr, "runstat: %s did not start\n", c.name)
				os.Exit(2)
			}
			if round > 0 {
				c.wall = append(c.wall, wall)
				c.cpu = append(c.cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
				c.rss = append(c.rss, peakRSS(cmd.ProcessState))
			}
		}
	}
	targets := map[string]string{}
	for _, t := range strings.Split(*target, ";") {
		if k, v, ok := strings.Cut(t, "="); ok {
			targets[k] = v
		}
	}
	fmt.Printf("%-22s %10s %10s %10s   (medians of %d alternating runs)\n", "command", "wall ms", "cpu ms", "peak MiB", len(cmds[0].wall))
	for _, c := range cmds {
		fmt.Printf("%-22s %10.1f %10.1f %10.1f\n", c.name, ms(median(c.wall)), ms(median(c.cpu)), float64(median(c.rss))/(1<<20))
	}
	for _, c := range cmds[1:] {
		w := ms(median(cmds[0].wall)) / ms(median(c.wall))
		u := ms(median(cmds[0].cpu)) / ms(median(c.cpu))
		line := fmt.Sprintf("ratio %s/%s: wall %.2f, cpu %.2f, peak RSS %.2f", cmds[0].name, c.name, w, u,
			float64(median(cmds[0].rss))/float64(max(1, median(c.rss))))
		if t, ok := targets[c.name]; ok {
			line += " (target: " + t + ")"
		}
		fmt.Println(line)
	}
}

func median[T time.Duration | int64](d []T) T {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
