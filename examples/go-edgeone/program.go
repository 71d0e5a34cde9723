// The EdgeOne gate in Go, the same program as examples/yaml-edgeone: purge the assets on EdgeOne, wait until
// every target succeeded, then purge the page that links them, and read the assets' tasks back. With
// `go-edgeone:warm` set, the assets are prefetched once purged, and the page waits until every asset is warm too.
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
	// The assets: stack config `go-edgeone:assetUrls` (a list), default the two below.
	assetUrls := []string{"https://www.example.com/app.js", "https://www.example.com/app.css"}
	if err := config.GetObject(ctx, "assetUrls", &assetUrls); err != nil {
		return err
	}
	// Submit the purge of the assets; the gate does the waiting.
	assets, err := edgeone.NewPurge(ctx, "assets", &edgeone.PurgeArgs{
		ZoneId:  pulumi.String(zoneId),
		Type:    edgeone.PurgeType_PURGE_URL,
		Targets: pulumi.ToStringArray(assetUrls),
		Wait:    pulumi.Bool(false),
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
	gates := []pulumi.Resource{gate}
	if config.GetBool(ctx, "warm") {
		// Warm the cache again once the purge is done; the prefetch waits until every target is warm. A target
		// the origin lacks ends `invalid` and fails the update, naming it and why.
		warm, err := edgeone.NewPrefetch(ctx, "warm", &edgeone.PrefetchArgs{
			ZoneId:         pulumi.String(zoneId),
			Targets:        pulumi.ToStringArray(assetUrls),
			TimeoutSeconds: pulumi.Float64(timeoutSeconds),
		}, pulumi.DependsOn([]pulumi.Resource{gate}))
		if err != nil {
			return err
		}
		gates = append(gates, warm)
		warmTasks := edgeone.GetPrefetchTasksOutput(ctx, edgeone.GetPrefetchTasksOutputArgs{
			ZoneId: pulumi.String(zoneId),
			JobId:  warm.JobId,
		})
		ctx.Export("warmJobIds", warm.JobIds)
		ctx.Export("warmStatus", warm.Status)
		ctx.Export("warmTasks", warmTasks.Tasks())
	}
	// Created only once every gate has seen every asset succeed (and, with warm, every asset warm).
	page, err := edgeone.NewPurge(ctx, "page", &edgeone.PurgeArgs{
		ZoneId:         pulumi.String(zoneId),
		Type:           edgeone.PurgeType_PURGE_URL,
		Targets:        pulumi.StringArray{pulumi.String("https://www.example.com/index.html")},
		TimeoutSeconds: pulumi.Float64(timeoutSeconds),
	}, pulumi.DependsOn(gates))
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
