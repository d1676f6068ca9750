// The vocabulary served at GET /v1/vocabulary and used by every UI.
export * from "./behaviours.ts";
export * from "./channels.ts";
export * from "./label.ts";
export * from "./methods.ts";
export * from "./needs.ts";
