import { PROTOCOL_VERSION } from "../native-bridge/protocol/version.ts"; import { test, expect } from "vitest"; test("v", () => expect(PROTOCOL_VERSION).toBe(1));
