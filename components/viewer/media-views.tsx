"use client";

import { useState } from "react";
import { downloadHref } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import { Unavailable } from "./unavailable";
import { previewHref } from "./viewable";

/**
 * An image, only ever in <img> (an SVG's scripts never run there). Fits the window; a click
 * shows it at its real size (scrollable) and back.
 */
export function ImageView({ path, name }: { path: string; name: string }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const [actualSize, setActualSize] = useState(false);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  if (failed) return <Unavailable path={path} message={t("viewer.imageFailed")} />;
  return (
    <div className="relative flex h-full flex-col">
      <div className={`min-h-0 flex-1 ${actualSize ? "overflow-auto" : "flex items-center justify-center overflow-hidden p-2"}`}>
        {/* eslint-disable-next-line @next/next/no-img-element -- remote content through Ferry's sandboxed preview route, not a static asset */}
        <img
          src={previewHref(path)}
          alt={name}
          onError={() => setFailed(true)}
          onLoad={(e) => setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          onClick={() => setActualSize((v) => !v)}
          title={actualSize ? t("viewer.fitToWindow") : t("viewer.actualSize")}
          className={actualSize ? "max-w-none cursor-zoom-out" : "max-h-full max-w-full cursor-zoom-in object-contain"}
          style={{ imageRendering: size && size.width < 256 && !actualSize ? "pixelated" : undefined }}
          data-testid="image-preview"
        />
      </div>
      {size ? (
        <p className="px-3 py-1 text-center text-xs text-slate-300" data-testid="image-size">
          {t("viewer.imageSize", { width: size.width, height: size.height })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A PDF in a frame of the preview address. The server sends it with `CSP: sandbox`, so the
 * document gets an opaque origin and runs no script of its own, and Chromium's built-in
 * viewer still renders it (checked in headless Chromium). The frame itself has no `sandbox`
 * attribute on purpose: with one, Chromium refuses to load its PDF viewer at all.
 * A browser without a built-in viewer shows nothing; the line below offers the download.
 */
export function PdfView({ path, name }: { path: string; name: string }) {
  const t = useT();
  return (
    <div className="flex h-full flex-col">
      <iframe src={previewHref(path)} title={t("viewer.pdfTitle", { name })} className="min-h-0 w-full flex-1 border-0 bg-white" data-testid="pdf-preview" />
      <p className="px-3 py-1 text-center text-xs text-slate-600 dark:text-slate-400">
        {t("viewer.pdfFallback")}{" "}
        <a href={downloadHref(path)} download className="underline">
          {t("viewer.download")}
        </a>
      </p>
    </div>
  );
}

/** Audio or video through the preview route: the browser seeks with Range requests, so playback starts at once. */
export function MediaView({ path, name, kind }: { path: string; name: string; kind: "audio" | "video" }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (failed) return <Unavailable path={path} message={t("viewer.mediaFailed")} />;
  const common = { src: previewHref(path), controls: true, preload: "metadata", onError: () => setFailed(true), "aria-label": name } as const;
  return (
    <div className="flex h-full items-center justify-center p-4">
      {kind === "video" ? (
        <video {...common} className="max-h-full max-w-full" data-testid="video-preview" />
      ) : (
        <audio {...common} className="w-full max-w-xl" data-testid="audio-preview" />
      )}
    </div>
  );
}
