/**
 * The README of the generated Python SDK (at its root, where its pyproject.toml points, and in the package):
 * what a Python user needs to install the SDK and the plugin and to write a first gate.
 */

/** The Python SDK's README, as Markdown. */
export const PYTHON_README = `# pulumi_tencentcloud_purge

Read Tencent Cloud CDN purge tasks from a Pulumi program, and hold a deployment back until a purge has really
finished. The Python SDK of the \`tencentcloud-purge\` provider plugin.

## Install

\`\`\`sh
pip install "git+https://github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge.git@v0.1.0#subdirectory=sdk-python"
\`\`\`

or, from a checkout of the repository, \`pip install ./sdk-python\`. The provider plugin it drives needs Node.js 20
or newer on PATH; \`pulumi up\` downloads the plugin from the repository's releases, or install it yourself:
\`pulumi plugin install resource tencentcloud-purge <version>\` (add \`--server <URL>\` for a mirror of the release
archives).

## A first program

A Pulumi project is a folder with three files. \`Pulumi.yaml\`:

\`\`\`yaml
name: purge-gate
runtime:
  name: python
  options:
    toolchain: pip
    virtualenv: venv
\`\`\`

\`requirements.txt\`:

\`\`\`text
pulumi>=3.0.0,<4.0.0
pulumi_tencentcloud_purge @ git+https://github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge.git@v0.1.0#subdirectory=sdk-python
\`\`\`

\`__main__.py\`:

\`\`\`python
import pulumi
import pulumi_tencentcloud_purge as purge

assets = purge.UrlPurge("assets", urls=["https://www.example.com/app.js"], wait=False)
gate = purge.PurgeTaskWaiter("gate", task_id=assets.task_id, timeout_seconds=600)
# Created only once the gate has seen the purge done.
page = purge.UrlPurge("page", urls=["https://www.example.com/index.html"],
                      opts=pulumi.ResourceOptions(depends_on=[gate]))
records = purge.get_purge_tasks_output(task_id=gate.task_id)
pulumi.export("gateStatus", gate.status)
pulumi.export("assetRecords", records.purge_logs)
\`\`\`

Then, in that folder:

\`\`\`sh
pulumi stack init dev
pulumi config set tencentcloud-purge:secretId AKID...
pulumi config set --secret tencentcloud-purge:secretKey ...
pulumi up
\`\`\`

The first \`pulumi up\` makes the virtualenv \`venv\` and installs \`requirements.txt\` into it, then downloads the
plugin. The key stays encrypted in the stack's config and state. Instead of the config, \`TENCENTCLOUD_SECRET_ID\`
and \`TENCENTCLOUD_SECRET_KEY\` in the environment work too.

## Without a cloud account

The repository's emulator of the CDN and EdgeOne APIs runs on your machine (\`npx tencentcloud-purge-emulator\`
after \`npm install pulumi-tencentcloud-purge\`, or \`npm run emulator\` in a checkout). It prints its address and a
key pair; set them instead of a real key, with the address as the endpoint:

\`\`\`sh
pulumi config set tencentcloud-purge:endpoint http://127.0.0.1:<port>
\`\`\`

The whole example, with EdgeOne, is in the repository (\`examples/python-gate\`).
`;
