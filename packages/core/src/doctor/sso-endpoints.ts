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
