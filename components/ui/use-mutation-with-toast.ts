"use client";
// The house pattern for a dashboard mutation: call the API, invalidate what it changed, and say
// how it went in a toast (the API's own message on failure). A mutation whose result the page
// shows right where the user acts (a new key to copy, a test event's answer, a new secret) says
// `success: null`: its confirmation is inline, and no toast lands on the thing to copy or read.
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useToast } from "./toast";
import { ApiError } from "@/client/api-error";

export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

export function useMutationWithToast<Input, Output>(options: {
  mutationFn: (input: Input) => Promise<Output>;
  invalidates: QueryKey[];
  success: ((output: Output, input: Input) => string) | null;
  failure: string;
  onSuccess?: (output: Output, input: Input) => void;
}) {
  const queryClient = useQueryClient();
  const { notify } = useToast();
  return useMutation({
    mutationFn: options.mutationFn,
    onSuccess: async (output, input) => {
      if (options.success) notify("success", options.success(output, input));
      options.onSuccess?.(output, input);
      await Promise.all(options.invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (error) => notify("error", errorMessage(error, options.failure)),
  });
}
