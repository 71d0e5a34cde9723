// Command sdkgen writes the Python and Go SDKs of the provider plugin from its schema, with Pulumi's own code
// generators (github.com/pulumi/pulumi/pkg/v3/codegen/python and .../go). `pulumi package gen-sdk` would hand
// the work to each language's host; this calls the same generators directly, so no Python or Go language host
// is needed.
//
// Usage: sdkgen <schema.json> <python-out-dir> <go-out-dir>
//
// Each output folder is replaced by exactly the generated files.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool is the generator name the SDKs' "do not edit" headers name.
const tool = "pulumi-tencentcloud-purge sdkgen"

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: sdkgen <schema.json> <python-out-dir> <go-out-dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, pythonDir, goDir string) error {
	text, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noOtherPackages{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s does not bind: %v", schemaPath, diags)
	}

	pyFiles, err := python.GeneratePackage(tool, pkg, nil, noOtherPackages{})
	if err != nil {
		return fmt.Errorf("python: %w", err)
	}
	// pyproject.toml names README.md beside it, but the generator writes the README only into the package folder
	// (Pulumi's own providers copy it up in their build): without the copy, pip cannot build the SDK.
	for name, content := range pyFiles {
		if filepath.Base(name) == "README.md" && filepath.Dir(name) != "." {
			pyFiles["README.md"] = content
			break
		}
	}
	if err := writeAll(pythonDir, pyFiles); err != nil {
		return err
	}
	goFiles, err := gogen.GeneratePackage(tool, pkg, nil)
	if err != nil {
		return fmt.Errorf("go: %w", err)
	}
	return writeAll(goDir, goFiles)
}

// writeAll replaces dir with the generated files.
func writeAll(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// noOtherPackages is the loader for a schema that refers to no other package: asking it for one is an error.
// (The CLI's loader would start plugins to find packages; nothing here needs that.)
type noOtherPackages struct{}

func (noOtherPackages) fail(name string) error {
	return fmt.Errorf("the schema refers to package %q; only self-contained schemas are supported", name)
}

func (l noOtherPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, l.fail(name)
}

func (l noOtherPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, l.fail(d.Name)
}

func (l noOtherPackages) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, l.fail(name)
}

func (l noOtherPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, l.fail(d.Name)
}
