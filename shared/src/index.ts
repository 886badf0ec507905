export * from "./accounts";
export * from "./phone";
