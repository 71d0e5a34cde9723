// The Node.js version the plugin needs, checked by both launchers (the npm package's and the release archives')
// before anything else loads: an older Node.js would otherwise fail somewhere inside gRPC or the Tencent Cloud
// SDK, with a message that says nothing of the version.
"use strict";
const NEEDED = 20;
if (Number(process.versions.node.split(".")[0]) < NEEDED) {
    process.stderr.write(`pulumi-resource-tencentcloud-purge needs Node.js ${NEEDED}+ on PATH: the node found there ` +
        `(${process.execPath}) is ${process.version}\n`);
    process.exit(1);
}
