import type { IncomingMessage, ServerResponse } from "node:http";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export function admission(options: { limit: number; maxQueue: number; bypass: (url: string) => boolean }): {
  stats(): { active: number; queued: number };
  wrap(handler: Handler): (req: IncomingMessage, res: ServerResponse) => void;
};
