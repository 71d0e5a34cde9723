// Entry point for `pulumi up` in this folder (with a Pulumi CLI that has the Node.js language host).
import { readStatusProgram } from "./program";

export = readStatusProgram();
