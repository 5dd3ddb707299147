"use client";

import Link from "next/link";
import { filesHref, pathCrumbs } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import { useDropTarget } from "./drop-targets";

/** The path as clickable segments; each segment is also a drop target (move rows there, upload files there). */
export function Breadcrumbs({ path }: { path: string }) {
  const t = useT();
  const crumbs = pathCrumbs(path);
  return (
    <nav aria-label={t("browser.breadcrumbs")} className="min-w-0">
      <ol className="flex flex-wrap items-center gap-0.5 text-sm" data-testid="breadcrumbs">
        {crumbs.map((crumb, i) => (
          <li key={crumb.path} className="flex min-w-0 items-center gap-0.5">
            {i > 0 ? (
              <span aria-hidden className="px-0.5 text-slate-400">
                /
              </span>
            ) : null}
            <Crumb path={crumb.path} name={crumb.name || t("browser.root")} current={i === crumbs.length - 1} />
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Crumb({ path, name, current }: { path: string; name: string; current: boolean }) {
  const { isOver, dropProps } = useDropTarget(path);
  return (
    <Link
      href={filesHref(path)}
      aria-current={current ? "page" : undefined}
      {...dropProps}
      className={`max-w-[16rem] truncate rounded px-1.5 py-0.5 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-slate-700 ${current ? "font-semibold" : "text-blue-700 dark:text-blue-300"} ${isOver ? "bg-blue-100 ring-2 ring-blue-500 dark:bg-blue-900" : ""}`}
    >
      {name}
    </Link>
  );
}
