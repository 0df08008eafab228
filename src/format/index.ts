// French formatting: numbers, units, statuses, differences, comparison sentences, text helpers.
export * from "./number";
export * from "./unit";
export * from "./value";
export * from "./difference";
export * from "./compare";
export * from "./text";
