/** The role @Authorized asks for on fields that write: holding the API key. */
export const WRITE = "WRITE";
