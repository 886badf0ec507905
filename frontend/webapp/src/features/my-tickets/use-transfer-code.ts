import { useMutation } from "@tanstack/react-query";
import { requestTransferCode } from "../../lib/api/services/tickets";

/** Texts the customer the code that passing a ticket on needs. Changes no ticket, so no key to refresh. */
export function useTransferCode() {
  return useMutation({ mutationFn: requestTransferCode });
}
