export * from "./customers";
export * from "./events";
export * from "./notifications";
