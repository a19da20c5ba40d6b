// The box wire protocol's version: sent in every `hello`; bumped on any incompatible change.
export const PROTOCOL_VERSION = 1;
