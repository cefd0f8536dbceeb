import type { DoctorCheck } from './doctor-check';
import type { ProbeResult } from './probe-endpoint';

/** An SSO endpoint answers over the network (DNS, routing, TLS, firewall). */
export function checkEndpoint(title: string, url: string, probe: ProbeResult): DoctorCheck {
  if (probe.reachable)
    return { status: 'pass', title, detail: `${url} answered (HTTP ${probe.status}, ${probe.ms} ms)` };
  return {
    status: 'fail',
    title,
    detail: `${url} cannot be reached (${probe.error} after ${probe.ms} ms)`,
    fix: 'check the network, DNS, VPN and firewall; if an AWS_ENDPOINT_URL_* variable is set, check its value',
  };
}
