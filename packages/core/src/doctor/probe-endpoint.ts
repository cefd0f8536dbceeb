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
