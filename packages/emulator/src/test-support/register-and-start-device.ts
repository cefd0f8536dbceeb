import {
  RegisterClientCommand,
  type SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';

/** RegisterClient then StartDeviceAuthorization, as `aws sso login` begins. */
export async function registerAndStartDevice(client: SSOOIDCClient, scopes?: string[]) {
  const startUrl = 'https://example.awsapps.com/start';
  const registration = await client.send(
    new RegisterClientCommand({ clientName: 'emulator-test', clientType: 'public', scopes }),
  );
  const clientId = registration.clientId as string;
  const clientSecret = registration.clientSecret as string;
  const device = await client.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl }));
  return { startUrl, clientId, clientSecret, device, deviceCode: device.deviceCode as string };
}
