// The EdgeOne gate in Go, the same program as examples/yaml-edgeone: purge the assets on EdgeOne, wait until
// every target succeeded, then purge the page that links them, and read the assets' tasks back.
package main

import (
	"github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge/sdk-go/tencentcloudpurge/edgeone"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

// edgeOneGateProgram is the Pulumi program; main runs it. The EdgeOne endpoint is the stack config
// `tencentcloud-purge:teoEndpoint` (or TENCENTCLOUD_TEO_ENDPOINT), credentials as for every program.
func edgeOneGateProgram(ctx *pulumi.Context) error {
	// The zone: stack config `go-edgeone:zoneId`. How long the gate waits: `go-edgeone:timeoutSeconds`, default 600.
	zoneId := config.Get(ctx, "zoneId")
	if zoneId == "" {
		zoneId = "zone-2noz78a8ev6k"
	}
	timeoutSeconds := config.GetFloat64(ctx, "timeoutSeconds")
	if timeoutSeconds == 0 {
		timeoutSeconds = 600
	}
	// Submit the purge of the assets; the gate does the waiting.
	assets, err := edgeone.NewPurge(ctx, "assets", &edgeone.PurgeArgs{
		ZoneId: pulumi.String(zoneId),
		Type:   edgeone.PurgeType_PURGE_URL,
		Targets: pulumi.StringArray{
			pulumi.String("https://www.example.com/app.js"),
			pulumi.String("https://www.example.com/app.css"),
		},
		Wait: pulumi.Bool(false),
	})
	if err != nil {
		return err
	}
	// Every job of the purge (one per quota batch), so a long list is gated whole.
	gate, err := edgeone.NewPurgeTaskWaiter(ctx, "gate", &edgeone.PurgeTaskWaiterArgs{
		ZoneId:         pulumi.String(zoneId),
		JobIds:         assets.JobIds,
		TimeoutSeconds: pulumi.Float64(timeoutSeconds),
	})
	if err != nil {
		return err
	}
	// Created only once the gate has seen every asset succeed.
	page, err := edgeone.NewPurge(ctx, "page", &edgeone.PurgeArgs{
		ZoneId:         pulumi.String(zoneId),
		Type:           edgeone.PurgeType_PURGE_URL,
		Targets:        pulumi.StringArray{pulumi.String("https://www.example.com/index.html")},
		TimeoutSeconds: pulumi.Float64(timeoutSeconds),
	}, pulumi.DependsOn([]pulumi.Resource{gate}))
	if err != nil {
		return err
	}
	// The gate's job ids are known only once it has passed, so the tasks show their final status.
	tasks := edgeone.GetPurgeTasksOutput(ctx, edgeone.GetPurgeTasksOutputArgs{
		ZoneId: pulumi.String(zoneId),
		JobId:  gate.JobIds.Index(pulumi.Int(0)),
	})

	ctx.Export("jobIds", assets.JobIds)
	ctx.Export("gateStatus", gate.Status)
	ctx.Export("gateDoneAt", gate.CompletedAt)
	ctx.Export("pageJobId", page.JobId)
	ctx.Export("pageStatus", page.Status)
	ctx.Export("assetTasks", tasks.Tasks())
	return nil
}
