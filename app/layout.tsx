import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "Ferry" };

// Every page renders per request, so Next can put proxy.ts's CSP nonce on its scripts;
// a page prerendered at build time would carry none and its scripts would be blocked.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
