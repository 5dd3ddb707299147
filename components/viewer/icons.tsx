// Small inline icons for the viewer's buttons (no icon font: nothing to load, nothing for the CSP).
import type { SVGProps } from "react";

function Icon({ d, ...props }: SVGProps<SVGSVGElement> & { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" {...props}>
      <path d={d} />
    </svg>
  );
}

export const PreviousIcon = () => <Icon d="M15 18l-6-6 6-6" />;
export const NextIcon = () => <Icon d="M9 18l6-6-6-6" />;
export const CloseIcon = () => <Icon d="M18 6L6 18M6 6l12 12" />;
export const DownloadIcon = () => <Icon d="M12 3v12m0 0l-5-5m5 5l5-5M5 21h14" />;
export const EditIcon = () => <Icon d="M12 20h9M16.5 3.5a2.1 2.1 0 013 3L7 19l-4 1 1-4z" />;
export const SaveIcon = () => <Icon d="M19 21H5a2 2 0 01-2-2V5a2 2 0 012-2h11l5 5v11a2 2 0 01-2 2zM17 21v-8H7v8M7 3v5h8" />;
export const SearchIcon = () => <Icon d="M11 19a8 8 0 100-16 8 8 0 000 16zM21 21l-4.35-4.35" />;
export const WrapIcon = () => <Icon d="M3 6h18M3 12h15a3 3 0 010 6h-5m0 0l2-2m-2 2l2 2M3 18h6" />;
export const WarningIcon = () => <Icon d="M12 9v4m0 4h.01M10.3 3.9L1.8 18a2 2 0 001.7 3h17a2 2 0 001.7-3L13.7 3.9a2 2 0 00-3.4 0z" />;
