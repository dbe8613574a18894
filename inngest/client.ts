import { Inngest } from "inngest";

/** One Inngest client. Functions arrive with the dial engine; the in-process driver (server/jobs) runs them by default. */
export const inngest = new Inngest({ id: "zhineng-waihu" });
