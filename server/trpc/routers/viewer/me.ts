import { authedProcedure } from "@/server/trpc/init";

export const meProcedure = authedProcedure.query(({ ctx }) => {
  const { permissions, ...rest } = ctx.viewer;
  return { ...rest, permissions: [...permissions] };
});
