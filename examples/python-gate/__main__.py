"""Purge a site's assets, hold the deployment until the purge is done, then purge the page that links them.

The same program as examples/yaml-gate, through the Python SDK. Stack config: assetUrls (a list), pageUrl,
timeoutSeconds; credentials and endpoint under tencentcloud-purge: (see the repository's README). With zoneId set,
the assets are purged on EdgeOne too, then prefetched there to warm its cache again, and the page waits for both
purges and the prefetch (as examples/dual-gate does in TypeScript). With warm set (true), the assets are prefetched
into the CDN once purged, and the page waits until every asset is warm (as examples/yaml-warm does in YAML).
"""
import pulumi
import pulumi_tencentcloud_purge as purge
from pulumi_tencentcloud_purge import edgeone

config = pulumi.Config()
asset_urls = config.get_object("assetUrls") or [
    "https://www.example.com/app.js",
    "https://www.example.com/app.css",
]
page_url = config.get("pageUrl") or "https://www.example.com/index.html"
timeout_seconds = config.get_int("timeoutSeconds") or 600

# Submit the purge of the assets; the gate does the waiting.
assets = purge.UrlPurge("assets", urls=asset_urls, wait=False)
gate = purge.PurgeTaskWaiter("gate", task_id=assets.task_id, timeout_seconds=timeout_seconds)

gates = [gate]

# Warm the CDN again once the purge is done: prefetch ("push") the assets, and hold the page until every asset is
# warm. A prefetch takes minutes, so the push only submits and a gate of its own does the waiting; a URL the origin
# lacks ends `invalid` and fails the update, naming it.
if config.get_bool("warm"):
    push = purge.UrlPush("warm", urls=asset_urls, wait=False, opts=pulumi.ResourceOptions(depends_on=[gate]))
    push_gate = purge.PushTaskWaiter("warm-gate", task_ids=push.task_ids, timeout_seconds=timeout_seconds)
    gates.append(push_gate)
    # Read back once the gate has passed, so each URL shows its final status and percent.
    push_tasks = purge.get_push_tasks_output(task_id=push_gate.task_ids[0])
    pulumi.export("warmTaskIds", push.task_ids)
    pulumi.export("warmGateStatus", push_gate.status)
    pulumi.export("warmTasks", push_tasks.push_logs)

# A site also served through EdgeOne: purge the same assets there and gate on every job of that purge too. The
# EdgeOne endpoint is tencentcloud-purge:teoEndpoint (or TENCENTCLOUD_TEO_ENDPOINT).
zone_id = config.get("zoneId")
if zone_id:
    edge_assets = edgeone.Purge("edgeone-assets", zone_id=zone_id, type="purge_url", targets=asset_urls, wait=False)
    edge_gate = edgeone.PurgeTaskWaiter("edgeone-gate", zone_id=zone_id, job_ids=edge_assets.job_ids,
                                        timeout_seconds=timeout_seconds)
    gates.append(edge_gate)
    # Warm EdgeOne's cache again once the purge is done, and hold the page until every asset is warm: an asset the
    # origin lacks ends `invalid` and fails the update, naming it.
    edge_warm = edgeone.Prefetch("edgeone-warm", zone_id=zone_id, targets=asset_urls,
                                 headers=[edgeone.HeaderArgs(name="X-Warm", value="1")],
                                 opts=pulumi.ResourceOptions(depends_on=[edge_gate]))
    gates.append(edge_warm)
    warm_tasks = edgeone.get_prefetch_tasks_output(zone_id=zone_id, job_id=edge_warm.job_id)
    pulumi.export("edgeOneWarmStatus", edge_warm.status)
    pulumi.export("edgeOneWarmTasks", warm_tasks.tasks)
    # Read back once the gate has passed (its job ids are known only then), so the tasks show their final status.
    edge_tasks = edgeone.get_purge_tasks_output(zone_id=zone_id, job_id=edge_gate.job_ids[0])
    pulumi.export("edgeOneGateStatus", edge_gate.status)
    pulumi.export("edgeOneAssetTasks", edge_tasks.tasks)

# Created only once every gate has seen every asset purged: the page never points at stale assets.
page = purge.UrlPurge("page", urls=[page_url], opts=pulumi.ResourceOptions(depends_on=gates))

# Read the assets' task back once the gate has passed (its task_id is known only then), so the records show
# the final status.
asset_tasks = purge.get_purge_tasks_output(task_id=gate.task_id)

pulumi.export("taskId", assets.task_id)
pulumi.export("gateStatus", gate.status)
pulumi.export("gateDoneAt", gate.completed_at)
pulumi.export("pageTaskId", page.task_id)
pulumi.export("pageStatus", page.status)
pulumi.export("assetRecords", asset_tasks.purge_logs)
