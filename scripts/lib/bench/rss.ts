/**
 * The server's memory: VmRSS from /proc of its process and any children, every 200 ms while the
 * load runs; the peak is what the report shows. Linux only (elsewhere the peak stays 0).
 */
import fs from "node:fs";

function rssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process and its descendants. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return out;
}

export class RssSampler {
  peakKb = 0;
  /** The peak since the last mark(): which page drove memory up. */
  windowPeakKb = 0;
  private timer: NodeJS.Timeout | null = null;
  private pids: number[];

  constructor(private readonly pid: number) {
    this.pids = fs.existsSync("/proc") ? tree(pid) : [];
  }

  sample(): void {
    if (this.pids.length === 0) return;
    const kb = this.pids.reduce((sum, pid) => sum + rssKb(pid), 0);
    if (kb > this.peakKb) this.peakKb = kb;
    if (kb > this.windowPeakKb) this.windowPeakKb = kb;
  }

  /** Starts a new window; returns the peak of the one that ends. */
  mark(): number {
    this.sample();
    const peak = this.windowPeakKb;
    this.windowPeakKb = 0;
    return peak;
  }

  start(): void {
    this.pids = fs.existsSync("/proc") ? tree(this.pid) : [];
    this.timer ??= setInterval(() => this.sample(), 200);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
  }
}
