export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAtMs: number;
  intervalSeconds: number;
  lastPollMs?: number;
  status: 'pending' | 'approved' | 'denied';
}
