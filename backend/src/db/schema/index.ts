export * from "./customers";
export * from "./events";
export * from "./notifications";
export * from "./payments";
export * from "./registration-tokens";
export * from "./tickets";
