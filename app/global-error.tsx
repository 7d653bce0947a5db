"use client";

/**
 * The last resort, when the root layout itself failed (it reads the locale and messages, so a
 * failure there takes the translation provider with it): plain English, no detail of the error.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body
        style={{ fontFamily: "system-ui, sans-serif", maxWidth: "32rem", margin: "4rem auto", textAlign: "center" }}
      >
        <h1>Service unavailable</h1>
        <p>This page could not be loaded: the service may be briefly unavailable. Try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
