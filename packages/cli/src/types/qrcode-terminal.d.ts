// qrcode-terminal ships no types; this is the one call the CLI makes. The callback runs synchronously, and
// `generate` reads `this`, so it is called on the module, never destructured.
declare module 'qrcode-terminal' {
  const qrcode: {
    generate(text: string, options: { small?: boolean }, callback: (qr: string) => void): void;
  };
  export = qrcode;
}
