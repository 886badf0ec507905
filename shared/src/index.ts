export * from "./accounts";
export * from "./phone";
export * from "./purchases";
