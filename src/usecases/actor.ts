/** Who is acting, from Forge's trusted invocation context — never from a payload. */
export interface Actor {
  accountId: string;
}

/** What a use case needs from the world besides storage and Jira: time and fresh ids. */
export interface Env {
  now: () => Date;
  newId: () => string;
}
