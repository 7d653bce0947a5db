/**
 * Signs in through Auth.js's own endpoints, as a browser would without JavaScript: the CSRF token
 * from /api/auth/csrf, then the credentials to /api/auth/callback/credentials. Returns the Cookie
 * header that carries the session.
 */

/** name=value pairs from the Set-Cookie headers of a response. */
function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf gave no token");
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/dashboard` }),
  });
  for (const [k, v] of cookiesOf(response)) jar.set(k, v);
  const session = [...jar.keys()].find((k) => k.endsWith("authjs.session-token"));
  if (!session) {
    throw new Error(
      `signing in as ${email} gave no session cookie (status ${response.status}, ${response.headers.get("location") ?? "no redirect"})`,
    );
  }
  const cookie = `${session}=${jar.get(session)}`;
  // The session must open a page, not send us back to /sign-in.
  const check = await fetch(`${baseUrl}/dashboard`, { redirect: "manual", headers: { cookie } });
  if (check.status !== 200) throw new Error(`signed in as ${email}, but /dashboard answered ${check.status}`);
  await check.arrayBuffer();
  return cookie;
}
