// The one escaping helper for text that came from input and is shown to a person: control characters (C0, DEL,
// C1: terminal escape sequences start with ESC or CSI) and bidirectional-text controls (which reorder what a reader
// sees, "Trojan Source") are written as \uXXXX, so an id can neither drive the terminal nor disguise a message.
const unsafeAll = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const unsafeButLayout = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const escapeOne = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`

/**
 * Escapes control and bidi characters. `layout` keeps newline, carriage return and tab (for whole outputs the tools
 * compose, like tables and progress lines); `none` escapes them too (for one line quoting input).
 */
export const escapeControls = (text: string, keep: "none" | "layout" = "none"): string =>
  text.replace(keep === "none" ? unsafeAll : unsafeButLayout, escapeOne)
