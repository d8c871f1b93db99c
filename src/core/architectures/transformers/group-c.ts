import type { TransformersArchitecture } from "../types.js";
import { albert } from "./albert.js";
import { mpnet } from "./mpnet.js";

export const groupC: readonly TransformersArchitecture[] = [mpnet, albert];
