export { listIncidents, toIncidentView } from "./list-incidents";
export { resolveIncident } from "./resolve-incident";
export { alertSettingsFromEnv, evaluateHealthAlerts, type AlertSettings } from "./evaluate-health-alerts";
