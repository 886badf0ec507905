export * from "./accounts";
export * from "./errors";
export * from "./locale";
export * from "./phone";
export * from "./purchases";
export * from "./validation";
