"use client";
// Create or edit an endpoint. Checked in the browser first (the same limits as the server),
// then by the API, whose field errors land next to their fields; focus moves to the first field
// in error, so a keyboard user lands where the problem is. A polling endpoint (chosen at creation
// only) hides what only a push uses: URL, rate and timeout, transformation, custom headers, receiver auth, egress.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/link-button";
import type { EndpointView } from "./use-endpoint";
import { ApiError } from "@/client/api-error";
import { ENDPOINT_LIMITS as LIMITS } from "@/lib/schemas/endpoint-rules";
import {
  formErrorsFromApi,
  initialFormValues,
  toEndpointBody,
  validateEndpointForm,
  type EndpointFormValues,
  type FormErrors,
} from "./endpoint-form-values";
import { DeliveryTypeField } from "./delivery-type-field";
import { EventTypePicker } from "./event-type-picker";
import { handOffPollingToken } from "./polling-token-handoff";
import { HeaderRows } from "./header-rows";
import { ReceiverAuthFields } from "./receiver-auth-fields";
import { RoutingFields } from "./routing-fields";
import { RetryScheduleField } from "@/components/policies/retry-schedule-field";
import { TransformationFields } from "@/components/policies/transformation-fields";
import { SignatureSchemeField } from "./signature-scheme-field";
import { EgressFields } from "./egress-fields";
import { useSaveEndpoint } from "./use-endpoint";

interface Props {
  tenantId: string;
  /** The endpoint to edit, with its custom headers; a new endpoint when left out. */
  endpoint?: EndpointView;
  headers?: Record<string, string>;
}

