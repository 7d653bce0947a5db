import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getActor } from "@/db/dal/session";
import { SignInForm } from "./_components/sign-in-form";
import { safeCallbackUrl } from "./schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations("SignIn");
  const app = await getTranslations("App");
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <p className="text-sm font-semibold tracking-wide text-primary">{app("name")}</p>
          <CardTitle>
            <h1>{t("title")}</h1>
          </CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm
            callbackUrl={callbackUrl}
            notice={params.notice === "password-changed" ? t("passwordChanged") : undefined}
          />
        </CardContent>
      </Card>
    </main>
  );
}
