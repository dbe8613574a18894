import { createContext } from "@/server/trpc/context";
import { handleTrpcRequest } from "@/server/trpc/handle-request";

const handler = (req: Request) => handleTrpcRequest(req, createContext);

export { handler as GET, handler as POST };
