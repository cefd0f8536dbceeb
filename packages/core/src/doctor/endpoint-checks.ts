import type { DoctorCheck } from './doctor-check';

export interface SsoEndpoints {
  oidc: string;
  portal: string;
}

/**
 * Where the AWS SDK sends SSO OIDC and SSO portal calls for a region: the service-specific endpoint
 * variable, else AWS_ENDPOINT_URL, else the public endpoint (China regions under amazonaws.com.cn).
 */
export function ssoEndpoints(region: string, env: Record<string, string | undefined>): SsoEndpoints {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return {
    oidc: env.AWS_ENDPOINT_URL_SSO_OIDC || env.AWS_ENDPOINT_URL || `https://oidc.${region}.${suffix}`,
    portal: env.AWS_ENDPOINT_URL_SSO || env.AWS_ENDPOINT_URL || `https://portal.sso.${region}.${suffix}`,
  };
}

export type ProbeResult =
  | { reachable: true; status: number; ms: number; date?: Date }
  | { reachable: false; error: string; ms: number };

export type EndpointProbe = (url: string, timeoutMs: number) => Promise<ProbeResult>;

/**
 * One unauthenticated GET: any HTTP answer (a 4xx included) means the endpoint is reachable. No proxy,
 * as the AWS SDK uses none by default. axios loads on first use only.
 */
export const probeEndpoint: EndpointProbe = async (url, timeoutMs) => {
  const { default: axios } = await import('axios');
  const started = Date.now();
  try {
    const response = await axios.get(url, {
      timeout: timeoutMs,
      proxy: false,
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'text',
    });
    const header = response.headers.date;
    const date =
      typeof header === 'string' && !Number.isNaN(Date.parse(header)) ? new Date(header) : undefined;
    return { reachable: true, status: response.status, ms: Date.now() - started, ...(date && { date }) };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { reachable: false, error: e.code ?? e.message ?? String(error), ms: Date.now() - started };
  }
};

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
