export * from "./audit";
export * from "./customers";
export * from "./events";
export * from "./gifts";
export * from "./notifications";
export * from "./payments";
export * from "./registration-tokens";
export * from "./tickets";
