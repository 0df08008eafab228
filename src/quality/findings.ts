// A quality finding: what the build noticed about the data, for the terminal and the check report.
export type Severity = "error" | "warning" | "info";

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** What to do about it, in plain French. */
  hint?: string;
  file?: string;
  line?: number;
  indicator?: string;
  territory?: string;
}
