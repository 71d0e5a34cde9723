// Entry point for `pulumi up` in this folder (with a Pulumi CLI that has the Node.js language host).
import { dualGateProgram } from "./program";

export = dualGateProgram();
