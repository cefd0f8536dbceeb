/** A handler's answer that sends the browser elsewhere (302), as the authorize endpoint does. */
export class Redirect {
  constructor(readonly location: string) {}
}
