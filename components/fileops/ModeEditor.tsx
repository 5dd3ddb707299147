"use client";
// An octal field and nine rwx checkboxes showing the same mode: editing either updates the other.
import { useId, useState } from "react";
import { useT } from "@/lib/i18n";
import { formatOctal, hasBit, parseOctal, permissionBits, permissionClasses, toRwx, withBit } from "./permissions";
import { octalInputClass } from "./styles";

export interface ModeEditorProps {
  label: string;
  mode: number;
  onChange: (mode: number) => void;
  /** Reports whether the octal text is valid (the dialog disables its button when not). */
  onValidity?: (valid: boolean) => void;
  disabled?: boolean;
}

export function ModeEditor({ label, mode, onChange, onValidity, disabled }: ModeEditorProps) {
  const t = useT();
  const id = useId();
  // The field keeps what is typed ("75" half way) while the checkboxes follow the last valid mode.
  const [text, setText] = useState(formatOctal(mode));
  const [shown, setShown] = useState(mode);
  if (shown !== mode) {
    setShown(mode);
    if (parseOctal(text) !== mode) setText(formatOctal(mode));
  }
  const valid = parseOctal(text) !== null;

  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700" disabled={disabled}>
      <legend className="px-1 text-sm font-medium">{label}</legend>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={`${id}-octal`} className="text-sm">
          {t("fileops.chmod.octal")}
        </label>
        <input
          id={`${id}-octal`}
          className={octalInputClass}
          inputMode="numeric"
          maxLength={4}
          value={text}
          aria-invalid={!valid}
          aria-describedby={`${id}-rwx`}
          onChange={(event) => {
            setText(event.target.value);
            const parsed = parseOctal(event.target.value);
            onValidity?.(parsed !== null);
            if (parsed !== null) {
              setShown(parsed);
              onChange(parsed);
            }
          }}
        />
        <code id={`${id}-rwx`} className="text-sm text-slate-600 dark:text-slate-400" aria-label={t("fileops.chmod.symbolic", { rwx: toRwx(mode) })}>
          {toRwx(mode)}
        </code>
      </div>
      {!valid ? <p className="text-sm text-red-700 dark:text-red-300">{t("fileops.chmod.badOctal")}</p> : null}
      <table className="text-sm">
        <thead>
          <tr>
            <th scope="col" className="sr-only">
              {t("fileops.chmod.who")}
            </th>
            {permissionBits.map((bit) => (
              <th key={bit} scope="col" className="px-2 text-center font-normal text-slate-600 dark:text-slate-400">
                {t(`fileops.chmod.${bit}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {permissionClasses.map((who) => (
            <tr key={who}>
              <th scope="row" className="pr-2 text-left font-normal">
                {t(`fileops.chmod.${who}`)}
              </th>
              {permissionBits.map((bit) => (
                <td key={bit} className="px-2 py-1 text-center">
                  <input
                    type="checkbox"
                    className="size-4 accent-blue-600"
                    checked={hasBit(mode, who, bit)}
                    aria-label={t("fileops.chmod.bitLabel", { who: t(`fileops.chmod.${who}`), bit: t(`fileops.chmod.${bit}`) })}
                    onChange={(event) => {
                      const next = withBit(mode, who, bit, event.target.checked);
                      setText(formatOctal(next));
                      setShown(next);
                      onValidity?.(true);
                      onChange(next);
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
