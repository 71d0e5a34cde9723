// Package enginetest runs a Go example's program on the real Pulumi engine for the examples' end-to-end tests
// (`e2e_test.go` in examples/go-gate and examples/go-edgeone). The program runs as an Automation API inline
// program, in the test's process, so no Go language host is needed: only the `pulumi` CLI on PATH, with
// PULUMI_HOME, PULUMI_BACKEND_URL and PULUMI_CONFIG_PASSPHRASE set for an offline stack. The caller starts an
// emulator and names it, the credentials and the plugin through `<PREFIX>_ENDPOINT`, `<PREFIX>_SECRET_ID`,
// `<PREFIX>_SECRET_KEY` and `<PREFIX>_PLUGIN_DIR`.
package enginetest

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Example names a Go example: its project, the prefix of its environment variables and the stack config key its
// endpoint goes in (`tencentcloud-purge:endpoint` for the CDN, `tencentcloud-purge:teoEndpoint` for EdgeOne).
type Example struct {
	Project     string
	EnvPrefix   string
	EndpointKey string
}

// required reads an environment variable the test cannot run without.
func required(t *testing.T, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		t.Fatalf("%s is not set: this test runs against an emulator the caller starts (see the package comment)", name)
	}
	return v
}

// Stack makes a fresh stack of `program` with the connection from the environment and `config` (keys without the
// project's prefix), and destroys it when the test ends.
//
//	stack := enginetest.Example{"go-gate", "GO_GATE", "tencentcloud-purge:endpoint"}.Stack(t, gateProgram, map[string]string{"warm": "true"})
func (e Example) Stack(t *testing.T, program pulumi.RunFunc, config map[string]string) auto.Stack {
	t.Helper()
	ctx := context.Background()
	project := workspace.Project{
		Name:    tokens.PackageName(e.Project),
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Plugins: &workspace.Plugins{Providers: []workspace.PluginOptions{
			{Name: "tencentcloud-purge", Path: required(t, e.EnvPrefix+"_PLUGIN_DIR")},
		}},
	}
	// A stack per test, named after it, in a work folder of its own: tests sharing a backend never meet.
	name := strings.ToLower(t.Name())
	stack, err := auto.UpsertStackInlineSource(ctx, name, e.Project, program, auto.Project(project), auto.WorkDir(t.TempDir()))
	if err != nil {
		t.Fatalf("creating the stack: %v", err)
	}
	all := auto.ConfigMap{
		"tencentcloud-purge:secretId":  {Value: required(t, e.EnvPrefix+"_SECRET_ID")},
		"tencentcloud-purge:secretKey": {Value: required(t, e.EnvPrefix+"_SECRET_KEY"), Secret: true},
		e.EndpointKey:                  {Value: required(t, e.EnvPrefix+"_ENDPOINT")},
	}
	for k, v := range config {
		all[e.Project+":"+k] = auto.ConfigValue{Value: v}
	}
	if err := stack.SetAllConfig(ctx, all); err != nil {
		t.Fatalf("setting config: %v", err)
	}
	t.Cleanup(func() {
		if _, err := stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stdout)); err != nil {
			t.Errorf("destroy: %v", err)
		}
		if err := stack.Workspace().RemoveStack(ctx, name); err != nil {
			t.Errorf("removing the stack: %v", err)
		}
	})
	return stack
}

// Up runs `pulumi up` and returns the stack's outputs; an error fails the test.
//
//	out := enginetest.Up(t, stack)
func Up(t *testing.T, stack auto.Stack) auto.OutputMap {
	t.Helper()
	result, err := stack.Up(context.Background(), optup.ProgressStreams(os.Stdout))
	if err != nil {
		t.Fatalf("up: %v", err)
	}
	return result.Outputs
}

// UpFails runs `pulumi up`, which must fail, and returns what it said (the engine's output with the error).
//
//	if msg := enginetest.UpFails(t, stack); !strings.Contains(msg, url) { ... }
func UpFails(t *testing.T, stack auto.Stack) string {
	t.Helper()
	_, err := stack.Up(context.Background(), optup.ProgressStreams(os.Stdout))
	if err == nil {
		t.Fatalf("up succeeded, want a failure")
	}
	return err.Error()
}

// Records returns the list output `name`, each element an object; fewer than `want` elements fails the test.
//
//	for _, r := range enginetest.Records(t, out, "assetRecords", 2) { ... r["status"] ... }
func Records(t *testing.T, out auto.OutputMap, name string, want int) []map[string]any {
	t.Helper()
	list, _ := out[name].Value.([]any)
	if len(list) != want {
		t.Fatalf("%s = %v, want %d records", name, out[name].Value, want)
	}
	records := make([]map[string]any, len(list))
	for i, r := range list {
		records[i], _ = r.(map[string]any)
	}
	return records
}

// First returns the first element of the list output `name`; an empty list fails the test.
//
//	taskId := enginetest.First(t, out, "warmTaskIds")
func First(t *testing.T, out auto.OutputMap, name string) any {
	t.Helper()
	list, _ := out[name].Value.([]any)
	if len(list) == 0 {
		t.Fatalf("%s = %v, want at least one element", name, out[name].Value)
	}
	return list[0]
}

// Equal fails the test unless each named output is its wanted value.
//
//	enginetest.Equal(t, out, map[string]any{"gateStatus": "done"})
func Equal(t *testing.T, out auto.OutputMap, want map[string]any) {
	t.Helper()
	for name, w := range want {
		if got := out[name].Value; got != w {
			t.Errorf("%s = %v, want %v", name, got, w)
		}
	}
}