export function EndpointForm({ tenantId, endpoint, headers }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<EndpointFormValues>(() => initialFormValues(endpoint, headers));
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const save = useSaveEndpoint(tenantId, endpoint?.id);
  const hydrated = useHydrated();
  const storedAuthType = endpoint?.authType ?? null;
  const detailPath = (id: string) => `/t/${tenantId}/endpoints/${id}`;
  const polling = values.type === "polling";

  // After each failed submit, the first field in error takes the focus.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }, [attempt]);

  // Editing a field clears its error; the others stay until the next submit.
  const set = <Key extends keyof EndpointFormValues>(key: Key, value: EndpointFormValues[Key]) => {
    setValues((current) => ({ ...current, [key]: value }));
    const errorKey = key === "timeoutSeconds" ? "timeoutMs" : key;
    setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(([path]) => path !== errorKey && !path.startsWith(`${errorKey}.`)),
      ),
    );
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = validateEndpointForm(values, storedAuthType);
    setErrors(local);
    if (Object.keys(local).length) {
      setAttempt((count) => count + 1);
      return;
    }
    const body = toEndpointBody(values, storedAuthType, endpoint?.signatureScheme ?? null, endpoint);
    save.mutate(endpoint ? body : { ...body, type: values.type }, {
      onSuccess: (saved) => {
        // A polling endpoint's token is in this answer only: in memory to its page, never in the URL.
        if ("pollingToken" in saved && typeof saved.pollingToken === "string")
          handOffPollingToken(saved.id, saved.pollingToken);
        // `?created=1`: the new endpoint's page confirms it beside its signing secret.
        router.push(endpoint ? detailPath(saved.id) : `${detailPath(saved.id)}?created=1`);
        router.refresh();
      },
      onError: (error) => {
        setErrors(
          error instanceof ApiError
            ? formErrorsFromApi(error.fieldErrors(), values, error.message)
            : { form: "The server could not be reached. Try again." },
        );
        setAttempt((count) => count + 1);
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
      {errors.form && (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-red-200">
          {errors.form}
        </p>
      )}
      <Card
        title="Destination"
        description={
          polling
            ? "The receiver fetches its messages with the polling token shown once this endpoint is created; each carries the JSON body and Standard Webhooks signature headers."
            : "Hookline sends a POST request with a JSON body and Standard Webhooks signature headers to this URL."
        }
      >
        <div className="space-y-4">
          {!endpoint && <DeliveryTypeField value={values.type} onChange={(type) => set("type", type)} />}
          {!polling && (
            <TextField
              label="Endpoint URL"
              name="url"
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              required
              placeholder="https://example.com/webhooks"
              value={values.url}
              maxLength={LIMITS.urlMaxLength}
              onChange={(event) => set("url", event.target.value)}
              error={errors.url}
            />
          )}
          <TextField
            label="Name (optional)"
            name="name"
            autoComplete="off"
            placeholder="Billing service"
            value={values.name}
            maxLength={LIMITS.nameMaxLength}
            onChange={(event) => set("name", event.target.value)}
            error={errors.name}
          />
          <TextField
            label="Description"
            name="description"
            placeholder="Production receiver for billing events"
            value={values.description}
            maxLength={LIMITS.descriptionMaxLength}
            onChange={(event) => set("description", event.target.value)}
            error={errors.description}
            hint="Optional: for you and your team."
          />
        </div>
      </Card>

      <Card title="Events" description="Only messages of the chosen types are delivered to this endpoint.">
        <EventTypePicker
          all={values.allEventTypes}
          selected={values.eventTypes}
          error={errors.eventTypes}
          onChange={({ all, selected }) => {
            set("allEventTypes", all);
            set("eventTypes", selected);
          }}
        />
      </Card>

      <Card
        title="Routing"
        description="Narrow what this endpoint receives by payload and channel, and keep related messages in order."
      >
        <RoutingFields
          tenantId={tenantId}
          values={values.routing}
          eventTypes={values.allEventTypes ? [] : values.eventTypes}
          errors={errors}
          onChange={(routing) => {
            setValues((current) => ({ ...current, routing }));
            setErrors(({ filter: _filter, channels: _channels, ...rest }) => rest);
          }}
        />
      </Card>

      <Card
        className={polling ? "hidden" : undefined}
        title="Delivery"
        description="Protect your receiver: limit the request rate and how many requests are in flight at once."
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Rate limit (requests/s)"
            name="rateLimit"
            type="number"
            inputMode="numeric"
            min={LIMITS.rateLimit.min}
            max={LIMITS.rateLimit.max}
            placeholder="Unlimited"
            value={values.rateLimit}
            onChange={(event) => set("rateLimit", event.target.value)}
            error={errors.rateLimit}
          />
          <TextField
            label="Concurrent requests"
            name="maxConcurrency"
            type="number"
            inputMode="numeric"
            min={LIMITS.maxConcurrency.min}
            max={LIMITS.maxConcurrency.max}
            placeholder="Default"
            value={values.maxConcurrency}
            onChange={(event) => set("maxConcurrency", event.target.value)}
            error={errors.maxConcurrency}
          />
          <TextField
            label="Timeout (seconds)"
            name="timeoutSeconds"
            type="number"
            inputMode="numeric"
            min={LIMITS.timeoutMs.min / 1_000}
            max={LIMITS.timeoutMs.max / 1_000}
            placeholder="Default (15)"
            value={values.timeoutSeconds}
            onChange={(event) => set("timeoutSeconds", event.target.value)}
            error={errors.timeoutMs}
          />
        </div>
      </Card>

      <Card title="Retries" description="When a try fails, when to try again, and when to give up.">
        <RetryScheduleField
          value={values.policies.retrySchedule}
          onChange={(retrySchedule) => {
            setValues((current) => ({ ...current, policies: { ...current.policies, retrySchedule } }));
            setErrors(({ retrySchedule: _schedule, ...rest }) => rest);
          }}
          inherits="the event type's schedule, else the instance default"
          error={errors.retrySchedule}
        />
      </Card>

      <Card
        className={polling ? "hidden" : undefined}
        title="Transformation"
        description="Reshape the body for this receiver (a Slack message, another vendor's format) with a JSONata expression."
      >
        <TransformationFields
          tenantId={tenantId}
          values={values.policies}
          eventTypes={values.allEventTypes ? [] : values.eventTypes}
          errors={errors}
          onChange={(policies) => {
            setValues((current) => ({ ...current, policies }));
            setErrors((current) =>
              Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith("transformation."))),
            );
          }}
        />
      </Card>

      <Card
        className={polling ? "hidden" : undefined}
        title="Custom headers"
        description="Sent with every request. Values are stored encrypted and masked in the attempt log."
      >
        <HeaderRows rows={values.headers} errors={errors} onChange={(rows) => set("headers", rows)} />
      </Card>

      <Card title={polling ? "Signature" : "Signature and receiver authentication"}>
        <div className="space-y-4">
          <SignatureSchemeField
            value={values.signatureScheme}
            stored={endpoint?.signatureScheme ?? null}
            onChange={(scheme) => set("signatureScheme", scheme)}
          />
          {!polling && (
            <ReceiverAuthFields
              auth={values.auth}
              storedType={storedAuthType}
              errors={errors}
              onChange={(auth) => set("auth", auth)}
            />
          )}
        </div>
      </Card>

      <Card
        className={polling ? "hidden" : undefined}
        title="Egress"
        description="How requests leave: a client certificate for mTLS, a private CA, the proxy, and trace context."
      >
        <EgressFields
          values={values.egress}
          stored={{
            clientCertificate: endpoint?.clientCertificate ?? null,
            caCertificate: endpoint?.caCertificate ?? null,
          }}
          errors={errors}
          onChange={(egress) => {
            setValues((current) => ({ ...current, egress }));
            setErrors((current) =>
              Object.fromEntries(
                Object.entries(current).filter(
                  ([path]) => !/^(clientCertificate\.|caCertificate$|proxyUrl$)/.test(path),
                ),
              ),
            );
          }}
        />
      </Card>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <LinkButton variant="secondary" href={endpoint ? detailPath(endpoint.id) : `/t/${tenantId}/endpoints`}>
          Cancel
        </LinkButton>
        <Button type="submit" busy={save.isPending} disabled={!hydrated}>
          {endpoint ? "Save changes" : "Create endpoint"}
        </Button>
      </div>
    </form>
  );
}
